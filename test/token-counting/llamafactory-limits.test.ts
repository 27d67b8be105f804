// The qwen2vl-7b preset counts images and videos as its LLaMA-Factory run feeds them to
// Qwen2-VL: v0.9.1's rules (the release's codebase: image_resolution 512·512,
// video_resolution 128·128, video_fps 2, video_maxlen 64) unless v0.9.2's are chosen
// (image_max_pixels 768·768, image_min_pixels 32·32, video_max_pixels 256·256,
// video_min_pixels 16·16, video_maxlen 128, odd frame counts padded); the 72B preset keeps
// raw Qwen2-VL's rules. Oracle: test/oracle/llamafactory_qwen2vl.py, LLaMA-Factory's own
// functions copied from each tag, run under Debian's python3 on real PIL images.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { PythonRandom } from "../../lib/pyrandom/index";
import {
  LlamaFactoryResizeError,
  type LlamaFactoryVersion,
  type VisualSettings,
  defaultVisualSettings,
  lengthPreset,
  llamaFactoryLimits,
  llamaFactoryVideoFrames,
  qwen2vlImageTokens,
  qwen2vlVideoTokens,
  validateCountSettings,
} from "../../lib/token-counting/index";
import { DEBIAN_PYTHON } from "../oracle/debian-python";

const ORACLE = join(__dirname, "..", "oracle", "llamafactory_qwen2vl.py");
type Answer = number | string;
interface OracleOut {
  images: Answer[];
  videos: ([number, number] | string)[];
  files: ([number, number] | string)[];
}
const oracle = (input: object): OracleOut =>
  JSON.parse(
    execFileSync(DEBIAN_PYTHON, [ORACLE], {
      input: JSON.stringify(input),
      encoding: "utf8",
      maxBuffer: 1 << 26,
    }),
  );

const preset7b = (): VisualSettings => ({
  ...defaultVisualSettings,
  ...lengthPreset("qwen2vl-7b")!.visual,
});
const settingsOf = (version: LlamaFactoryVersion): VisualSettings => ({
  ...preset7b(),
  ...validateCountSettings({ preset: "qwen2vl-7b", llamaFactoryVersion: version }).visual,
});

/** Tokens of an image, or "error" where LLaMA-Factory stops (PIL cannot resize to it). */
function imageAnswer(w: number, h: number, settings: VisualSettings): Answer {
  try {
    return qwen2vlImageTokens(w, h, settings);
  } catch (e) {
    if (e instanceof LlamaFactoryResizeError) return "error";
    throw e;
  }
}
const shape = (a: Answer | [number, number]) =>
  typeof a === "string" ? (a.startsWith("error: ") ? "error" : a) : a;

const FIXED_SIZES: [number, number][] = [
  [640, 480],
  [1920, 1080],
  [1080, 1920],
  [512, 512],
  [513, 511],
  [768, 768],
  [769, 767],
  [336, 336],
  [27, 27],
  [1, 1],
  [31, 33],
  [32, 32],
  [2, 500],
  [10, 4000],
  [4000, 10],
  [30000, 100],
  [100, 30000],
  [7, 1500],
  [223, 4481],
  [1024, 768],
  [4096, 4096],
  [12000, 9000],
  [57, 29],
  [28, 28],
  [600, 437],
  [1, 200],
  [1, 201],
  [1, 5601],
  [1, 262145],
  [1, 300000],
  [300000, 1],
  [1, 590000],
  [1, 3000000],
];

/** Seeded sizes over the interesting ranges: tiny, around each cap, large and long. */
function randomSizes(n: number): [number, number][] {
  const r = new PythonRandom(20250311);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const range = [40, 600, 1200, 5000, 20000][i % 5];
    out.push([1 + r.randbelow(range), 1 + r.randbelow(i % 7 === 0 ? 40 : range)]);
  }
  return out;
}

test("the released defaults of each tag: v0.9.1 mm_plugin.py L175-184, v0.9.2 L1097-1108 and model_args.py L219-242", () => {
  assert.deepEqual(llamaFactoryLimits["0.9.1"], {
    version: "0.9.1",
    imageMaxPixels: 262144,
    imageMinPixels: 0,
    videoMaxPixels: 16384,
    videoMinPixels: 0,
    videoFps: 2,
    videoMaxlen: 64,
  });
  assert.deepEqual(llamaFactoryLimits["0.9.2"], {
    version: "0.9.2",
    imageMaxPixels: 589824,
    imageMinPixels: 1024,
    videoMaxPixels: 65536,
    videoMinPixels: 256,
    videoFps: 2,
    videoMaxlen: 128,
  });
  // The preset is the released run's codebase; choosing a tag swaps the whole set.
  assert.deepEqual(preset7b().llamaFactory, llamaFactoryLimits["0.9.1"]);
  assert.deepEqual(settingsOf("0.9.2").llamaFactory, llamaFactoryLimits["0.9.2"]);
  assert.deepEqual(settingsOf("0.9.1").llamaFactory, llamaFactoryLimits["0.9.1"]);
});

