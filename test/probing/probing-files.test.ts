/**
 * Frame sampling, .npy and .safetensors against numpy (python3) and the formats' own
 * definitions; the released prompt strings; bad feature files.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  PROBING_ASPECTS,
  loadAspectFeatures,
  npyBytes,
  parseNpy,
  parseSafetensors,
  probingAspect,
  sampleFrameIndices,
  textQuestion,
  videoQuestion,
} from "../../lib/probing/index";
import { runPython, runPythonJson } from "../oracle/run-python";

test("frame indices are numpy's linspace(0, N-1, 8, dtype=int) for N = 1..400", () => {
  const counts = Array.from({ length: 400 }, (_, i) => i + 1);
  const numpy = runPythonJson<number[][]>(
    "import numpy as np, json; print(json.dumps([np.linspace(0, n - 1, 8, dtype=int).tolist() for n in range(1, 401)]))",
  );
  assert.deepEqual(
    counts.map((n) => sampleFrameIndices(n)),
    numpy,
  );
  assert.throws(() => sampleFrameIndices(0), /0 frames/);
});

test(".npy files: numpy reads what the kit writes, and the kit reads what numpy writes", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-npy-"));
  const data = Float32Array.from({ length: 40 * 32 }, (_, i) => Math.sin(i) * 1e3);
  data[5] = -0;
  data[6] = 1e-40;
  writeFileSync(join(dir, "kit.npy"), npyBytes([40, 32], data));
  const check = runPythonJson<{ shape: number[]; dtype: string; same: boolean }>(
    `import numpy as np, json, sys
a = np.load(${JSON.stringify(join(dir, "kit.npy"))})
b = np.sin(np.arange(40 * 32)).astype(np.float64) * 1e3
b = b.astype(np.float32); b[5] = -0.0; b[6] = np.float32(1e-40)
print(json.dumps({"shape": list(a.shape), "dtype": str(a.dtype), "same": bool(np.array_equal(a.view(np.uint32), b.reshape(40, 32).view(np.uint32)))}))`,
  );
  assert.deepEqual(check, { shape: [40, 32], dtype: "float32", same: true });
  runPython(`import numpy as np
np.save(${JSON.stringify(join(dir, "f8.npy"))}, np.arange(6, dtype=np.float64).reshape(3, 2) / 4)
np.save(${JSON.stringify(join(dir, "i4.npy"))}, np.arange(6, dtype=np.int32).reshape(3, 2))
np.save(${JSON.stringify(join(dir, "f3.npy"))}, np.ones((2, 3, 4), dtype=np.float32))`);
  const f8 = parseNpy(require("node:fs").readFileSync(join(dir, "f8.npy")), "f8.npy");
  assert.deepEqual(f8.shape, [3, 2]);
  assert.deepEqual([...f8.data], [0, 0.25, 0.5, 0.75, 1, 1.25]);
  assert.throws(
    () => parseNpy(require("node:fs").readFileSync(join(dir, "i4.npy")), join(dir, "i4.npy")),
    /i4\.npy: dtype <i4 is not float32 or float64/,
  );
  assert.throws(() => parseNpy(new Uint8Array(0), "empty.npy"), /empty\.npy: not a \.npy file/);
  const truncated = npyBytes([4, 2], new Float32Array(8)).subarray(0, 140);
  assert.throws(
    () => parseNpy(truncated, "cut.npy"),
    /cut\.npy: shape \(4,2\) needs 32 data bytes/,
  );
});

function safetensors(
  tensors: Record<string, { dtype: string; shape: number[]; bytes: Buffer }>,
): Buffer {
  let offset = 0;
  const header: Record<string, unknown> = { __metadata__: { format: "pt" } };
  for (const [name, t] of Object.entries(tensors)) {
    header[name] = {
      dtype: t.dtype,
      shape: t.shape,
      data_offsets: [offset, offset + t.bytes.length],
    };
    offset += t.bytes.length;
  }
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([length, json, ...Object.values(tensors).map((t) => t.bytes)]);
}

test(".safetensors: F32, F16 and BF16 features, one tensor per file", () => {
  const f32 = Buffer.alloc(12);
  [1.5, -2, 3.25].forEach((v, i) => f32.writeFloatLE(v, i * 4));
  assert.deepEqual(
    [
      ...parseSafetensors(
        safetensors({ feats: { dtype: "F32", shape: [1, 3], bytes: f32 } }),
        "a.safetensors",
      ).data,
    ],
    [1.5, -2, 3.25],
  );
  // 1.5 = 0x3e00 in float16 and 0x3fc0 in bfloat16; -2 = 0xc000 / 0xc000.
  const f16 = Buffer.from([0x00, 0x3e, 0x00, 0xc0]);
  const bf16 = Buffer.from([0xc0, 0x3f, 0x00, 0xc0]);
  assert.deepEqual(
    [
      ...parseSafetensors(safetensors({ x: { dtype: "F16", shape: [1, 2], bytes: f16 } }), "h")
        .data,
    ],
    [1.5, -2],
  );
  assert.deepEqual(
    [
      ...parseSafetensors(safetensors({ x: { dtype: "BF16", shape: [1, 2], bytes: bf16 } }), "b")
        .data,
    ],
    [1.5, -2],
  );
  const two = safetensors({
    a: { dtype: "F32", shape: [1], bytes: f32.subarray(0, 4) },
    b: { dtype: "F32", shape: [1], bytes: f32.subarray(4, 8) },
  });
  assert.throws(
    () => parseSafetensors(two, "two.safetensors"),
    /two\.safetensors: holds 2 tensors/,
  );
  const ints = safetensors({ x: { dtype: "I64", shape: [1], bytes: Buffer.alloc(8) } });
  assert.throws(
    () => parseSafetensors(ints, "i.safetensors"),
    /i\.safetensors, field x: dtype I64/,
  );
});

/** The released question strings, verbatim from probing/longva_inference.py (`aspect2question`). */
const RELEASED_QUESTIONS: Record<string, string> = {
  blooming:
    "Question: Does the flower bloom or unbloom (the video of blooming is played in reverse) in the video?\nOptions: (A) Bloom. (B) Unbloom.\nAnswer the option only. ",
  brightness:
    "Question: Does the brightness increase (brighten) or decrease (darken) in the video?\nOptions: (A) Brighten. (B) Darken.\nAnswer the option only. ",
  order:
    "Question: What is the correct order that the items appear in the video?\nOptions:(A) cat, person. (B) person, cat.\nOnly respond with the correct option. ",
  order_3:
    "Question: What is the correct order that the items appear in the video?\nOptions:(A) cat, person, flower. (B) cat, flower, person. (C) person, cat, flower. (D) person, flower, cat. (E) flower, person, cat. (F) flower, cat, person. \nOnly respond with the correct option. ",
  referring_begin:
    "Question: Which item is shown in the begin of the video?\nOptions:(A) a person. (B) a cat. (C) a flower.\nAnswer the option only. ",
  referring_middle:
    "Question: Which item is shown in the middle of the video?\nOptions:(A) a person. (B) a cat. (C) a flower.\nAnswer the option only. ",
  referring_end:
    "Question: Which item is shown in the end of the video?\nOptions:(A) a person. (B) a cat. (C) a flower.\nAnswer the option only. ",
  grounding_people:
    "Question: In which part of the video can we see a person?\nOptions:(A) the begin. (B) the middle. (C) the end.\nAnswer the option only. ",
  grounding_cats:
    "Question: In which part of the video can we see a cat?\nOptions:(A) the begin. (B) the middle. (C) the end.\nAnswer the option only. ",
  grounding_bloom:
    "Question: In which part of the video can we see a flower?\nOptions:(A) the begin. (B) the middle. (C) the end.\nAnswer the option only. ",
};

