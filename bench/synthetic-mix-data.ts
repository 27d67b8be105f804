import { once } from "node:events";
/**
 * Synthetic stand-ins for the real mixing inputs, at any scale: an Open-LLaVA-NeXT
 * mix1M-like JSON array (image paths of the real sub-datasets, `<image>` in the first
 * human turn, multi-turn, some text-only records, some non-ASCII text, the odd extra key)
 * and the 13 Video-T3-QA files (two-turn caption/question pairs whose context grows with
 * the 1x/2x/4x/8x multiplier). Deterministic for a seed. At 1M records it writes about
 * 1.5 GB in about 20 s. Used by the benchmark and to make the small embedded samples.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { formatPythonJson } from "../lib/json/index";
import { T3_FILES } from "../lib/mixing/index";

/** A small fast seeded generator (not Python-compatible; only for making data). */
class Lcg {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    this.s ^= this.s << 13;
    this.s ^= this.s >>> 17;
    this.s ^= this.s << 5;
    return (this.s >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

const NOUNS = [
  "bus",
  "street",
  "man",
  "woman",
  "dog",
  "cat",
  "table",
  "window",
  "building",
  "car",
  "tree",
  "bicycle",
  "sign",
  "kitchen",
  "plate",
  "pizza",
  "train",
  "station",
  "boat",
  "river",
  "field",
  "horse",
  "child",
  "umbrella",
  "laptop",
  "phone",
  "book",
  "chart",
  "receipt",
  "menu",
  "poster",
  "bridge",
  "mountain",
  "beach",
  "wave",
  "clock",
  "tower",
  "market",
  "bottle",
  "cup",
  "flower",
];
const ADJS = [
  "red",
  "white",
  "small",
  "large",
  "old",
  "wooden",
  "busy",
  "quiet",
  "bright",
  "dark",
  "blue",
  "green",
  "crowded",
  "empty",
  "striped",
  "modern",
  "rusty",
  "colorful",
  "tall",
  "narrow",
];
const VERBS = [
  "stands",
  "sits",
  "waits",
  "moves",
  "leans",
  "appears",
  "rests",
  "hangs",
  "runs",
  "turns",
  "opens",
  "closes",
  "falls",
  "rises",
  "spins",
  "walks",
  "carries",
  "holds",
  "points",
  "watches",
];
const PLACES = [
  "near the corner",
  "in the background",
  "on the left",
  "on the right",
  "at the center",
  "behind the fence",
  "under the bridge",
  "next to the door",
  "on the table",
  "along the road",
];
const NON_ASCII = [
  "café",
  "naïve",
  "São Paulo",
  "Zürich",
  "图中有一辆公共汽车",
  "これは猫です",
  "Ελλάδα",
  "Москва",
  "señal de tráfico",
  "😀",
  "➡",
  "°C",
  "€12.50",
  "“quoted”",
  "—",
  "Straße",
];
const QUESTIONS = [
  "What is the color of the {a} {n} in the image?",
  "How many {n}s can be seen in this picture?",
  "What is the {n} doing {p}?",
  "Describe the scene in detail.",
  "What does the text on the {n} say?",
  "Is there a {n} {p}? Answer yes or no.",
  "What is the title of this book?",
  "Who is the author of this book?",
  "What might be the purpose of the {a} {n}?",
  "Provide a one-sentence caption for the provided image.",
];
const IMAGE_SETS: [string, (r: Lcg) => string][] = [
  ["coco", (r) => `coco/train2017/${String(r.int(600000)).padStart(12, "0")}.jpg`],
  ["sam", (r) => `sam/images/sa_${r.int(1000000)}.jpg`],
  ["gqa", (r) => `gqa/images/${2300000 + r.int(100000)}.jpg`],
  ["ocr_vqa", (r) => `ocr_vqa/images/${r.int(2000000000)}.jpg`],
  [
    "textvqa",
    (r) =>
      `textvqa/train_images/${r
        .int(16 ** 8)
        .toString(16)
        .padStart(8, "0")}${r
        .int(16 ** 8)
        .toString(16)
        .padStart(8, "0")}.jpg`,
  ],
  ["share_textvqa", (r) => `share_textvqa/images/${r.int(16 ** 8).toString(16)}.jpg`],
  [
    "wikiart",
    (r) => `wikiart/images/${r.pick(["impressionism", "baroque", "cubism"])}_${r.int(90000)}.jpg`,
  ],
  [
    "web-celebrity",
    (r) => `web-celebrity/images/${r.pick(["Ava", "Lee", "Chen", "Müller"])}_${r.int(500)}.jpg`,
  ],
];

function sentence(r: Lcg, nonAscii: boolean): string {
  const s = `The ${r.pick(ADJS)} ${r.pick(NOUNS)} ${r.pick(VERBS)} ${r.pick(PLACES)}, while a ${r.pick(ADJS)} ${r.pick(NOUNS)} ${r.pick(VERBS)} ${r.pick(PLACES)}.`;
  return nonAscii && r.int(3) === 0 ? `${s} (${r.pick(NON_ASCII)})` : s;
}

function paragraph(r: Lcg, n: number, nonAscii: boolean): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(r, nonAscii));
  return out.join(" ");
}

