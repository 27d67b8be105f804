/**
 * A launch plan: one program run, as data: what the renderers produce for each codebase
 * (torchrun, sbatch, deepspeed, llamafactory-cli, swift) and what `runLaunchPlan` runs.
 * Any other GPU job can be written in this shape and run the same way (the README's
 * probing section suggests it for feature extraction); the kit's own probing stage does
 * not import it (probing stands beside the stages and imports floors only).
 */
import { shellQuote as quote } from "./shell-quote";

export interface LaunchPlan {
  /** The executable, found on PATH or given as a path. */
  program: string;
  /** Arguments, each passed as one word (never re-split by a shell). */
  args: string[];
  /** Environment added to the current one. */
  env: Record<string, string>;
  /** Working directory of the run. */
  cwd: string;
  /** The log file the run's stdout and stderr are copied into. */
  logFile: string;
}

/** The plan as one shell line: `cd DIR && VAR=value program 'arg with space' …` (zx quoting). */
export function commandLine(plan: LaunchPlan): string {
  const env = Object.entries(plan.env).map(([k, v]) => `${k}=${quote(v)}`);
  const words = [plan.program, ...plan.args].map((w) => quote(w));
  return `cd ${quote(plan.cwd)} && ${[...env, ...words].join(" ")}`;
}

/** `'…'` for a word that a shell must pass through untouched (used around `bash -c` bodies). */
export function singleQuoted(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