test("video questions are the released strings, byte for byte", () => {
  assert.equal(PROBING_ASPECTS.length, 10);
  for (const aspect of PROBING_ASPECTS)
    assert.equal(videoQuestion(aspect), RELEASED_QUESTIONS[aspect.name], aspect.name);
  const text = textQuestion(probingAspect("order"), [
    "This frame shows a cat.",
    "This frame shows a person.",
  ]);
  assert.ok(
    text.startsWith(
      "Using the provided frame-by-frame video description, please answer the related question about the video.\n\nVideo Description:\n\nFrame 1: This frame shows a cat.\nFrame 2: This frame shows a person.\n\nQuestion:",
    ),
  );
});

function writeFeatures(
  root: string,
  aspect: string,
  layout: Record<string, Record<string, number>>,
  shape = [4, 3],
): void {
  for (const [split, classes] of Object.entries(layout))
    for (const [className, count] of Object.entries(classes)) {
      const dir = join(root, aspect, split, className);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < count; i++)
        writeFileSync(
          join(dir, `v${i}.npy`),
          npyBytes(shape, new Float32Array(shape[0] * shape[1]).fill(i)),
        );
    }
}

test("features: labels from sorted class folders; bad layouts name the file or folder", async () => {
  const root = mkdtempSync(join(tmpdir(), "t3kit-feat-"));
  writeFeatures(root, "order", {
    train: { people_cats: 2, cats_people: 3 },
    val: { people_cats: 1, cats_people: 1 },
  });
  const f = await loadAspectFeatures(root, "order");
  assert.deepEqual(f.classes, ["cats_people", "people_cats"]);
  assert.deepEqual([...f.train.labels], [0, 0, 0, 1, 1]);
  assert.equal(f.train.tokens, 4);
  // Train and val with different classes.
  writeFeatures(root, "blooming", {
    train: { bloom: 1, other: 1 },
    val: { bloom: 1, bloom_reverse: 1 },
  });
  await assert.rejects(
    loadAspectFeatures(root, "blooming"),
    /blooming\/train: train classes \[bloom, other\] differ from val classes/,
  );
  // A class folder with no files.
  writeFeatures(root, "brightness", {
    train: { brighten: 1, darken: 0 },
    val: { brighten: 1, darken: 1 },
  });
  await assert.rejects(
    loadAspectFeatures(root, "brightness"),
    /brightness\/train\/darken: class folder has no \.npy or \.safetensors files/,
  );
  // A file of another shape.
  writeFeatures(root, "order_3", { train: { a: 2, b: 2 }, val: { a: 1, b: 1 } });
  writeFileSync(
    join(root, "order_3", "val", "b", "v0.npy"),
    npyBytes([5, 3], new Float32Array(15)),
  );
  await assert.rejects(
    loadAspectFeatures(root, "order_3"),
    /order_3\/val\/b\/v0\.npy: shape \(5,3\) differs from \(4,3\)/,
  );
  // NaN features.
  writeFeatures(root, "referring_end", {
    train: { cats: 1, people: 1 },
    val: { cats: 1, people: 1 },
  });
  writeFileSync(
    join(root, "referring_end", "val", "cats", "v0.npy"),
    npyBytes([4, 3], new Float32Array(12).fill(Number.NaN)),
  );
  await assert.rejects(loadAspectFeatures(root, "referring_end"), /v0\.npy: features contain NaN/);
  await assert.rejects(loadAspectFeatures(root, "missing"), /missing\/val: folder not found/);
});
