/**
 * Runs a launch plan with zx: `$({ cwd, env })` and zx's quoting of every word (paths with
 * spaces, quotes and `$` reach the program intact), stdout and stderr streamed into the
 * plan's log file (appended: a resumed run continues the same log) and, when asked, handed
 * to `onOutput` as they come (the command line copies them to the terminal). Only the last
 * chunks of output stay in memory, so a days-long run does not grow the launcher. Resolves
 * with the exit code; never throws for a non-zero exit.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { dirname } from "node:path";
import type * as Zx from "zx";
import { claimAppendedOutput, makeOutputFolder } from "../../files/index";

// zx loads with the first program run, not with the library (about 0.2 s).
const zx = (): typeof Zx => require("zx");
import { type LaunchPlan, commandLine } from "../render/launch-plan";

export interface LaunchResult {
  exitCode: number;
  logFile: string;
  /** The last lines of output (for error messages). */
  tail: string;
}

/** A chunk of the run's output, as it comes, and the stream it came on. */
export type OnOutput = (chunk: Buffer, stream: "stdout" | "stderr") => void;

export interface RunOptions {
  /** Each chunk of the run's output (the log file gets it in any case). */
  onOutput?: OnOutput;
  /** A line written at the top of this launch's part of the log (default: the command line). */
  header?: string;
}

/** Keeps only the last `max` chunks: zx's output store without unbounded growth. */
class TailChunks extends Array<string | Buffer> {
  static override get [Symbol.species]() {
    return Array;
  }
  constructor(private readonly max = 256) {
    super();
  }
  override push(...items: (string | Buffer)[]): number {
    for (const item of items) {
      super.push(item);
      if (this.length > this.max) this.shift();
    }
    return this.length;
  }
}

export async function runLaunchPlan(plan: LaunchPlan, o: RunOptions = {}): Promise<LaunchResult> {
  makeOutputFolder(dirname(plan.logFile));
  // The log is appended to, never replaced; it may still not be an input of the run.
  claimAppendedOutput(plan.logFile);
  const log = createWriteStream(plan.logFile, { flags: "a" });
  const header = `# ${o.header ?? commandLine(plan)}\n`;
  log.write(header);
  // What starts is said where the user looks, not only in the log.
  o.onOutput?.(Buffer.from(header), "stderr");
  const store = { stdout: new TailChunks(), stderr: new TailChunks(), stdall: new TailChunks() };
  const run = zx().$({
    cwd: plan.cwd,
    env: { ...process.env, ...plan.env },
    nothrow: true,
    quiet: true,
    store,
  })`${plan.program} ${plan.args}`;
  for (const stream of ["stdout", "stderr"] as const)
    run[stream].on("data", (c: Buffer) => {
      log.write(c);
      o.onOutput?.(c, stream);
    });
  const result = await run;
  log.end();
  await once(log, "close");
  const tail = store.stdall
    .map((c) => c.toString())
    .join("")
    .split("\n")
    .slice(-20)
    .join("\n");
  return { exitCode: result.exitCode ?? 1, logFile: plan.logFile, tail };
}
