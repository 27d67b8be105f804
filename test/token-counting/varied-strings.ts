/**
 * A few thousand deterministic, deliberately awkward strings for the tokenizer oracle
 * test: CJK, emoji (ZWJ sequences, skin tones, flags), code, whitespace runs (tabs, CRLF,
 * NBSP, ideographic space), long digit runs, mixed scripts, combining marks that NFC
 * composes, English contractions in both cases, and special-token strings inside text.
 */
import { PythonRandom } from "../../lib/pyrandom/index";

const pieces = [
  "The image shows a person dancing.",
  "Arrange the following items in correct order based on the context: person, street, room.",
  "(B) person, room, street",
  "Captions:\n",
  "Question: How does the fit of the polo shirt change?\n(A) loose (B) tight",
  "我们今天去公园散步，天气很好。",
  "東京タワーは333メートルです。",
  "한국어 문장도 포함합니다.",
  "Привет, как дела? Всё хорошо!",
  "مرحبا بالعالم",
  "नमस्ते दुनिया",
  "สวัสดีครับ",
  "Ελληνικά γράμματα",
  "😀",
  "👩‍👩‍👧‍👦",
  "👍🏽",
  "🇯🇵🇫🇷",
  "🧑‍💻 coding",
  "function f(x) { return x * 2; }",
  "const re = /[^\\s\\p{L}]+/gu;",
  "def main():\n    print('hi')\n",
  "if (a && b || !c) {\n\treturn;\n}",
  "SELECT * FROM t WHERE id = 42;",
  '<div class="a">x</div>',
  "    ",
  "\t\t",
  "\n\n\n",
  "\r\n",
  " \n \n",
  "\u00a0\u00a0",
  "\u3000",
  "  trailing   ",
  "1234567890123456789",
  "3.14159",
  "1,000,000",
  "2024-10-08",
  "0x1F600",
  "e\u0301",
  "A\u030A",
  "n\u0303o",
  "I'm",
  "YOU'LL",
  "they've",
  "She'D",
  "it's",
  "<|im_start|>",
  "<|im_end|>",
  "<|endoftext|>",
  "<|vision_start|>",
  "<think>",
  "<image>",
  "<video>",
  "!!!???",
  "...",
  "—–-",
  "«quoted»",
  "$100.00",
  "ß Σ ς İ ı",
  "\u200b\u200d",
  "Ǆ ǅ ǆ",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "\ud83d",
];

const joiners = ["", " ", "\n", "  ", "\t", "\n\n", " \n", "", ""];

/** `count` strings, the same ones on every run. Each piece also appears alone. */
export function variedStrings(count: number, seed = 1234): string[] {
  const rng = new PythonRandom(seed);
  const rand = () => rng.random();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const out = [...pieces];
  while (out.length < count) {
    const n = 1 + Math.floor(rand() * 8);
    let s = "";
    for (let i = 0; i < n; i++) s += pick(pieces) + pick(joiners);
    // Sometimes cut inside a piece, to start or end in the middle of a word or run.
    if (rand() < 0.3) s = s.slice(Math.floor(rand() * 5));
    if (rand() < 0.3) s = s.slice(0, s.length - Math.floor(rand() * 5));
    out.push(s);
  }
  return out;
}
