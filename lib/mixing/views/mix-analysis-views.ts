/**
 * What notebook 08 ("Analysing a mix") needs beyond `inspectMix` and `diffMixes`: the
 * embedded inputs, and the synthesis finding shown with numbers: a caption file that
 * repeats captions, and how many caption texts would be shown in both the training and
 * the validation split by position alone (the released every-8th rule) and by the kit's
 * split, where a caption's first copy decides (lib/synthesis CaptionSplits).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../../files/index";
import { dataDir } from "../../paths/index";
import { CaptionSplits, splitOf } from "../../synthesis/index";

export interface MixAnalysisPaths {
  llava: string;
  t3Dir: string;
  captions: string;
  sweepSpec: string;
}

/** The embedded inputs notebook 08 analyses. */
export function mixAnalysisPaths(): MixAnalysisPaths {
  return {
    llava: join(dataDir, "llava", "llava-sample.json"),
    t3Dir: join(dataDir, "t3"),
    captions: join(dataDir, "captions", "embedded-captions.jsonl"),
    sweepSpec: join(dataDir, "mixes", "sweeps", "embedded-demo.yaml"),
  };
}

/**
 * Writes `captions` (JSONL) to `out` with a repeat after every `every` lines: line k is
 * followed by a copy of line k / 2 (rounded down), as caption files that reuse stock
 * descriptions do; the copies land at every distance from their first copy.
 */
export async function writeRepeatedCaptions(
  captions: string,
  out: string,
  every = 5,
): Promise<number> {
  const lines = readFileSync(captions, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
  const result: string[] = [];
  let repeats = 0;
  lines.forEach((line, k) => {
    result.push(line);
    if (k >= 3 && k % every === 0) {
      result.push(lines[Math.floor(k / 2)]);
      repeats++;
    }
  });
  await writeFileAtomic(out, `${result.join("\n")}\n`);
  return repeats;
}

/** Caption texts shown in both splits, by position alone and by the kit's split. */
export function captionsInBothSplits(captionsFile: string): { byPosition: number; byText: number } {
  const texts = readFileSync(captionsFile, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => String((JSON.parse(l) as { caption?: string; text?: string }).caption ?? ""));
  const count = (splitAt: (t: string, i: number) => string) => {
    const seen = new Map<string, Set<string>>();
    texts.forEach((t, i) => {
      const s = seen.get(t) ?? new Set<string>();
      s.add(splitAt(t, i));
      seen.set(t, s);
    });
    return [...seen.values()].filter((s) => s.size > 1).length;
  };
  const splits = new CaptionSplits(true);
  return {
    byPosition: count((_, i) => splitOf(i, true)),
    byText: count((t) => splits.next(t)),
  };
}
