/** The stages still parsed by cli-args.ts report through the one reporter too. */
import type { Progress } from "../lib/progress/index";
import { reportProgress as report } from "./cli/progress-reporter";

export function reportProgress(progress: Progress, _indent = ""): void {
  report(progress);
}