for (const version of ["0.9.1", "0.9.2"] as const) {
  test(`qwen2vl-7b images under v${version}: ${FIXED_SIZES.length} awkward sizes and 400 seeded ones, as the tag's own functions on PIL images give`, () => {
    const settings = settingsOf(version);
    const sizes = [...FIXED_SIZES, ...randomSizes(400)];
    const want = oracle({ version, images: sizes }).images.map(shape);
    const mine = sizes.map(([w, h]) => imageAnswer(w, h, settings));
    sizes.forEach(([w, h], i) => assert.equal(mine[i], want[i], `${w}x${h} under v${version}`));
    // Sizes PIL cannot make stop LLaMA-Factory: both tags have some.
    assert.ok(mine.includes("error"));
  });
}

test("the tags differ where the rules do: the caps, the 32·32 floor and the issue's figures", () => {
  const v1 = settingsOf("0.9.1");
  const v2 = settingsOf("0.9.2");
  // The figures: 640x480 is 338 in the released run (393 by raw Qwen2-VL rules) ...
  assert.equal(qwen2vlImageTokens(640, 480, v1), 338);
  assert.equal(qwen2vlImageTokens(1920, 1080, v1), 338);
  assert.equal(qwen2vlImageTokens(640, 480, { vision: "qwen2vl" } as VisualSettings), 393);
  // ... and under v0.9.2's 768·768 cap 640x480 is untouched.
  assert.equal(qwen2vlImageTokens(640, 480, v2), 393);
  assert.ok(qwen2vlImageTokens(1920, 1080, v2) > 338);
  const [a, b] = oracle({
    version: "0.9.2",
    images: [
      [1920, 1080],
      [10, 10],
    ],
  }).images;
  assert.equal(qwen2vlImageTokens(1920, 1080, v2), a);
  assert.equal(qwen2vlImageTokens(10, 10, v2), b);
});

const STATED_VIDEOS: [number, number, number, number | null, number?][] = [
  [640, 360, 250, 10],
  [1280, 720, 600, 60],
  [1920, 1080, 7200, 240],
  [320, 240, 3, 0.1],
  [320, 240, 12, 0.4],
  [320, 240, 15, 0.5],
  [320, 240, 25, 1],
  [640, 480, 31, 1.24],
  [176, 144, 45, 15],
  [3840, 2160, 129, 64.5],
  [100, 3000, 40, 20],
  [1280, 720, 127, 5.08],
  [640, 360, 65, 2.6],
  [640, 360, 5, 2.6],
  [640, 360, 7, 100],
  [640, 360, 255, 63.75],
  [640, 360, 257, 64.25],
  [640, 360, 9000, 300.3],
  [8, 8, 100, 50],
  [15, 17, 100, 50],
  // Under v0.9.2's 16·16 frame floor: grown before the 28-pixel side fix.
  [1, 20, 10, 5],
  [5, 40, 10, 5],
  [16, 15, 10, 5],
  [1, 5000, 100, 50],
  [30000, 100, 100, 50],
  [2000, 1, 100, 50],
  [640, 360, 2997, 100.0999],
  [640, 360, 29, 1.0010009],
  // No frame count in the container (WebM): v0.9.1 reads a duration PyAV gives as None;
  // v0.9.2 takes the first video_maxlen frames of what decodes.
  [640, 360, 0, null, 300],
  [640, 360, 0, null, 61],
  [640, 360, 0, null, 1],
];

for (const version of ["0.9.1", "0.9.2"] as const) {
  test(`qwen2vl-7b videos under v${version}: frames and tokens of ${STATED_VIDEOS.length} stated streams (short, long, fractional, odd, tiny, extreme), as the tag's own sampling gives`, () => {
    const settings = settingsOf(version);
    const lf = settings.llamaFactory!;
    const want = oracle({ version, videos: STATED_VIDEOS }).videos.map(shape);
    STATED_VIDEOS.forEach(([w, h, total, seconds, decoded], i) => {
      const label = `${w}x${h}, ${total} frames, ${seconds} s under v${version}`;
      if (seconds === null && version === "0.9.1") {
        // The counter refuses it before sampling (count-visual-tokens); the oracle fails too.
        assert.equal(want[i], "error", label);
        return;
      }
      const frames = llamaFactoryVideoFrames(total, seconds ?? 0, lf, decoded ?? total);
      let mine: Answer | [number, number];
      try {
        mine = frames < 2 ? "error" : [frames, qwen2vlVideoTokens(frames, w, h, settings)];
      } catch (e) {
        if (!(e instanceof LlamaFactoryResizeError)) throw e;
        mine = "error";
      }
      assert.deepEqual(mine, want[i], label);
    });
  });
}

