/**
 * Re-checks a synthesised folder with the verifier, file by file (one file in memory at
 * a time): every item's answer is re-derived from its own captions and options.
 */
import { loadSynthesisFile, readSynthesisManifest } from "../load-synthesis-folder";
import { verifyRendered } from "./verify-item";

export interface FolderVerification {
  file: string;
  items: number;
  verified: number;
  /** The first problem found, if any, with the item's index. */
  firstProblem: string;
}

/** One row per file of the folder's manifest. */
export function verifySynthesisFolder(dir: string): FolderVerification[] {
  const manifest = readSynthesisManifest(dir);
  return manifest.files.map((f) => {
    const items = loadSynthesisFile(dir, f);
    let verified = 0;
    let firstProblem = "";
    items.forEach((it, i) => {
      const v = verifyRendered(it.task, it.question, it.answer);
      if (v.ok) verified++;
      else if (firstProblem === "") firstProblem = `item ${i}: ${v.problems.join("; ")}`;
    });
    return { file: f.file, items: items.length, verified, firstProblem };
  });
}
