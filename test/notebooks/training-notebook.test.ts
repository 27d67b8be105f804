import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { debianPythonJson } from "../oracle/debian-python";
import { cellOutputText, cleanCodeCells, executeForTest } from "./run-notebook-fixture";

test("05-training runs in the real tslab kernel: presets, commands, converters, fit, dry run, curves; launch gated", async () => {
  const { nb, outRoot } = await executeForTest("05-training", { T3KIT_TRAIN_LAUNCH: "" });
  const cells = cleanCodeCells(nb, assert.ok);
  const all = cells.map(cellOutputText).join("\n");
  assert.match(all, /Data: embedded default/);
  assert.match(all, /global batch 64 cannot be split over 1 per device x 3 GPUs/);
  assert.match(all, /torchrun --nnodes 1 --nproc_per_node 8 .* longva\/train\/train_mem\.py --deepspeed scripts\/zero3\.json/);
  assert.match(all, /--node_rank \$SLURM_NODEID/);
  assert.match(all, /learning_rate: 1\.0e-5/);
  assert.match(all, /swift sft --model_type qwen2-vl-72b-instruct/);
  assert.match(all, /not launched \(set T3KIT_TRAIN_LAUNCH=1\)/);
  const presets = readFileSync(join(outRoot, "tables", "training-presets.csv"), "utf8");
  assert.match(presets, /^argument,longva-7b-t3,qwen2-vl-7b-t3,qwen2-vl-72b-t3,/);
  for (const f of ["training-fit-qwen2-vl-7b.csv", "training-memory.csv"]) assert.ok(existsSync(join(outRoot, "tables", f)), f);
  assert.ok(existsSync(join(outRoot, "figures", "training-curves-ms-swift-fixture.png")));
  // The dry run's YAML is what PyYAML (LLaMA-Factory's reader) takes.
  const yaml = debianPythonJson<Record<string, unknown>>(
    "import json,sys,yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.read())))",
    readFileSync(join(outRoot, "runs", "qwen2-vl-7b-t3", "train.yaml"), "utf8"),
  );
  assert.equal(yaml.learning_rate, 1e-5);
  assert.equal(yaml.max_samples, 75000);
});
