/**
 * Writes data/tokens/: the small embedded sample notebook 04 measures until the T3
 * synthesis sample is merged. Every text is generated here from word lists (nothing is
 * downloaded); the layout follows the released Video-T3-QA and LLaVA-NeXT records
 * (paper-facts §2.2: caption prompt, "(C) full option" answers; ids
 * f"tempqa-{aspect}-{version}{idx}"). Lengths 1x/2x/4x/8x scale the number of captions
 * (4 per 1x), as the released file sizes suggest. Deterministic: run it again, get the
 * same bytes. `node --import tsx scripts/make-token-sample.ts`
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatPythonJson } from "../lib/json/index";
import { dataDir } from "../lib/paths/index";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(2024);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const subjects = [
  "a person",
  "a young woman",
  "an old man",
  "a small dog",
  "two children",
  "a chef",
  "a cyclist",
  "a cat",
  "a street musician",
  "a group of friends",
];
const verbs = [
  "is dancing",
  "walks slowly",
  "is cooking",
  "rides past",
  "is reading a book",
  "plays the guitar",
  "looks out of the window",
  "is painting a wall",
  "jumps over a puddle",
  "waves at the camera",
];
const scenes = [
  "in a cozy living room",
  "on a busy city street",
  "in a sunny park",
  "inside a bright kitchen",
  "near a quiet river",
  "at a crowded market",
  "in front of a red brick building",
  "on a snowy mountain road",
  "in a small library",
  "by the sea at sunset",
];
const details = [
  "The lighting is warm and soft.",
  "Several cars pass in the background.",
  "Leaves move in the wind.",
  "A clock on the wall shows noon.",
  "The camera slowly zooms in.",
  "People chat at a nearby table.",
  "The colors are bright and saturated.",
  "Rain falls gently.",
  "A bus stops at the corner.",
  "Music seems to be playing.",
];
const attributes = [
  ["black", "white"],
  ["loose", "tight-fitting"],
  ["empty", "full"],
  ["calm", "excited"],
  ["dim", "bright"],
  ["small", "large"],
];
const prefixes = [
  "Based on the following captions describing keyframes of a video, answer the next question.",
  "Using the video captions displayed in a sequential manner as reference, respond to the forthcoming question.",
];
const suffixes = [
  "Provide only the top choice:",
  "Only give the best option:",
  "Deliver only the best choice:",
];

const caption = () =>
  `${pick(subjects)[0].toUpperCase()}${pick(subjects).slice(1)} ${pick(verbs)} ${pick(scenes)}. ${pick(details)} ${pick(details)}`;

function question(family: string): { q: string; options: string[]; answer: number } {
  const letters = ["A", "B", "C", "D"];
  if (family.startsWith("attribute")) {
    const [a, b] = pick(attributes);
    return {
      q: `How does the ${pick(["shirt", "room", "sky", "crowd", "street"])} change in the video?`,
      options: [`from ${a} to ${b}`, `from ${b} to ${a}`, `stays ${a}`, `stays ${b}`],
      answer: Math.floor(rand() * 4),
    };
  }
  if (family.startsWith("refer")) {
    return {
      q: `What is shown in the ${pick(["beginning", "middle", "end"])} of the video?`,
      options: letters.map(() => `${pick(subjects)} ${pick(verbs)}`),
      answer: Math.floor(rand() * 4),
    };
  }
  return {
    q: "Arrange the following scenes in the order they appear in the video.",
    options: letters.map(() => [pick(scenes), pick(scenes), pick(scenes)].join(", ")),
    answer: Math.floor(rand() * 4),
  };
}

function t3Pair(family: string, k: number) {
  const captions = Array.from({ length: 4 * k }, caption).join("\n");
  const { q, options, answer } = question(family);
  const opts = options.map((o, i) => `(${"ABCD"[i]}) ${o}`).join(" ");
  return [
    {
      from: "human",
      value: `${pick(prefixes)}\n\nCaptions:\n${captions}\nQuestion: ${q}\n${opts}\n\n${pick(suffixes)}\n`,
    },
    { from: "gpt", value: `(${"ABCD"[answer]}) ${options[answer]}` },
  ];
}

// aspect, version and length of each released file (reference-mix.md's table).
const families: [string, string, number][] = [
  ["order-long", "v2", 1],
  ["attribute-long", "v2", 1],
  ["order-2x", "v2-long", 2],
  ["attribute-2x", "v2-long", 2],
  ["order-4x", "v2-long", 4],
  ["attribute-4x", "v2-long", 4],
  ["order-8x", "v2-long", 8],
  ["attribute-8x", "v2-long", 8],
  ["refer_anchor_temp2any", "v2", 1],
  ["refer_begin_end_temp2any", "v2", 1],
  ["order_shuffle_phrase_fix", "v2", 1],
  ["order_shuffle_prefix_fix", "v2", 1],
  ["order_shuffle_sentence", "v2", 1],
];

const t3 = families.flatMap(([aspect, version, k]) =>
  Array.from({ length: 12 }, (_, idx) => ({
    id: `tempqa-${aspect}-${version}${idx}`,
    conversations: t3Pair(aspect, k),
  })),
);

const llavaQuestions = [
  "What is happening in this image?",
  "Describe the image in detail.",
  "What color is the main object?",
  "How many people are visible?",
  "What might happen next?",
  "Is this picture taken indoors or outdoors?",
];
const llava = Array.from({ length: 120 }, (_, i) => {
  const turns = [];
  const pairs = 1 + Math.floor(rand() * 3);
  for (let p = 0; p < pairs; p++) {
    turns.push({ from: "human", value: `${p === 0 ? "<image>\n" : ""}${pick(llavaQuestions)}` });
    const answer = Array.from({ length: 1 + Math.floor(rand() * 5) }, caption).join(" ");
    turns.push({ from: "gpt", value: answer });
  }
  const source = pick(["coco/train2017", "gqa/images", "ocr_vqa/images", "textvqa/train_images"]);
  return {
    id: String(100000 + i * 37).padStart(12, "0"),
    image: `${source}/${String(i).padStart(6, "0")}.jpg`,
    conversations: turns,
  };
});

const dir = join(dataDir, "tokens");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "t3-sample.json"), formatPythonJson(t3 as never, { indent: 4 }));
writeFileSync(join(dir, "llava-sample.json"), formatPythonJson(llava as never, { indent: 4 }));
process.stdout.write(`wrote ${t3.length} T3 and ${llava.length} LLaVA records to ${dir}\n`);
