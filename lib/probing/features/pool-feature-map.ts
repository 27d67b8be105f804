/**
 * Tokens from a network's feature map, `[frames, height, width, channels]` (NHWC, as
 * TensorFlow.js returns it): "mean" gives one token per frame, the mean over all positions;
 * "mean+quadrants" gives five, in the stand-in's order (top-left, top-right, the whole map,
 * bottom-left, bottom-right) so that the released bilinear resize of 40 tokens to 8 lands on
 * each frame's whole-map token. On an odd side the halves share the middle row or column
 * (7 -> rows 0..3 and 3..6), so each quadrant is a real corner.
 */
export const POOLINGS = ["mean", "mean+quadrants"] as const;
export type Pooling = (typeof POOLINGS)[number];

export const tokensPerFrame = (pooling: Pooling): number => (pooling === "mean" ? 1 : 5);

/** The mean over rows [y0, y1) and columns [x0, x1) of one frame, into `out` at `offset`. */
function regionMean(
  map: Float32Array,
  frame: number,
  [height, width, channels]: [number, number, number],
  [y0, y1, x0, x1]: [number, number, number, number],
  out: Float32Array,
  offset: number,
): void {
  const sums = new Float64Array(channels);
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const base = ((frame * height + y) * width + x) * channels;
      for (let c = 0; c < channels; c++) sums[c] += map[base + c];
    }
  const count = (y1 - y0) * (x1 - x0);
  for (let c = 0; c < channels; c++) out[offset + c] = sums[c] / count;
}

export function poolFeatureMap(
  map: Float32Array,
  [frames, height, width, channels]: [number, number, number, number],
  pooling: Pooling,
): Float32Array {
  if (map.length !== frames * height * width * channels)
    throw new Error(
      `feature map of ${map.length} values is not [${frames}, ${height}, ${width}, ${channels}]`,
    );
  const whole: [number, number, number, number] = [0, height, 0, width];
  const [top, left] = [Math.ceil(height / 2), Math.ceil(width / 2)];
  const [bottom, right] = [Math.floor(height / 2), Math.floor(width / 2)];
  const regions: [number, number, number, number][] =
    pooling === "mean"
      ? [whole]
      : [
          [0, top, 0, left],
          [0, top, right, width],
          whole,
          [bottom, height, 0, left],
          [bottom, height, right, width],
        ];
  const out = new Float32Array(frames * regions.length * channels);
  for (let f = 0; f < frames; f++)
    regions.forEach((region, t) =>
      regionMean(
        map,
        f,
        [height, width, channels],
        region,
        out,
        (f * regions.length + t) * channels,
      ),
    );
  return out;
}
