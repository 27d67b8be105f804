// Hub mode, wired for real: with T3KIT_SOURCE=hub each notebook reads what its first cell
// announces. The released repositories are served by the local Hub stand-in (127.0.0.1),
// holding small files under the released names.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { dataSource, stageInputPaths } from "../../lib/hub/index";
import { mixingInputs } from "../../lib/mixing/index";
import { projectRoot } from "../../lib/paths/index";
import { STAGE_SOURCES, T3_FILES } from "../../lib/records/index";
import { tokenAnalysisInputs } from "../../lib/tokens/index";
import { HubStandIn, commitId } from "./hub-stand-in";

const LLAVA_JSON = Buffer.from('[{"id": "a", "conversations": []}]');
const hub = new HubStandIn();
let home = "";
let env: Record<string, string | undefined> = {};
const saved = { ...process.env };

before(async () => {
  const t3 = T3_FILES.map((f, i) => ({
    path: f.file,
    data: Buffer.from(
      `[[{"from": "human", "value": "q${i} \u6f22 😀"}, {"from": "gpt", "value": "a"}]]`,
    ),
    lfs: false,
  }));
  hub.addRepo({
    type: "dataset",
    id: "MMInstruction/Video-T3-QA",
    commits: new Map([[commitId("t3"), t3]]),
    refs: new Map([["main", commitId("t3")]]),
  });
  hub.addRepo({
    type: "dataset",
    id: "Lin-Chen/Open-LLaVA-NeXT-mix1M",
    commits: new Map([
      [
        commitId("mix"),
        [{ path: "open-llava-next_instruct_mix1M.json", data: LLAVA_JSON, lfs: true }],
      ],
    ]),
    refs: new Map([["main", commitId("mix")]]),
  });
  const url = await hub.start();
  home = mkdtempSync(join(tmpdir(), "t3kit-stage-hub-"));
  // The Hub client reads its endpoint and cache from the environment, as a notebook does.
  process.env.HF_ENDPOINT = url;
  process.env.HF_HOME = home;
  env = { ...process.env, T3KIT_SOURCE: "hub" };
});

after(async () => {
  await hub.stop();
  rmSync(home, { recursive: true, force: true });
  for (const k of ["HF_ENDPOINT", "HF_HOME"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

/** The stage each notebook's first cell announces with t3.dataSource("…"). */
function notebookStages(): Map<string, string> {
  const out = new Map<string, string>();
  for (const nb of readdirSync(join(projectRoot, "notebooks")).filter((n) =>
    n.endsWith(".ipynb"),
  )) {
    const cells = JSON.parse(readFileSync(join(projectRoot, "notebooks", nb), "utf8")).cells as {
      cell_type: string;
      source: string[];
    }[];
    const first = cells.find((c) => c.cell_type === "code")!.source.join("");
    const m = /t3\.dataSource\("([^"]+)"\)/.exec(first);
    assert.ok(m, `${nb}: the first code cell calls t3.dataSource`);
    out.set(nb, m[1]);
  }
  return out;
}

test("every notebook's first cell names a stage that declares its inputs", () => {
  for (const [nb, stage] of notebookStages()) {
    assert.ok(STAGE_SOURCES[stage], `${nb}: ${stage} has no STAGE_SOURCES entry`);
    const s = STAGE_SOURCES[stage];
    assert.ok(s.embedded.length > 0 || s.drawn, `${nb}: ${stage} reads nothing and draws nothing`);
  }
});

test("mixing (notebook 03) reads the released files in Hub mode", async () => {
  assert.match(dataSource("mixing", env), /Hugging Face Hub .*MMInstruction\/Video-T3-QA/);
  const inputs = await mixingInputs(env);
  assert.deepEqual(readFileSync(inputs.llava), LLAVA_JSON);
  assert.ok(inputs.t3Dir.startsWith(home), inputs.t3Dir);
  for (const f of T3_FILES) assert.ok(readdirSync(inputs.t3Dir).includes(f.file), f.file);
  assert.equal(inputs.vars.t3, inputs.t3Dir);
});

test("token analysis (notebook 04) reads the released files in Hub mode, not data/", async () => {
  assert.match(dataSource("tokens", env), /Video-T3-QA.*Open-LLaVA-NeXT-mix1M/);
  const inputs = await tokenAnalysisInputs(env);
  assert.deepEqual(readFileSync(inputs.llava), LLAVA_JSON);
  assert.ok(inputs.t3Dir.startsWith(home), inputs.t3Dir);
  const embedded = await tokenAnalysisInputs({});
  assert.equal(embedded.t3Dir, join(projectRoot, "data", "t3"));
  assert.equal(embedded.llava, join(projectRoot, "data", "llava", "llava-sample.json"));
});

test("stages without a readable Hub source say so and read data/", async () => {
  for (const stage of ["synthesis", "results"]) {
    assert.match(dataSource(stage, env), /this stage has no Hub source/);
    const paths = await stageInputPaths(stage, {}, env);
    assert.deepEqual(
      paths,
      STAGE_SOURCES[stage].embedded.map((p) => join(projectRoot, p).replace(/\/+$/, "")),
    );
  }
});
