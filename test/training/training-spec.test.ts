import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import {
  llamafactoryYaml,
  loadTrainingSpec,
  planBatch,
  planTraining,
  presetSpec,
  renderRun,
  validateTrainingSpec,
  yamlFloat,
  yamlString,
} from "../../lib/training/index";
import { debianPythonJson } from "../oracle/debian-python";

function specError(raw: unknown): InputError {
  try {
    validateTrainingSpec(raw, "run.yaml");
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  throw new Error("expected an InputError");
}

test("bad specs are refused with the field path", () => {
  const cases: [unknown, string, RegExp][] = [
    [{}, "preset", /missing/],
    [{ preset: "llama-9b" }, "preset", /unknown preset "llama-9b" \(known: longva-7b-t3/],
    [
      { preset: "longva-7b-t3", hyperparameters: { learning_rate: "1e-5x" } },
      "hyperparameters.learning_rate",
      /expected a number, got string "1e-5x"/,
    ],
    [
      { preset: "qwen2-vl-7b-t3", hyperparameters: { max_samples: "75_000" } },
      "hyperparameters.max_samples",
      /expected an integer/,
    ],
    [
      { preset: "qwen2-vl-7b-t3", hyperparameters: { bogus: 1 } },
      "hyperparameters.bogus",
      /not an argument of the qwen2-vl-7b-t3 preset/,
    ],
    [
      { preset: "qwen2-vl-7b-t3", hyperparameters: { bf16: "yes" } },
      "hyperparameters.bf16",
      /true or false/,
    ],
    [
      { preset: "longva-7b-t3", hyperparameters: { data_path: "x" } },
      "hyperparameters.data_path",
      /data\.path/,
    ],
    [
      { preset: "longva-7b-t3", hardware: { gpusPerNode: 0 } },
      "hardware.gpusPerNode",
      /positive integer/,
    ],
    [{ preset: "longva-7b-t3", hardware: { nodes: 1.5 } }, "hardware.nodes", /positive integer/],
    [
      { preset: "longva-7b-t3", batch: { global: 64, gradientAccumulation: 8 } },
      "batch",
      /not both/,
    ],
    [{ preset: "longva-7b-t3", name: "../escape" }, "name", /not a run name/],
    [{ preset: "longva-7b-t3", name: "a b" }, "name", /not a run name/],
    [{ preset: "longva-7b-t3", extra: 1 }, "extra", /unknown field/],
    [{ preset: "longva-7b-t3", env: { "1X": "a" } }, "env.1X", /environment variable/],
    [{ preset: "longva-7b-t3", data: [] }, "data", /expected a mapping, got a list/],
    [[], "", /expected a mapping/],
    [
      { preset: "qwen2-vl-7b-t3", data: { datasetName: "a,b" } },
      "data.datasetName",
      /splits dataset names on commas/,
    ],
    [{ preset: "qwen2-vl-7b-t3", model: "--evil" }, "model", /read it as a flag/],
    [
      { preset: "longva-7b-t3", hyperparameters: { report_to: "-x" } },
      "hyperparameters.report_to",
      /read it as a flag/,
    ],
  ];
  for (const [raw, field, problem] of cases) {
    const e = specError(raw);
    assert.equal(e.location.field ?? "", field, JSON.stringify(raw));
    assert.match(e.problem, problem, JSON.stringify(raw));
    assert.equal(e.location.file, "run.yaml");
  }
});

test("a global batch that does not divide is refused with the numbers", () => {
  const spec = presetSpec("longva-7b-t3");
  assert.throws(
    () => planTraining(spec, { gpus: 3 }),
    (e: unknown) =>
      e instanceof InputError &&
      e.location.field === "batch.global" &&
      /global batch 64 cannot be split over 1 per device x 3 GPUs x 1 node\(s\) = 3 per step/.test(
        e.problem,
      ) &&
      /63 or 66/.test(e.problem),
  );
  // 2 nodes x 8 GPUs: accumulation 4, as GRADIENT_ACCU_STEPS = 64/2/8/1.
  const two = planTraining(spec, { nodes: 2 });
  assert.equal(two.batch.gradientAccumulation, 4);
  assert.equal(two.args.find((a) => a.key === "gradient_accumulation_steps")?.value, 4);
  // Holding accumulation (Qwen presets), the global batch follows the hardware.
  const q = planTraining(presetSpec("qwen2-vl-7b-t3"), { gpus: 4 });
  assert.deepEqual([q.batch.global, q.batch.gradientAccumulation], [32, 8]);
  assert.equal(
    planBatch({ perDevice: 2, gpusPerNode: 4, nodes: 2, global: 64 }).gradientAccumulation,
    4,
  );
  assert.throws(
    () => planBatch({ perDevice: 2, gpusPerNode: 8, nodes: 8, global: 64 }),
    /not a whole number/,
  );
});

test("a YAML spec overrides a preset; the plan names each value's source", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-spec-"));
  const file = join(dir, "run.yaml");
  writeFileSync(
    file,
    "preset: qwen2-vl-7b-t3\nname: vr1\nmodel: /m/Qwen2-VL-7B\nhardware: {nodes: 2, gpusPerNode: 4}\nbatch: {global: 64}\nhyperparameters:\n  learning_rate: 2e-5\n  cutoff_len: 4096\n",
  );
  const plan = planTraining(loadTrainingSpec(file), { runDir: join(dir, "r") });
  const arg = (k: string) => plan.args.find((a) => a.key === k)!;
  // PyYAML reads `2e-5` as a string (a YAML 1.1 float needs a dot); HfArgumentParser's
  // float() makes it a number, and so does the kit.
  assert.deepEqual(
    debianPythonJson(
      "import yaml,sys,json; print(json.dumps(yaml.safe_load(sys.stdin)))",
      "x: 2e-5\n",
    ),
    { x: "2e-5" },
  );
  assert.equal(arg("learning_rate").value, 2e-5);
  assert.equal(arg("learning_rate").source, "spec: hyperparameters.learning_rate");
  assert.equal(arg("gradient_accumulation_steps").value, 8);
  assert.match(arg("gradient_accumulation_steps").source, /derived: global batch 64/);
  assert.equal(arg("model_name_or_path").value, "/m/Qwen2-VL-7B");
  assert.equal(plan.lengthLimit, 4096);
  assert.match(arg("weight_decay").source, /llama_factory_7b_config\.yaml/);
  assert.throws(() => loadTrainingSpec(join(dir, "missing.yaml")), /cannot read the spec/);
  writeFileSync(file, "preset: [unclosed");
  assert.throws(
    () => loadTrainingSpec(file),
    (e: unknown) => e instanceof InputError && /not valid YAML/.test(e.problem),
  );
});

test("YAML scalars read back by PyYAML as the same typed values (hostile strings too)", () => {
  const strings = [
    "plain/path.json",
    "75_000",
    "1e-5",
    "1.0e-5",
    "yes",
    "No",
    "on",
    "null",
    "~",
    "",
    " lead",
    "trail ",
    "a: b",
    "# hash",
    "it's",
    'say "hi"',
    "$HOME and `cmd`",
    "tab\tnew\nline",
    "back\\slash",
    "中文路径/数据.json",
    "emoji 🎬",
    "ctrl \u0001\u007f\u0085\u009f",
    "sep\u2028\u2029",
    "- dash",
    "2024-11-25",
    "0x1F",
    "0o17",
    ".inf",
    "@at",
    "%pct",
    "!tag",
    "&anchor",
    "*alias",
    "{x}",
    "[y]",
    "|",
    ">",
    "?",
  ];
  const floats = [1e-5, 2e-6, 0.03, 1, 0, -0.5, 1e20, 1.5e-7, 123456.789, 5e-324, 1e16];
  const text = [
    ...strings.map((s, i) => `s${i}: ${yamlString(s)}`),
    ...floats.map((f, i) => `f${i}: ${yamlFloat(f)}`),
  ].join("\n");
  const back = debianPythonJson<Record<string, [string, unknown]>>(
    "import json,sys,yaml\nd=yaml.safe_load(sys.stdin.read())\nprint(json.dumps({k:[type(v).__name__,v] for k,v in d.items()}))",
    text,
  );
  strings.forEach((s, i) => assert.deepEqual(back[`s${i}`], ["str", s], JSON.stringify(s)));
  floats.forEach((f, i) => assert.deepEqual(back[`f${i}`], ["float", f], String(f)));
});

test("a spec path with quotes, spaces and CJK stays one YAML string", () => {
  const spec = validateTrainingSpec(
    { preset: "qwen2-vl-7b-t3", model: '/m/it\'s "q" 模型 $X', data: { path: "/d/a b.json" } },
    "s.yaml",
  );
  const yaml = llamafactoryYaml(planTraining(spec, { runDir: "/r" }));
  const back = debianPythonJson<Record<string, unknown>>(
    "import json,sys,yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.read())))",
    yaml,
  );
  assert.equal(back.model_name_or_path, '/m/it\'s "q" 模型 $X');
  assert.equal(back.dataset, "a_b");
});

test("LongVA's image folder defaults to the data's folder; hosts must be host names", () => {
  const plan = planTraining(presetSpec("longva-7b-t3"), { data: "/d/sub/mix.json", runDir: "/r" });
  const a = plan.args.find((x) => x.key === "image_folder")!;
  assert.deepEqual(
    [a.value, a.source],
    ["/d/sub", "kit: the data file's folder (no data.imageFolder given)"],
  );
  const two = planTraining(presetSpec("longva-7b-t3"), {
    data: "/d/m.json",
    nodes: 2,
    runDir: "/r",
  });
  assert.throws(
    () => renderRun(two, { launcher: "deepspeed", hosts: ["a", "b slots=99\nc"] }),
    (e: unknown) => e instanceof InputError && e.location.field === "hosts",
  );
  assert.throws(
    () => renderRun(two, { launcher: "deepspeed", hosts: ["a"] }),
    /1 host\(s\) given for 2 node\(s\)/,
  );
  assert.throws(() => renderRun(two, { launcher: "local" }), /need --launcher slurm/);
  const q = planTraining(presetSpec("qwen2-vl-7b-t3"), { nodes: 2, runDir: "/r" });
  assert.throws(() => renderRun(q, { launcher: "deepspeed" }), /hostfile launch is for LongVA/);
});
