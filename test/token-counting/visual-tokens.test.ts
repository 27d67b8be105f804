/**
 * Visual token formulas against python3 running the reference algorithms as written in
 * Python (transformers' `smart_resize`, LongVA's `select_best_resolution`): Python's
 * banker's rounding and int() truncation are where a JavaScript port goes wrong.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import {
  longvaGridPinpoints,
  longvaImageTokens,
  longvaVideoTokens,
  selectBestResolution,
} from "../../lib/token-counting/visual/longva-visual-tokens";
import {
  pythonRound,
  qwen2vlImageTokens,
  qwen2vlVideoFrames,
  qwen2vlVideoTokens,
  smartResize,
} from "../../lib/token-counting/visual/qwen2vl-visual-tokens";

const sizes: [number, number][] = [];
for (const w of [28, 56, 100, 224, 336, 350, 378, 480, 500, 640, 672, 700, 1000, 1024, 1920]) {
  for (const h of [28, 42, 70, 224, 336, 360, 426, 480, 490, 720, 1008, 1080, 3000]) {
    sizes.push([w, h]);
  }
}
sizes.push([16464, 336], [336, 20000], [8000, 8000], [14 * 3, 14 * 5]);

const python = `
import json, math, sys
sizes = json.loads(sys.argv[1])
def smart_resize(height, width, factor=28, min_pixels=56*56, max_pixels=28*28*1280):
    h_bar = max(factor, round(height / factor) * factor)
    w_bar = max(factor, round(width / factor) * factor)
    if h_bar * w_bar > max_pixels:
        beta = math.sqrt((height * width) / max_pixels)
        h_bar = max(factor, math.floor(height / beta / factor) * factor)
        w_bar = max(factor, math.floor(width / beta / factor) * factor)
    elif h_bar * w_bar < min_pixels:
        beta = math.sqrt(min_pixels / (height * width))
        h_bar = math.ceil(height * beta / factor) * factor
        w_bar = math.ceil(width * beta / factor) * factor
    return h_bar, w_bar
pinpoints = [(a * 336, b * 336) for a in range(1, 50) for b in range(1, 50) if a * b <= 49 and (a, b) != (1, 1)]
def select_best_resolution(original_size, possible_resolutions):
    original_width, original_height = original_size
    best_fit = None
    max_effective_resolution = 0
    min_wasted_resolution = float("inf")
    for width, height in possible_resolutions:
        scale = min(width / original_width, height / original_height)
        downscaled_width, downscaled_height = int(original_width * scale), int(original_height * scale)
        effective_resolution = min(downscaled_width * downscaled_height, original_width * original_height)
        wasted_resolution = (width * height) - effective_resolution
        if effective_resolution > max_effective_resolution or (effective_resolution == max_effective_resolution and wasted_resolution < min_wasted_resolution):
            max_effective_resolution = effective_resolution
            min_wasted_resolution = wasted_resolution
            best_fit = (width, height)
    return best_fit
out = []
for w, h in sizes:
    out.append({
        "qwen": smart_resize(h, w),
        "qwen72b": smart_resize(h, w, max_pixels=401408),
        "longva": select_best_resolution((w, h), pinpoints),
    })
print(json.dumps({"rounds": [round(x + 0.5) for x in range(-3, 8)], "pinpoints": len(pinpoints), "out": out}))
`;

const expected = JSON.parse(
  execFileSync("python3", ["-c", python, JSON.stringify(sizes)], { encoding: "utf8" }),
) as {
  rounds: number[];
  pinpoints: number;
  out: { qwen: number[]; qwen72b: number[]; longva: number[] }[];
};

test("pythonRound rounds halves to even like Python 3", () => {
  const ours = Array.from({ length: 11 }, (_, i) => pythonRound(i - 3 + 0.5));
  assert.deepEqual(ours, expected.rounds);
});

test("smart_resize matches Python for every size, default and 72B max_pixels", () => {
  sizes.forEach(([w, h], i) => {
    assert.deepEqual(smartResize(h, w), expected.out[i].qwen, `${w}x${h}`);
    assert.deepEqual(smartResize(h, w, 56 * 56, 401408), expected.out[i].qwen72b, `${w}x${h}`);
  });
});

test("LongVA's best-fit grid matches Python's select_best_resolution", () => {
  assert.equal(longvaGridPinpoints().length, expected.pinpoints);
  sizes.forEach(([w, h], i) => {
    assert.deepEqual(selectBestResolution(w, h), expected.out[i].longva, `${w}x${h}`);
  });
});

test("worked examples: token counts by hand", () => {
  // 640x480 → 672x672 grid (2x2 tiles) → 4·144.
  assert.equal(longvaImageTokens(640, 480), 576);
  // A very tall image hits the 49-tile cap: at most 49·144 = 7056.
  assert.equal(longvaImageTokens(300, 50000), 49 * 144);
  assert.equal(longvaVideoTokens(32), 32 * 144);
  // 640x480 → 644x476 (23x17 after merge) → 391 + start/end.
  assert.equal(qwen2vlImageTokens(640, 480), 23 * 17 + 2);
  // The 72B run's MAX_PIXELS 401408 = 512 tokens at most.
  assert.ok(qwen2vlImageTokens(4000, 3000, { maxPixels: 401408 }) <= 512 + 2);
  // 8 frames of 640x360: T/2 = 4 temporal groups of 23·13 → 4·299 + 2.
  assert.equal(qwen2vlVideoTokens(8, 640, 360), 4 * 23 * 13 + 2);
  // 10 s at 2 fps = 20 frames; 1 s gives the 4-frame minimum; odd counts are floored to even.
  assert.equal(qwen2vlVideoFrames(10), 20);
  assert.equal(qwen2vlVideoFrames(1), 4);
  assert.equal(qwen2vlVideoFrames(5.7), 10);
});

// qwen-vl-utils `smart_nframes` (vision_process.py) as written, for a video whose reader
// reports `total_frames` at `video_fps`; ValueError becomes 0.
const smartNframesPython = `
import json, math, sys
def round_by_factor(n, f): return round(n / f) * f
def ceil_by_factor(n, f): return math.ceil(n / f) * f
def floor_by_factor(n, f): return math.floor(n / f) * f
def smart_nframes(total_frames, video_fps, fps=2.0):
    min_frames = ceil_by_factor(4, 2)
    max_frames = floor_by_factor(min(768, total_frames), 2)
    nframes = total_frames / video_fps * fps
    nframes = min(min(max(nframes, min_frames), max_frames), total_frames)
    nframes = floor_by_factor(nframes, 2)
    if not (2 <= nframes and nframes <= total_frames):
        return 0
    return nframes
cases = json.loads(sys.argv[1])
print(json.dumps([smart_nframes(t, v, f) for t, v, f in cases]))
`;

test("smart_nframes from a real frame count matches qwen-vl-utils", () => {
  const cases: [number, number, number][] = [];
  for (const total of [1, 2, 3, 4, 5, 7, 30, 31, 50, 299, 1000, 1537, 20000, 100000]) {
    for (const videoFps of [1, 3, 10, 24, 25, 30000 / 1001, 60]) {
      for (const fps of [0.5, 1, 2, 4]) cases.push([total, videoFps, fps]);
    }
  }
  const want = JSON.parse(
    execFileSync("python3", ["-c", smartNframesPython, JSON.stringify(cases)], {
      encoding: "utf8",
    }),
  ) as number[];
  cases.forEach(([total, videoFps, fps], i) => {
    const ours = qwen2vlVideoFrames(total / videoFps, fps, total);
    assert.equal(
      ours < 2 ? 0 : ours,
      want[i],
      `${total} frames at ${videoFps} fps, sampled at ${fps}`,
    );
  });
});
