/**
 * The manifests stages write beside their outputs: what a later stage (or a reader) may
 * rely on about a synthesis run or a mix.
 */

/** One file a synthesis run wrote. */
export interface SynthesisManifestFile {
  file: string;
  split: "train" | "validation";
  task: string;
  family: string;
  length: number;
  captionsPerItem: number;
  items: number;
  /** How often each letter is the right answer. */
  answerLetters: Record<string, number>;
}

/** `manifest.json` of a synthesis run (`t3kit synthesize`), beside the files it wrote. */
export interface SynthesisManifest {
  tool: string;
  seed: number;
  input: {
    file: string;
    sha256: string;
    format: string;
    captions: number;
    train: number;
    validation: number;
    annotatedNounPhrases: number;
    attributeCandidates: { train: number; validation: number };
  };
  options: {
    tasks: string[];
    lengths: number[];
    perTask: number | null;
    valPerTask: number | null;
    poolSize: number;
  };
  files: SynthesisManifestFile[];
  totals: { trainItems: number; validationItems: number; answerLetters: Record<string, number> };
  verifier: { checked: number; rejectedWhileGenerating: number; firstRejection?: string };
  redraws: Record<string, number>;
  llm?: { endpoint: string; model: string };
}

/** A source's line in a mix manifest. */
export interface MixManifestInput {
  source: string;
  kind: string;
  files: { path: string; sha256: string | undefined }[];
  holds: number;
  requested: number;
  takes: number;
  passes: number;
  replacement: boolean;
  inMix: number;
  inHoldout: number;
  /** With token counting: the source's budget, tokens taken and share, in mix and holdout. */
  tokens?: {
    budget: number | null;
    takes: number | undefined;
    share: number | undefined;
    inMix: number;
    inHoldout: number;
  };
}

/**
 * `<name>.manifest.json` beside each mix `t3kit mix run` writes: the kit, the spec as
 * resolved, the sweep point, every input with its sha256 and counts, and the output.
 * Paths of the output and holdout are relative to the manifest.
 */
export interface MixManifest {
  kit: { name: string; version: string };
  spec: string;
  specFile: string | null;
  /** The validated spec (lib/mixing MixSpec). */
  resolvedSpec: unknown;
  /** The sweep point: its label ("" without a sweep) and the values it sets. */
  point: { label: string; total?: number; per?: number; lRatio?: number; ratio?: number };
  seed: number;
  paper: unknown;
  inputs: MixManifestInput[];
  /** With token counting: the settings, tokens before the total cut and in the mix. */
  tokens?: Record<string, unknown> & { inMix: number };
  output: { path: string; format: string; records: number; bytes: number; sha256: string };
  holdout: { path: string; records: number; sha256: string } | null;
}
