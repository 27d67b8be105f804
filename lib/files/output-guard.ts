/**
 * The one guard every output of a command goes through. A command runs inside
 * `runWithOutputGuard` (the CLI wraps every action in it); every writer of the kit puts
 * its finished file in place with `placeOutput` (writeFileAtomic, the atomic stream, ffmpeg's
 * outputs, figures, notebooks). Inside a run, an output is refused when it is one of the
 * run's inputs or lies inside an input folder, when the run already wrote the same file
 * (two names that collide), or when it would replace a file the kit did not write (without
 * --force). A run's outputs appear together or not at all: the files it replaced are kept
 * until it ends, and a failure, a signal or a later run after `kill -9` puts them back and
 * removes what it made. Outside a run (a notebook calling the library) files are simply
 * put in place and remembered as the kit's.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { InputError } from "../errors/index";
import { atSignalDeath } from "../processes/index";
import { fileIdentity } from "./file-identity";
import { ledgerEntry, recordWritten, restoreLedgerEntry, writtenByKit } from "./output-ledger";
import {
  type JournalStep,
  appendJournal,
  journalPathFor,
  readJournal,
  undoAbandonedRuns,
  undoSteps,
} from "./run-journal";

/** An input of a run: outputs may not be it, nor lie inside it when it is a folder. */
export interface GuardedInput {
  path: string;
  /** The flag or argument that named it, for the message. */
  label?: string;
  /** A folder outputs may be made in (a codebase checkout); its files are never replaced. */
  outputsInside?: boolean;
}

export interface OutputGuardOptions {
  inputs?: readonly GuardedInput[];
  /** Replace files the kit did not write (they are still put back if the run fails). */
  force?: boolean;
  /** Told when outputs of an interrupted earlier run are undone. */
  notice?: (message: string) => void;
}

interface GuardRun {
  inputs: {
    real: string;
    identity: string | null;
    isFolder: boolean;
    label: string;
    outputsInside: boolean;
  }[];
  force: boolean;
  journal: string;
  steps: JournalStep[];
  placed: Set<string>;
  owned: { folder: string; keep: (path: string) => boolean }[];
}

const store = new AsyncLocalStorage<GuardRun>();

/** The absolute path with its folder's links resolved (the file itself may not exist). */
function realTarget(path: string): string {
  const abs = resolve(path);
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs;
  }
}

function realInput(input: GuardedInput): GuardRun["inputs"][number] {
  let real = resolve(input.path);
  let isFolder = false;
  try {
    real = realpathSync(real);
    isFolder = statSync(real).isDirectory();
  } catch {}
  return {
    real,
    identity: fileIdentity(real),
    isFolder,
    label: input.label ?? "an input",
    outputsInside: input.outputsInside === true,
  };
}

function record(run: GuardRun, step: JournalStep): void {
  appendJournal(run.journal, step);
  run.steps.push(step);
}

/** Refuses `target` as an output of `run`; returns its resolved path. */
function checkOutput(
  run: GuardRun,
  target: string,
  replacing: "refuse" | "merge" | "append",
): string {
  const real = realTarget(target);
  const identity = fileIdentity(real);
  for (const input of run.inputs) {
    const over = real === input.real || (identity !== null && identity === input.identity);
    const within = input.isFolder && real.startsWith(input.real + sep);
    // In a checkout, new files may be made (and the kit's own remade); the checkout's own
    // files are inputs, even with --force.
    const checkoutFile = identity !== null && replacing !== "append" && !writtenByKit(real);
    if (over || (within && (!input.outputsInside || checkoutFile)))
      throw new InputError(
        { file: target },
        over
          ? `this output is the input ${input.real} (${input.label}); writing it would destroy the input. Nothing was written: choose another output path`
          : `this output lies inside the input folder ${input.real} (${input.label}); writing there could replace an input. Nothing was written: choose another output path`,
      );
  }
  // A merged file (dataset_info.json) may take one entry after another in one run.
  if (run.placed.has(real) && replacing === "refuse")
    throw new InputError(
      { file: target },
      "two outputs of this run are this same file; the second would replace the first. Nothing was written: the inputs' names collide",
    );
  if (replacing === "refuse" && identity !== null && !run.force && !writtenByKit(real))
    throw new InputError(
      { file: target },
      "exists and was not written by t3kit (or was changed since); nothing was replaced: pass --force to replace it, or choose another output path",
    );
  return real;
}