test("video figures: a 10 s 640x360 video is 182 tokens in the released run, 842 under v0.9.2; 72B keeps raw rules", () => {
  const v1 = settingsOf("0.9.1");
  const v2 = settingsOf("0.9.2");
  assert.equal(llamaFactoryVideoFrames(250, 10, v1.llamaFactory!), 20);
  assert.equal(qwen2vlVideoTokens(20, 640, 360, v1), 182);
  assert.equal(qwen2vlVideoTokens(20, 640, 360, v2), 842);
  // An odd sample: v0.9.1 drops a frame, v0.9.2 repeats the last one.
  assert.equal(llamaFactoryVideoFrames(100, 2.6, v1.llamaFactory!), 4);
  assert.equal(llamaFactoryVideoFrames(100, 2.6, v2.llamaFactory!), 6);
  // The caps: 64 frames, 128 frames.
  assert.equal(llamaFactoryVideoFrames(9000, 300, v1.llamaFactory!), 64);
  assert.equal(llamaFactoryVideoFrames(9000, 300, v2.llamaFactory!), 128);
  const p72 = lengthPreset("qwen2vl-72b")!;
  assert.equal((p72.visual as VisualSettings).llamaFactory, undefined);
  assert.equal(
    qwen2vlImageTokens(640, 480, { ...defaultVisualSettings, ...p72.visual }),
    qwen2vlImageTokens(640, 480, { vision: "qwen2vl", maxPixels: 401408 } as VisualSettings),
  );
});

test("the version is a typed setting: only the two tags, only with a LLaMA-Factory preset", () => {
  assert.throws(
    () => validateCountSettings({ preset: "qwen2vl-7b", llamaFactoryVersion: "0.9.3" }),
    /expected one of 0\.9\.1, 0\.9\.2, got "0\.9\.3"/,
  );
  assert.throws(
    () => validateCountSettings({ preset: "qwen2vl-7b", llamaFactoryVersion: 0.92 }),
    /expected one of 0\.9\.1, 0\.9\.2, got 0\.92/,
  );
  assert.throws(
    () => validateCountSettings({ preset: "qwen2vl-72b", llamaFactoryVersion: "0.9.2" }),
    (e: Error & { key?: string }) =>
      e.key === "llamaFactoryVersion" && /qwen2vl-7b\), not qwen2vl-72b/.test(e.message),
  );
  assert.throws(
    () => validateCountSettings({ llamaFactoryVersion: "0.9.2", vision: "qwen2vl" }),
    /and none is given/,
  );
});

const t3kit = (...args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, [join(__dirname, "..", "..", "scripts", "t3kit.cjs"), ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim(),
  );

test("tokens count --preset qwen2vl-7b [--llamafactory-version V] counts an image as that tag does (the oracle's number)", () => {
  const fs = require("node:fs") as typeof import("node:fs");
  const dir = fs.mkdtempSync(join(require("node:os").tmpdir(), "t3kit-count-preset-"));
  const file = join(dir, "one.json");
  fs.writeFileSync(
    file,
    JSON.stringify([
      {
        id: "a",
        image: "missing.jpg",
        conversations: [
          { from: "human", value: "<image>\nWhat?" },
          { from: "gpt", value: "B" },
        ],
      },
    ]),
  );
  const count = (...flags: string[]) =>
    (
      t3kit(
        "tokens",
        "count",
        file,
        "--default-image-size",
        "1920x1080",
        "--missing-images",
        "default",
        ...flags,
      ) as { visual_tokens: number }
    ).visual_tokens;
  const [v1] = oracle({ version: "0.9.1", images: [[1920, 1080]] }).images;
  const [v2] = oracle({ version: "0.9.2", images: [[1920, 1080]] }).images;
  assert.notEqual(v1, v2);
  const seven = count("--preset", "qwen2vl-7b");
  assert.equal(seven, v1);
  assert.equal(count("--preset", "qwen2vl-7b", "--llamafactory-version", "0.9.1"), v1);
  assert.equal(count("--preset", "qwen2vl-7b", "--llamafactory-version", "0.9.2"), v2);
  assert.notEqual(count("--preset", "qwen2vl-72b"), seven, "the 72B run keeps the raw rules");
  // filter: the report says whose rules counted.
  const report = join(dir, "report.json");
  execFileSync(
    process.execPath,
    [
      join(__dirname, "..", "..", "scripts", "t3kit.cjs"),
      ...["tokens", "filter", file, "--out", join(dir, "kept.json"), "--report", report],
      ...["--preset", "qwen2vl-7b", "--llamafactory-version", "0.9.2"],
      ...["--missing-images", "default"],
    ],
    { stdio: "ignore" },
  );
  const r = JSON.parse(fs.readFileSync(report, "utf8"));
  assert.deepEqual([r.preset, r.llamaFactoryVersion, r.kept], ["qwen2vl-7b", "0.9.2", 1]);
  fs.rmSync(dir, { recursive: true, force: true });
});
