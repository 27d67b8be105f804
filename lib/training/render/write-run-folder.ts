/**
 * Writes `out/runs/<name>/`: the rendered configs and scripts, `command.sh` (the exact
 * command), `plan.json` (the resolved spec: every argument with its value and source, the
 * hardware, the batch arithmetic) and `manifest.json` (kit version and git commit, sha256
 * of every data file). Each file is written aside and renamed; no timestamps, so the same
 * spec and data give the same bytes.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../errors/index";
import { sha256File, writeFileAtomic } from "../../files/index";
import { projectRoot } from "../../paths/index";
import type { TrainingPlan } from "../plan/plan-training";
import { refuseVideosWithoutFolder } from "../plan/refuse-videos-without-folder";
import { commandLine } from "./launch-plan";
import { mergeDatasetInfo } from "./merge-dataset-info";
import type { RenderedRun } from "./render-run";

/** The resolved spec as plain data (what plan.json holds). */
export function planRecord(plan: TrainingPlan, run: RenderedRun) {
  return {
    name: plan.name,
    preset: plan.preset.name,
    codebase: plan.codebase,
    spec: plan.spec.file,
    launcher: run.launcher,
    hardware: plan.hardware,
    batch: plan.batch,
    lengthLimit: { key: plan.preset.lengthKey, tokens: plan.lengthLimit },
    outputDir: plan.outputDir,
    args: plan.args.map(({ key, kind, value, source }) => ({ key, kind, value, source })),
    env: plan.env.map(({ key, value, source }) => ({ key, value: String(value), source })),
    launch: run.launch,
  };
}

export function kitVersion(): { version: string; commit: string | null } {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
    version: string;
  };
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["-C", projectRoot, "rev-parse", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    commit = null;
  }
  return { version: pkg.version, commit };
}

export async function writeRunFolder(plan: TrainingPlan, run: RenderedRun): Promise<string[]> {
  const data = [];
  for (const f of plan.dataFiles) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(f);
    } catch {
      throw new InputError({ file: f }, "no such data file (data.path / --data)");
    }
    if (!st.isFile())
      throw new InputError({ file: f }, "not a file: the data must be one JSON or JSONL file");
    data.push({ path: f, bytes: st.size, sha256: await sha256File(f) });
  }
  await refuseVideosWithoutFolder(plan);
  const files: Record<string, string> = {
    ...run.files,
    "plan.json": `${JSON.stringify(planRecord(plan, run), null, 2)}\n`,
  };
  files["manifest.json"] = `${JSON.stringify(
    {
      kit: { name: "t3kit", ...kitVersion() },
      run: plan.name,
      preset: plan.preset.name,
      releasedFiles: plan.preset.releasedFiles,
      command: commandLine(run.launch),
      data,
      files: Object.keys(files).sort(),
    },
    null,
    2,
  )}\n`;
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(plan.runDir, name);
    if (name === "dataset_info.json")
      await mergeDatasetInfo(path, JSON.parse(text) as Record<string, unknown>);
    else await writeFileAtomic(path, text);
    written.push(path);
  }
  return written;
}
