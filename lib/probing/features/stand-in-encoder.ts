/**
 * The kit's hand-made stand-in for a Video LLM's vision encoder (CLIP / SigLIP + projector), so the
 * study runs with no GPU and no download. It is frozen and small, not learned: each of the
 * 8 sampled frames (32x32 pixels) gives 5 tokens (the top quadrants, the whole frame, the
 * bottom quadrants),
 * each of 32 numbers: a frozen random convolution (16 filters of 4x4x3, seeded, ReLU,
 * averaged) over the foreground; a hue histogram (8 bins) of its coloured pixels; the
 * share, mean colour, luminance, width-to-height ratio and saturation of the foreground;
 * a constant. "Foreground" is what differs from the
 * frame's border colour, and nothing else is measured, which makes the tokens the same on a
 * black or a white background (a real encoder's mostly are; the paper trains its probes on
 * black and tests them on white).
 * Tokens are in frame order, like LongVA's `flatten(0, 1)`: `[8 x 5, 32]`.
 */
import { PythonRandom } from "../../pyrandom/index";
import type { FrameEncoder } from "./frame-encoder";

export const ENCODER_FRAME_SIZE = 32;
export const TOKENS_PER_FRAME = 5;
export const TOKEN_DIM = 32;
const FILTERS = 16;
const HUE_BINS = 8;
const PATCH = 4;
const ENCODER_SEED = 20241008;
const FOREGROUND_THRESHOLD = 0.2;

let filterBank: Float64Array | undefined;

/** 16 filters of 4x4x3 weights, N(0, 1/48), drawn once from the fixed seed. */
function filters(): Float64Array {
  if (filterBank) return filterBank;
  const rng = new PythonRandom(ENCODER_SEED);
  const n = FILTERS * PATCH * PATCH * 3;
  const bank = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    // Box-Muller from two uniforms: a Gaussian pair.
    const u = 1 - rng.random();
    const v = rng.random();
    const r = Math.sqrt(-2 * Math.log(u)) / Math.sqrt(PATCH * PATCH * 3);
    bank[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) bank[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  filterBank = bank;
  return bank;
}

const luminance = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/** The median of each channel over the frame's border pixels: its background colour. */
function borderColour(frame: Float64Array, size: number): [number, number, number] {
  const channels: number[][] = [[], [], []];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (y !== 0 && y !== size - 1 && x !== 0 && x !== size - 1) continue;
      for (let c = 0; c < 3; c++) channels[c].push(frame[(y * size + x) * 3 + c]);
    }
  return channels.map((v) => {
    v.sort((a, b) => a - b);
    return v[v.length >> 1];
  }) as [number, number, number];
}

/** One token over the square [x0, x0 + side) x [y0, y0 + side) of the frame. */
function regionToken(
  frame: Float64Array,
  mask: Uint8Array,
  size: number,
  x0: number,
  y0: number,
  side: number,
  out: Float32Array,
  offset: number,
): void {
  const bank = filters();
  const conv = new Float64Array(FILTERS);
  let positions = 0;
  for (let py = y0; py < y0 + side; py += PATCH)
    for (let px = x0; px < x0 + side; px += PATCH) {
      positions++;
      for (let f = 0; f < FILTERS; f++) {
        let sum = 0;
        let w = f * PATCH * PATCH * 3;
        for (let y = py; y < py + PATCH; y++)
          for (let x = px; x < px + PATCH; x++) {
            const p = y * size + x;
            const on = mask[p];
            for (let c = 0; c < 3; c++) sum += bank[w++] * (on ? frame[p * 3 + c] : 0);
          }
        conv[f] += Math.max(0, sum);
      }
    }
  let fg = 0;
  const colour = [0, 0, 0];
  let lumSum = 0;
  let saturation = 0;
  const hues = new Float64Array(HUE_BINS);
  let [left, right, top, bottom] = [size, -1, size, -1];
  for (let y = y0; y < y0 + side; y++)
    for (let x = x0; x < x0 + side; x++) {
      const p = y * size + x;
      if (!mask[p]) continue;
      const [r, g, b] = [frame[p * 3], frame[p * 3 + 1], frame[p * 3 + 2]];
      fg++;
      colour[0] += r;
      colour[1] += g;
      colour[2] += b;
      lumSum += luminance(r, g, b);
      const chroma = Math.max(r, g, b) - Math.min(r, g, b);
      saturation += chroma;
      if (chroma > 0.15)
        hues[Math.min(HUE_BINS - 1, Math.floor((hue(r, g, b) / 360) * HUE_BINS))]++;
      [left, right, top, bottom] = [
        Math.min(left, x),
        Math.max(right, x),
        Math.min(top, y),
        Math.max(bottom, y),
      ];
    }
  for (let f = 0; f < FILTERS; f++) out[offset + f] = conv[f] / positions;
  for (let h = 0; h < HUE_BINS; h++) out[offset + 16 + h] = fg ? hues[h] / fg : 0;
  out[offset + 24] = fg / (side * side);
  for (let c = 0; c < 3; c++) out[offset + 25 + c] = fg ? colour[c] / fg : 0;
  out[offset + 28] = fg ? lumSum / fg : 0;
  out[offset + 29] = fg ? (right - left + 1) / (bottom - top + 1) : 0;
  out[offset + 30] = fg ? saturation / fg : 0;
  out[offset + 31] = 1;
}