export interface PlaceOptions {
  /** The new file holds the old one's content (a merged dataset_info.json): no --force needed. */
  merged?: boolean;
}

/** Renames the finished file `tmp` onto `target`, through the guard of the current run. */
export function placeOutput(tmp: string, target: string, options: PlaceOptions = {}): void {
  const run = store.getStore();
  if (!run) {
    renameSync(tmp, target);
    recordWritten(realTarget(target));
    return;
  }
  let real: string;
  try {
    real = checkOutput(run, target, options.merged ? "merge" : "refuse");
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const existed = existsSync(real);
  const backup = existed
    ? join(dirname(real), `.${basename(real)}.${process.pid}.${run.steps.length}.t3kit-backup`)
    : null;
  record(run, { target: real, existed, backup, previous: ledgerEntry(real) });
  if (backup !== null) {
    try {
      linkSync(real, backup);
    } catch {
      copyFileSync(real, backup); // a filesystem without hard links
    }
  }
  renameSync(tmp, real);
  run.placed.add(real);
  recordWritten(real);
}

/**
 * Checks a file a program writes in place of its own (a log it appends to) against the
 * run's inputs and outputs; appending never destroys, so an existing file is accepted.
 */
export function claimAppendedOutput(target: string): void {
  const run = store.getStore();
  if (run) run.placed.add(checkOutput(run, target, "append"));
}

/**
 * Adds inputs the command line could not name (a spec's source files, a mix read through
 * lib/json): the rest of the run may not write over them. Files this run wrote itself and
 * reads back stay its outputs.
 */
export function declareInputs(inputs: readonly GuardedInput[]): void {
  const run = store.getStore();
  if (!run) return;
  for (const input of inputs) {
    const known = realInput(input);
    if (run.placed.has(known.real) || run.inputs.some((i) => i.real === known.real)) continue;
    run.inputs.push(known);
  }
}

/** Makes `dir` (and missing parents) for outputs; a failed run removes them again. */
export function makeOutputFolder(dir: string): void {
  const first = mkdirSync(dir, { recursive: true });
  const run = store.getStore();
  if (!run || first === undefined) return;
  const made: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    made.unshift(d);
    if (d === resolve(first) || dirname(d) === d) break;
  }
  for (const folder of made) record(run, { folder });
}

/**
 * Marks `folder` as wholly this run's: when the run succeeds, files the kit wrote there in
 * earlier runs and this run did not write again are removed (a smaller draw into the same
 * folder leaves no stale videos). Files the kit did not write are never touched.
 */
export function ownOutputFolder(folder: string, keep: (path: string) => boolean = () => false) {
  store.getStore()?.owned.push({ folder: realTarget(folder), keep });
}

function staleFiles(run: GuardRun, folder: string, keep: (p: string) => boolean): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return staleFiles(run, path, keep);
    return !run.placed.has(path) && !keep(path) && writtenByKit(path) ? [path] : [];
  });
}

function finish(run: GuardRun): void {
  for (const { folder, keep } of run.owned)
    for (const path of staleFiles(run, folder, keep)) {
      rmSync(path, { force: true });
      restoreLedgerEntry(path, null);
    }
  for (const step of run.steps)
    if ("target" in step && step.backup !== null) rmSync(step.backup, { force: true });
  rmSync(run.journal, { force: true });
}

function undo(run: GuardRun): void {
  undoSteps(run.steps);
  rmSync(run.journal, { force: true });
}

/** Runs `work` as one guarded run (a run inside a run is part of it). */
export async function runWithOutputGuard<T>(
  options: OutputGuardOptions,
  work: () => Promise<T>,
): Promise<T> {
  if (store.getStore()) return work();
  const journal = journalPathFor(process.pid);
  // A journal under this process's id is a dead process's that had the same id.
  undoSteps(readJournal(journal));
  rmSync(journal, { force: true });
  const undone = undoAbandonedRuns();
  if (undone.runs > 0)
    options.notice?.(
      `undid ${undone.outputs} output(s) of ${undone.runs} run(s) that were killed before they finished`,
    );
  const run: GuardRun = {
    inputs: (options.inputs ?? []).map(realInput),
    force: options.force === true,
    journal,
    steps: [],
    placed: new Set(),
    owned: [],
  };
  const undoAtDeath = atSignalDeath(() => undo(run));
  try {
    const result = await store.run(run, work);
    finish(run);
    return result;
  } catch (err) {
    undo(run);
    throw err;
  } finally {
    undoAtDeath();
  }
}
