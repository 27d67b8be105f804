/**
 * The journal of a guarded run: before the run replaces or creates an output, a line says
 * what it is about to do (the target, where the old file is kept, the folder it makes), so
 * the run can be undone after a failure, after a signal, and even after `kill -9`: the next
 * guarded run finds the journal of a process that is gone and undoes it.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
} from "node:fs";
import { join } from "node:path";
import { processIsGone } from "../processes/index";
import { kitStateDir } from "./kit-state-dir";
import { type LedgerEntry, restoreLedgerEntry } from "./output-ledger";

/** One step of a run: a file placed (`target`) or a folder made (`folder`). */
export type JournalStep =
  | { target: string; existed: boolean; backup: string | null; previous: LedgerEntry | null }
  | { folder: string };

const runsDir = (): string => join(kitStateDir(), "runs");

export function journalPathFor(pid: number): string {
  return join(runsDir(), `${pid}.jsonl`);
}

export function appendJournal(journal: string, step: JournalStep): void {
  mkdirSync(runsDir(), { recursive: true });
  appendFileSync(journal, `${JSON.stringify(step)}\n`);
}

/** Undoes the steps, last first: old files back, new files and made folders gone. */
export function undoSteps(steps: readonly JournalStep[]): void {
  for (const step of [...steps].reverse()) {
    try {
      if ("folder" in step) rmdirSync(step.folder);
      else if (step.backup !== null && existsSync(step.backup)) {
        renameSync(step.backup, step.target);
        restoreLedgerEntry(step.target, step.previous);
      } else if (!step.existed) {
        rmSync(step.target, { force: true });
        restoreLedgerEntry(step.target, step.previous);
      }
    } catch {
      // A folder the user has put files in since stays; so does anything else not ours.
    }
  }
}

export function readJournal(journal: string): JournalStep[] {
  let text = "";
  try {
    text = readFileSync(journal, "utf8");
  } catch {
    return [];
  }
  const steps: JournalStep[] = [];
  for (const line of text.split("\n")) {
    // A last line cut by the kill is a step that had not started.
    try {
      if (line) steps.push(JSON.parse(line) as JournalStep);
    } catch {}
  }
  return steps;
}

/** Undoes the runs whose process died without finishing; returns how many outputs it undid. */
export function undoAbandonedRuns(): { runs: number; outputs: number } {
  let names: string[] = [];
  try {
    names = readdirSync(runsDir());
  } catch {
    return { runs: 0, outputs: 0 };
  }
  let runs = 0;
  let outputs = 0;
  for (const name of names) {
    const pid = Number(/^(\d+)\.jsonl$/.exec(name)?.[1]);
    if (!pid || pid === process.pid || !processIsGone(pid)) continue;
    const journal = join(runsDir(), name);
    const steps = readJournal(journal);
    undoSteps(steps);
    rmSync(journal, { force: true });
    runs += 1;
    outputs += steps.filter((s) => "target" in s).length;
  }
  return { runs, outputs };
}