function question(r: Lcg): string {
  return r
    .pick(QUESTIONS)
    .replace("{a}", r.pick(ADJS))
    .replace("{n}", r.pick(NOUNS))
    .replace("{p}", r.pick(PLACES));
}

/** One mix1M-like LLaVA record (about 1.6 KB on average, as mix1M's 1.64 GB / 1M records). */
export function syntheticLlavaRecord(r: Lcg, i: number): Record<string, unknown> {
  const textOnly = r.int(10) === 0;
  const nonAscii = r.int(20) === 0;
  const rounds = 1 + (r.int(4) === 0 ? r.int(6) : r.int(2));
  const conversations: { from: string; value: string }[] = [];
  for (let k = 0; k < rounds; k++) {
    let q = question(r);
    if (k === 0 && !textOnly) q = r.int(4) === 0 ? `${q}\n<image>` : `<image>\n${q}`;
    conversations.push({ from: "human", value: q });
    conversations.push({
      from: "gpt",
      value: paragraph(r, 3 + r.int(rounds === 1 ? 22 : 8), nonAscii),
    });
  }
  if (textOnly) return { id: `identity_${i}`, conversations };
  const [set, path] = r.pick(IMAGE_SETS);
  const rec: Record<string, unknown> = { id: `${set}_${i}`, image: path(r), conversations };
  if (r.int(50) === 0) rec.source = set; // extra keys must survive, in order
  return rec;
}

async function writeLines(
  path: string,
  n: number,
  line: (i: number) => string,
  open: string,
  sep: string,
  close: string,
) {
  const out = createWriteStream(path, { highWaterMark: 1 << 22 });
  let buf = open;
  for (let i = 0; i < n; i++) {
    buf += (i === 0 ? "" : sep) + line(i);
    if (buf.length > 1 << 22) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.write(buf + close);
  out.end();
  await once(out, "finish");
}

/** Writes an n-record mix1M-like JSON array (one record per line, json.dumps style). */
export async function writeSyntheticLlava(path: string, n: number, seed = 1): Promise<void> {
  const r = new Lcg(seed);
  await writeLines(
    path,
    n,
    (i) => JSON.stringify(syntheticLlavaRecord(r, i)).replace(/","/g, '", "').replace(/":/g, '": '),
    "[\n",
    ",\n",
    "\n]\n",
  );
}

/** The context multiplier of a T3 file ("_2x" → 2), 1 for the others. */
function multiplier(file: string): number {
  const m = file.match(/_(\d)x_/);
  return m ? Number(m[1]) : 1;
}

const PREFIXES = [
  "Using the video captions displayed in a sequential manner as reference, respond to the forthcoming question.",
  "Based on the following captions describing keyframes of a video, answer the next question.",
  "Read the frame-by-frame descriptions of a video below and answer the question.",
];
const SUFFIXES = [
  "Only give the best option:",
  "Deliver only the best choice:",
  "Provide only the top choice:",
];

/** One Video-T3-QA-like pair: captions × multiplier, a question, four options, an answer. */
export function syntheticT3Pair(r: Lcg, file: string, captionsPer1x: number): [object, object] {
  const n = captionsPer1x * multiplier(file);
  const caps: string[] = [];
  for (let k = 0; k < n; k++) caps.push(`Frame ${k + 1}: ${sentence(r, r.int(30) === 0)}`);
  const opts = ["A", "B", "C", "D"].map(
    (l) => `(${l}) ${r.pick(ADJS)} ${r.pick(NOUNS)} before ${r.pick(ADJS)} ${r.pick(NOUNS)}`,
  );
  const answer = r.int(4);
  const q = file.includes("attribute")
    ? `How does the ${r.pick(NOUNS)} change in the video?`
    : file.includes("refer")
      ? `What is shown at the ${r.pick(["beginning", "end", "middle"])} of the video?`
      : "How do the scenes unfold in the video, starting from the first?";
  const human = `${r.pick(PREFIXES)}\n\nCaptions:\n${caps.join("\n")}\nQuestion: ${q}\n${opts.join("\n")}\n\n${r.pick(SUFFIXES)}\n`;
  return [
    { from: "human", value: human },
    { from: "gpt", value: opts[answer] },
  ];
}

/** Writes the 13 Video-T3-QA files (json.dump(indent=4) layout) with `records` pairs each. */
export async function writeSyntheticT3Dir(
  dir: string,
  records: number,
  captionsPer1x = 8,
  seed = 7,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  let s = seed;
  for (const f of T3_FILES) {
    const r = new Lcg(s++);
    await writeLines(
      join(dir, f.file),
      records,
      (_i) =>
        formatPythonJson(syntheticT3Pair(r, f.file, captionsPer1x) as never, { indent: 4 }, 1),
      "[\n    ",
      ",\n    ",
      "\n]",
    );
  }
}

export { Lcg };
