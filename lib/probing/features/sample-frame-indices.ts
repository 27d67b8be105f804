/**
 * The frames a Video LLM sees: `np.linspace(0, N - 1, k, dtype=int)` on the decoded frame
 * count, as the released probing and inference scripts sample with decord. numpy computes
 * `arange(k) * step + 0` with `step = (N - 1) / (k - 1)`, sets the last value to N - 1, and
 * the int cast truncates; the same float64 steps here give the same indices.
 */
export function sampleFrameIndices(frameCount: number, k = 8): number[] {
  if (!Number.isInteger(frameCount) || frameCount < 1)
    throw new Error(`cannot sample frames from a video of ${frameCount} frames`);
  if (k === 1) return [0];
  const stop = frameCount - 1;
  const step = stop / (k - 1);
  const indices: number[] = [];
  for (let i = 0; i < k; i++) indices.push(i === k - 1 ? stop : Math.trunc(i * step));
  return indices;
}
