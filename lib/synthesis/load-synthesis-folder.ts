/**
 * Reads a synthesised folder back (manifest and every item) for the notebook, the
 * verifier and the tests. It holds every item in memory: meant for the embedded default
 * and samples, not for a 558K-caption run (verify those with verifySynthesisFolder).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors/index";
import type { SynthesisManifest } from "../records/index";
import type { Family, TaskKey } from "../records/index";

/** One item as written, with where it came from. */
export interface LoadedItem {
  file: string;
  split: "train" | "validation";
  task: TaskKey;
  family: Family;
  length: number;
  question: string;
  answer: string;
}

/** The manifest of a synthesised folder. */
export function readSynthesisManifest(dir: string): SynthesisManifest {
  const file = join(dir, "manifest.json");
  try {
    return JSON.parse(readFileSync(file, "utf8")) as SynthesisManifest;
  } catch (err) {
    throw new InputError({ file }, `cannot read the manifest: ${(err as Error).message}`);
  }
}

/** The items of one file of the folder, in file order. */
export function loadSynthesisFile(
  dir: string,
  f: SynthesisManifest["files"][number],
): LoadedItem[] {
  const path = join(dir, f.file);
  const text = readFileSync(path, "utf8");
  const base = {
    file: f.file,
    split: f.split,
    task: f.task as TaskKey,
    family: f.family as Family,
    length: f.length,
  };
  if (f.split === "train") {
    const pairs = JSON.parse(text) as { from: string; value: string }[][];
    return pairs.map((p) => ({ ...base, question: p[0].value, answer: p[1].value }));
  }
  return text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const r = JSON.parse(l) as { question: string; answer: string };
      return { ...base, question: r.question, answer: r.answer };
    });
}

/** Every item of the folder, file by file in manifest order. */
export function loadSynthesisFolder(dir: string): {
  manifest: SynthesisManifest;
  items: LoadedItem[];
} {
  const manifest = readSynthesisManifest(dir);
  return { manifest, items: manifest.files.flatMap((f) => loadSynthesisFile(dir, f)) };
}