/** Hue in degrees, 0..360, of an RGB colour (0..1 channels). */
function hue(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  if (chroma === 0) return 0;
  const h =
    max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  return (h * 60 + 360) % 360;
}

/** Tokens of one 32x32 RGB frame (bytes) into `out` from `offset`: 5 x 32 numbers. */
export function encodeFrame(
  rgb: Uint8Array,
  byteOffset: number,
  out: Float32Array,
  offset: number,
): void {
  const size = ENCODER_FRAME_SIZE;
  const frame = new Float64Array(size * size * 3);
  for (let i = 0; i < frame.length; i++) frame[i] = rgb[byteOffset + i] / 255;
  const background = borderColour(frame, size);
  const mask = new Uint8Array(size * size);
  for (let p = 0; p < size * size; p++) {
    let diff = 0;
    for (let c = 0; c < 3; c++) diff = Math.max(diff, Math.abs(frame[p * 3 + c] - background[c]));
    mask[p] = diff > FOREGROUND_THRESHOLD ? 1 : 0;
  }
  const half = size / 2;
  // The whole-frame token sits in the middle of its frame's five, so that resizing 40
  // tokens to 8 (bilinear, as the released LSTM probe resizes) lands exactly on it.
  const regions: [number, number, number][] = [
    [0, 0, half],
    [half, 0, half],
    [0, 0, size],
    [0, half, half],
    [half, half, half],
  ];
  regions.forEach(([x0, y0, side], t) =>
    regionToken(frame, mask, size, x0, y0, side, out, offset + t * TOKEN_DIM),
  );
}

/** The `[frames x 5, 32]` features of the sampled frames (each 32x32 RGB bytes). */
export function encodeFrames(rgb: Uint8Array, frameIndices: number[]): Float32Array {
  const frameBytes = ENCODER_FRAME_SIZE * ENCODER_FRAME_SIZE * 3;
  const out = new Float32Array(frameIndices.length * TOKENS_PER_FRAME * TOKEN_DIM);
  frameIndices.forEach((f, i) =>
    encodeFrame(rgb, f * frameBytes, out, i * TOKENS_PER_FRAME * TOKEN_DIM),
  );
  return out;
}

/** The stand-in as a frame encoder (`probe features --encoder stand-in`). */
export const standInEncoder: FrameEncoder = {
  encoder: "stand-in",
  description:
    "t3kit stand-in, made by hand: frozen random convolution + foreground hue, colour and shape statistics, 5 tokens per frame (not a trained network, not CLIP/SigLIP)",
  layer: null,
  tokensPerFrame: TOKENS_PER_FRAME,
  tokenDim: TOKEN_DIM,
  inputSize: [ENCODER_FRAME_SIZE, ENCODER_FRAME_SIZE],
  weightsFile: null,
  weightsSha256: null,
  encode: async (rgb, frameIndices) => encodeFrames(rgb, frameIndices),
};
