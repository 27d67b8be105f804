/** The types of a validated mix spec (mix-spec.ts explains the fields). */
import type { TemplateName } from "../../token-counting/index";
import type { VisualSettings } from "../../token-counting/index";

/** How a mix file is laid out (write-mix-file.ts says what each means). */
export type MixFormat = "llava-json" | "json-compact" | "jsonl";

export const MIX_FORMATS: readonly MixFormat[] = ["llava-json", "json-compact", "jsonl"];

export type SourceKind = "llava" | "t3" | "hotpotqa";
export type Exhaustion = "error" | "truncate" | "repeat";

export interface SourceSpec {
  name: string;
  /** How records become LLaVA records: as they are, T3 pairs → records, HotpotQA → records. */
  kind: SourceKind;
  /** A file, a folder (T3: every T3 file in it), or `hub:owner/name/path/in/repo`. */
  path: string;
  count?: number | "per" | "lRatio" | "ratio" | TokenKnob;
  fraction?: number;
  proportion?: number | TokenKnob;
  /** For `count: "ratio"`: the source whose count the ratio multiplies. */
  ratioOf?: string;
  replacement?: boolean;
  /** Most passes (without replacement) or most copies of one record (with). Default 1. */
  maxRepeats?: number;
  onExhausted?: Exhaustion;
  /** "image" sources get the lRatio rule; default: llava → image, others → text. */
  role?: "image" | "text";
  /** HotpotQA: drop records whose prompt has more whitespace-separated words. */
  maxWords?: number;
}

/** `{ tokens: N }` (under count: a budget in tokens) or `{ tokens: p }` (under proportion: a share). */
export interface TokenKnob {
  tokens: number;
}

/** How a spec counts tokens (the `tokens:` block); defaults are the kit's: qwen2 + longva. */
export interface MixTokenSettings {
  /** A length preset (lib/tokens: longva, qwen2vl-7b, qwen2vl-72b) giving template and visual. */
  preset?: string;
  /** qwen2 (default), cl100k, o200k or words. */
  tokenizer: string;
  /** longva (default), qwen2vl or none. */
  template: TemplateName;
  /** Visual settings (vision defaults to the template's model; images without a folder count as 640x480). */
  visual: Partial<VisualSettings>;
  /** Tokens of the whole mix, for `proportion: { tokens: p }`. */
  total?: number;
}

/** The budget of a token knob, or undefined for a record knob. */
export function tokenKnobOf(
  s: SourceSpec,
): { kind: "count" | "proportion"; value: number } | undefined {
  if (typeof s.count === "object") return { kind: "count", value: s.count.tokens };
  if (typeof s.proportion === "object") return { kind: "proportion", value: s.proportion.tokens };
  return undefined;
}

export interface MixSpec {
  name: string;
  description?: string;
  seed: number;
  /** Cut the shuffled mix to this many records. */
  total?: number;
  /** Records per text source for `count: "per"` (released script: 100000). */
  per?: number;
  /** LLaVA-NeXT ratio for `count: "lRatio"` (released script: 2). */
  lRatio?: number;
  /** Multiplier for `count: "ratio"` sources. */
  ratio?: number;
  /** Shuffle the concatenated mix (default true, as the released script does). */
  shuffle: boolean;
  output: { format: MixFormat; file?: string };
  /** Records held out of the mix into `<file>.holdout.<ext>` (taken from the shuffled mix's end). */
  holdout?: { count?: number; fraction?: number };
  checks: { imageTags: boolean; imageRoot?: string };
  /** Template variables for paths: `{t3}` etc.; `{data}` is the kit's data folder. */
  vars: Record<string, string>;
  sources: SourceSpec[];
  /** Several points in one spec: each listed value makes one mix (cartesian product). */
  sweep?: { total?: number[]; per?: number[]; lRatio?: number[]; ratio?: number[] };
  /** The paper row this mix stands for (an inference from the row name and the released file names). */
  paper?: { table: string; row: string; note?: string };
  /** Token counting (present when the spec has a `tokens:` block or a token knob). */
  tokens?: MixTokenSettings;
}
