/**
 * A deterministic synthetic LLaVA/T3 mix for the token benchmark, written as one JSON
 * array (one record per line, like a compact mix file): 80% LLaVA-NeXT-like records (an
 * image, one to three question/answer pairs, ~0.7 KB) and 20% Video-T3-like text records
 * at lengths 1x/2x/4x/8x (~1.2 KB of captions per 1x). Words follow a Zipf-like law over
 * a 100-word core (English, numbers, CJK, punctuation) and 50,000 made-up words, with
 * random numbers, so a word cache meets new words all along, as on real text.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { PythonRandom } from "../lib/pyrandom/index";

const words = (
  "the a person dancing room street city cozy living image shows frame video caption black coins blue plates " +
  "red apples yellow bananas begin middle end order attribute change loose tight fitting polo shirt emblem " +
  "authority power elegance sophistication arrangement text transformation question answer describe colors bus " +
  "white players field ball kitchen table window sky clouds mountain river bridge car truck bicycle dog cat " +
  "12 2024 3.5 100 7 一个 人 在 跳舞 。 , . ? ! ; : ( ) - \" ' don't it's we'll"
).split(" ");

const syllables =
  "ka lo mi ne ru sa ti vo be da fe gi ho ju ly an er in or us ek al om ip str pl th ch qu".split(
    " ",
  );

function madeUpWords(n: number, rand: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = "";
    const k = 2 + Math.floor(rand() * 3);
    for (let j = 0; j < k; j++) w += syllables[Math.floor(rand() * syllables.length)];
    out.push(rand() < 0.1 ? w[0].toUpperCase() + w.slice(1) : w);
  }
  return out;
}

/** Writes `records` records to `path`; returns the bytes written. */
export async function writeSyntheticTokenMix(
  path: string,
  records: number,
  seed = 1234,
): Promise<number> {
  const rng = new PythonRandom(seed);
  const rand = () => rng.random();
  const vocabulary = [...words, ...madeUpWords(50000, rand)];
  // Log-uniform ranks: frequency about 1/rank (Zipf), over the whole vocabulary.
  const word = () => {
    if (rand() < 0.02) return String(Math.floor(rand() * 100000));
    return vocabulary[Math.floor(vocabulary.length ** rand()) - 1];
  };
  const sentence = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += (i === 0 ? "" : " ") + word();
    return s;
  };
  const out = createWriteStream(path);
  let bytes = 0;
  let buf = "[\n";
  for (let i = 0; i < records; i++) {
    let rec: unknown;
    if (rand() < 0.8) {
      const turns = [];
      const pairs = 1 + Math.floor(rand() * 3);
      for (let p = 0; p < pairs; p++) {
        turns.push({
          from: "human",
          value: `${p === 0 ? "<image>\n" : ""}${sentence(8 + Math.floor(rand() * 20))}?`,
        });
        turns.push({ from: "gpt", value: `${sentence(10 + Math.floor(rand() * 50))}.` });
      }
      rec = {
        id: `llava-${i}`,
        image: `coco/train2017/${String(i).padStart(12, "0")}.jpg`,
        conversations: turns,
      };
    } else {
      const r = rand();
      const k = r < 0.5 ? 1 : r < 0.75 ? 2 : r < 0.9 ? 4 : 8;
      const captions = Array.from({ length: 4 * k }, () =>
        sentence(45 + Math.floor(rand() * 10)),
      ).join("\n");
      rec = {
        id: `tempqa-order-${k}x-v2-long${i}`,
        conversations: [
          {
            from: "human",
            value: `Based on the following captions describing keyframes of a video, answer the next question.\n\nCaptions:\n${captions}\nQuestion: ${sentence(12)}?\n(A) ${sentence(4)} (B) ${sentence(4)} (C) ${sentence(4)} (D) ${sentence(4)}\n\nProvide only the top choice:\n`,
          },
          { from: "gpt", value: `(C) ${sentence(4)}` },
        ],
      };
    }
    buf += `${JSON.stringify(rec)}${i + 1 < records ? "," : ""}\n`;
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  buf += "]\n";
  bytes += Buffer.byteLength(buf);
  out.end(buf);
  await once(out, "finish");
  return bytes;
}
