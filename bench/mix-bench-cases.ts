/**
 * The cases of `npm run bench:mix`: input shape × kind of text, and their synthetic inputs,
 * generated once per case folder and reused while the sizes match (DIR/<shape>-<text>/).
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import {
  type SyntheticText,
  writeSyntheticLlava,
  writeSyntheticT3Dir,
} from "../test/fixtures/synthetic-mix-data";

export type ShapeName = "1m" | "t3-heavy";

export interface Shape {
  llavaRecords: number;
  answers: "long" | "short";
  /** Pairs in each of the 13 T3 files. */
  t3Records: number;
  /** Captions per 1x pair (the 2x/4x/8x files have 2/4/8 times as many). */
  captions: number;
}

/**
 * "1m": mix1M-sized (1M LLaVA records with long answers, about 1.5 GB, + 13 × 15k T3
 * pairs); "t3-heavy": 200k short LLaVA records (about 114 MB) + 13 × 20k T3 pairs with 2
 * captions per 1x (about 258 MB), so that T3 records dominate the output.
 */
export const SHAPES: Record<ShapeName, Shape> = {
  "1m": { llavaRecords: 1_000_000, answers: "long", t3Records: 15_000, captions: 16 },
  "t3-heavy": { llavaRecords: 200_000, answers: "short", t3Records: 20_000, captions: 2 },
};

export const TEXTS: readonly SyntheticText[] = ["ascii", "escapes"];

export interface BenchCase {
  /** `<shape>-<text>`, also the case's folder name. */
  name: string;
  shape: ShapeName;
  text: SyntheticText;
  sizes: Shape;
  dir: string;
  llava: string;
  t3Dir: string;
}

/** The cases for the chosen shapes and texts, sizes overridden where asked. */
export function benchCases(
  root: string,
  shapes: ShapeName[],
  texts: SyntheticText[],
  overrides: Partial<Shape>,
): BenchCase[] {
  return shapes.flatMap((shape) =>
    texts.map((text) => {
      const name = `${shape}-${text}`;
      const dir = join(root, name);
      return {
        name,
        shape,
        text,
        sizes: { ...SHAPES[shape], ...overrides },
        dir,
        llava: join(dir, "llava.json"),
        t3Dir: join(dir, "t3"),
      };
    }),
  );
}

/** Parses a comma list against the allowed names (a usage error names the bad one). */
export function pickList<T extends string>(
  value: string,
  allowed: readonly T[],
  what: string,
): T[] {
  const xs = value.split(",").map((x) => x.trim()) as T[];
  for (const x of xs)
    if (!allowed.includes(x)) throw new Error(`--${what}: "${x}" (allowed: ${allowed.join(", ")})`);
  return xs;
}

/**
 * Makes the case's inputs unless its folder already holds them at these sizes (a marker
 * file, written last, records what was generated). Returns the seconds spent (0 if reused).
 */
export async function ensureInputs(c: BenchCase, say: (s: string) => void): Promise<number> {
  const marker = join(c.dir, "inputs.json");
  const want = JSON.stringify({ shape: c.shape, text: c.text, ...c.sizes });
  if (existsSync(marker) && readFileSync(marker, "utf8") === want) {
    say(`reusing the inputs in ${c.dir}`);
    return 0;
  }
  rmSync(c.llava, { force: true });
  rmSync(c.t3Dir, { recursive: true, force: true });
  mkdirSync(c.dir, { recursive: true });
  say(
    `generating ${c.sizes.llavaRecords} LLaVA records (${c.sizes.answers} answers) and 13 × ${c.sizes.t3Records} T3 pairs (${c.sizes.captions} captions per 1x), text ${c.text}, in ${c.dir} …`,
  );
  const t0 = performance.now();
  const shape = { text: c.text, answers: c.sizes.answers };
  await writeSyntheticLlava(c.llava, c.sizes.llavaRecords, shape);
  await writeSyntheticT3Dir(c.t3Dir, c.sizes.t3Records, c.sizes.captions, shape);
  writeFileSync(marker, want);
  const s = (performance.now() - t0) / 1000;
  say(`generated in ${s.toFixed(1)} s`);
  return s;
}

/** Bytes of the case's inputs (the LLaVA file and the 13 T3 files). */
export function inputBytes(c: BenchCase): number {
  return (
    statSync(c.llava).size +
    readdirSync(c.t3Dir).reduce((a, f) => a + statSync(join(c.t3Dir, f)).size, 0)
  );
}
