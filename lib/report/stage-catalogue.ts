/**
 * The paper's story, stage by stage, as the front page (out/index.html) tells it: each
 * stage's notebook, a few sentences, its key figure, its tables and where its manifests
 * are. What a stage actually produced is looked up in out/ when the page is built; a stage
 * whose notebook is not in the tree (or has not run) is shown as "not run".
 */

/** A name pattern relative to out/: `*` matches within one path segment, `**` any depth. */
export type OutPattern = string;

export interface StageEntry {
  /** The stage's key, as in `dataSource("<stage>")` and out/<stage>/. */
  readonly key: string;
  /** The section heading. */
  readonly title: string;
  /** The notebook's file name in notebooks/ (and out/notebooks/, out/html/ with .html). */
  readonly notebook: string;
  /** A few sentences of the paper's story: what this stage asks and shows. */
  readonly story: string;
  /** The figure shown as the stage's picture (a name in out/figures/, without extension). */
  readonly keyFigure?: string;
  /**
   * Figure and table names start with one of these; without a key figure (or when it is
   * missing) the first figure with a prefix is shown, and every table with a prefix is listed.
   */
  readonly prefixes: readonly string[];
  /** Figures and tables by exact name, for names without the stage's prefix. */
  readonly figures: readonly string[];
  readonly tables: readonly string[];
  /** Manifests (JSON with seeds and sha256) under out/, as patterns. */
  readonly manifests: readonly OutPattern[];
}

/** The stages in notebook order (seven, and the analysis of any mix). */
export const STAGE_CATALOGUE: readonly StageEntry[] = [
  {
    key: "probing",
    title: "1 · Probing: where is the temporal information lost?",
    notebook: "01-probing.ipynb",
    story:
      "Before building any data, the paper asks why Video LLMs fail at simple temporal questions " +
      "(order, attribute change, temporal referring and grounding on synthetic videos). Small " +
      "probes on the visual features recover the answer almost perfectly, while the LLM fails " +
      "both when it watches the video and when it reads the same videos described frame by " +
      "frame in text: the bottleneck is the LLM's temporal reasoning, not what the vision " +
      "encoder sees. The kit draws such videos, trains linear and LSTM probes on stand-in " +
      "features, and can ask any OpenAI-compatible model server the released questions.",
    keyFigure: "probing-comparison",
    prefixes: ["probing-"],
    figures: [],
    tables: [],
    // lib/probing writes probing-videos.json and probing-features.json as its manifests.
    manifests: [
      "probing/**/*manifest*.json",
      "probing/**/probing-videos.json",
      "probing/**/probing-features.json",
    ],
  },
  {
    key: "synthesis",
    title: "2 · T3 synthesis: temporal reasoning from text alone",
    notebook: "02-t3-synthesis.ipynb",
    story:
      "T3 (Textual Temporal reasoning Transfer) turns image captions into pretend videos: each " +
      "caption stands for one keyframe, and questions ask about their order, how an attribute " +
      "changes, what is shown at the begin, middle or end, and where something appears, at 1x " +
      "to 8x the context. No video is used.",
    keyFigure: "synthesis-answer-letters",
    prefixes: ["synthesis-"],
    figures: [],
    tables: [],
    manifests: ["synthesis/manifest.json"],
  },
  {
    key: "mixing",
    title: "3 · Data mixing: the paper's SFT mixes and your own",
    notebook: "03-data-mixing.ipynb",
    story:
      "The T3 tasks are mixed into LLaVA-NeXT's image instruction data in the proportions of the " +
      "paper's ablations; the released recipe is reproduced byte for byte, and mixes are written " +
      "from specs with their seeds and the sha256 of every input and output.",
    keyFigure: "mixing-tempcompass-compositions",
    prefixes: ["mixing-"],
    figures: [],
    tables: [],
    manifests: ["mixes/**/*.manifest.json"],
  },
  {
    key: "tokens",
    title: "4 · Token analysis: how long the training samples are",
    notebook: "04-token-analysis.ipynb",
    story:
      "Before spending GPU hours: exact training lengths of every record (text, chat template " +
      "and visual tokens) for LongVA and Qwen2-VL, and which records fit each model's length " +
      "limit, so a mix can be budgeted in tokens as well as in records.",
    keyFigure: "04-token-share",
    prefixes: ["tokens-", "04-"],
    figures: [],
    tables: [],
    manifests: ["tokens/**/*manifest*.json"],
  },
  {
    key: "training",
    title: "5 · Training: fine-tuning on the mix",
    notebook: "05-training.ipynb",
    story:
      "LongVA-7B is fine-tuned on LLaVA-NeXT image data with T3 mixed in (LongVA code with " +
      "DeepSpeed), and Qwen2-VL 7B / 72B with the released LLaMA-Factory and ms-swift settings. " +
      "The notebook renders the three released runs value for value, converts the mix for " +
      "each codebase, checks the batch arithmetic, the fit of the data and the memory per GPU, " +
      "and reads loss curves.",
    keyFigure: "training-curves-ms-swift-fixture",
    prefixes: ["training-"],
    figures: [],
    tables: [],
    // A planned run's folder (out/runs/<name>/) holds its manifest.json.
    manifests: ["training/**/*manifest*.json", "runs/**/manifest.json"],
  },
  {
    key: "results",
    title: "6 · Results: the paper's reported numbers",
    notebook: "06-results.ipynb",
    story:
      "Without any video data, T3 lifts LongVA-7B by 5.3 points on TempCompass, past " +
      "ShareGPT4Video-8B (trained on 28K videos), and reaches 49.7 on Video-MME's temporal " +
      "reasoning. Text and video temporal scores correlate strongly. The paper's tables and " +
      "figures as data, with every delta recomputed and its claims checked.",
    keyFigure: "tempcompass-ablation",
    prefixes: ["results-", "paper-", "deltas-"],
    figures: [
      "tempcompass-ablation",
      "tempcompass-deltas",
      "probing",
      "figure6a-tuned-parts",
      "figure6b-frame-gain",
      "correlation",
    ],
    tables: [],
    manifests: [],
  },
  {
    key: "evaluation",
    title: "7 · Evaluation: scoring a model the way the paper does",
    notebook: "07-evaluation.ipynb",
    story:
      "A fine-tuned model is evaluated with the tools users already run (lmms-eval, " +
      "TempCompass); the kit ingests their outputs, sets each run beside the paper's rows, " +
      "tells whether a gain is real (paired bootstrap, McNemar) and checks the paper's key " +
      "analysis: textual validation accuracy predicts video benchmark accuracy. The example " +
      "runs are synthetic, labelled as such.",
    keyFigure: "evaluation-differences",
    prefixes: ["evaluation-"],
    figures: [],
    tables: [],
    manifests: ["evaluation/**/*manifest*.json"],
  },
  {
    key: "mix-analysis",
    title: "8 · Analysing a mix: what it holds, what repeats, what leaked",
    notebook: "08-mix-analysis.ipynb",
    story:
      "Any mix (the released t3_sft outputs, a colleague's JSON, a LLaMA-Factory or ms-swift " +
      "file) read by part: T3 tasks and lengths, LLaVA datasets, text-only, video; by records " +
      "and by tokens; its exact and near duplicates; and the records that contain a validation " +
      "or benchmark question, T3's shared template aside. Two sweep points compared, and a " +
      "finding in synthesis fixed: a repeated caption could reach training and validation.",
    keyFigure: "mix-analysis-shares",
    prefixes: ["mix-analysis-"],
    figures: [],
    tables: [],
    manifests: [],
  },
];
