/**
 * The Qwen video-ratio sets of the released `t3_sft/qwen_exp/prepare_video_sft.py`
 * (`generate_differen_ratio_dataset`, ratios 0.2, 0.5, 1.0, 2.0): all T3 records plus the
 * first `int(len(T3) x ratio)` video records, shuffled with Python's `random.seed(1234)`.
 * Differences, on purpose: each set is seeded on its own (the released loop seeds once,
 * so a set depended on which ratios came before it); asking for more video records than
 * there are is refused (Python slicing would silently give fewer); the set is written as
 * the JSON its `.json` name promises (the released script wrote JSON Lines under `.json`).
 */
import { InputError } from "../../errors/index";
import { PythonRandom } from "../../pyrandom/index";

export const RELEASED_VIDEO_RATIOS: readonly number[] = [0.2, 0.5, 1.0, 2.0];
export const RELEASED_RATIO_SEED = 1234;

/** How many video records a ratio takes: Python's `int(len(t3) * ratio)`. */
export function videoCountFor(t3Count: number, ratio: number): number {
  return Math.trunc(t3Count * ratio);
}

/** `video[:n] + t3`, shuffled as `random.seed(seed); random.shuffle(rows)`. */
export function videoRatioSet<T>(
  t3: readonly T[],
  video: readonly T[],
  ratio: number,
  seed = RELEASED_RATIO_SEED,
  file = "<videos>",
): T[] {
  if (!(ratio >= 0) || !Number.isFinite(ratio))
    throw new InputError({ file, field: "ratio" }, `expected a non-negative ratio, got ${ratio}`);
  const n = videoCountFor(t3.length, ratio);
  if (n > video.length)
    throw new InputError(
      { file },
      `ratio ${ratio} asks for int(${t3.length} x ${ratio}) = ${n} video records, the file holds ${video.length}`,
    );
  return new PythonRandom(seed).shuffle([...video.slice(0, n), ...t3]);
}
