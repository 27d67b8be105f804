/**
 * What each stage reads: a contract between the stages and the sources. The embedded
 * default lives in data/; in Hub mode (T3KIT_SOURCE=hub, lib/hub resolves it) a stage reads
 * the paper's released files instead.
 */

/** A stage's two sources: the embedded folder, and the `hub:` specs that replace it. */
export interface StageSources {
  /** Folders under the project root, e.g. "data/llava/". */
  embedded: string[];
  /** `hub:` specs the stage reads instead when T3KIT_SOURCE=hub; empty: embedded only. */
  hub: string[];
  /**
   * For a stage that makes its own inputs instead of reading data/ (probing draws its
   * videos): what it makes, as the notebook's first cell says it.
   */
  drawn?: string;
}

/**
 * The released artifacts each stage reads in Hub mode. File names are those seen in the
 * released code or on the Hub pages; a repository whose file list was not seen is named
 * whole (its files are listed with `npx t3kit hub list`).
 */
export const STAGE_SOURCES: Record<string, StageSources> = {
  // The released probing videos (lyx97/t3_probing_data) are not read in Hub mode: the kit
  // draws videos whose ground truth it knows; real features come from the shipped scripts.
  probing: {
    embedded: [],
    hub: [],
    drawn:
      "probing videos drawn by the kit (Twemoji artwork + a drawn flower, encoded by ffmpeg), features from a pretrained MobileNetV3 shipped in data/models/ (a COCO detector's backbone on a CPU, not LongVA's CLIP). LongVA's features: see README, Probing",
  },
  // The paper's captions (LLaVA-ReCap-558K) are released as Parquet, which synthesis does
  // not read; Video-T3-QA is synthesis's output, not its input. So: embedded only.
  synthesis: { embedded: ["data/captions/"], hub: [] },
  mixing: {
    embedded: ["data/llava/", "data/t3/"],
    hub: [
      "hub:MMInstruction/Video-T3-QA",
      "hub:Lin-Chen/Open-LLaVA-NeXT-mix1M/open-llava-next_instruct_mix1M.json",
    ],
  },
  tokens: {
    embedded: ["data/llava/", "data/t3/"],
    hub: [
      "hub:MMInstruction/Video-T3-QA",
      "hub:Lin-Chen/Open-LLaVA-NeXT-mix1M/open-llava-next_instruct_mix1M.json",
    ],
  },
  training: { embedded: ["data/llava/", "data/training/"], hub: [] },
  results: { embedded: ["data/paper/"], hub: [] },
  // Evaluator outputs are the user's own (none are released), so the result examples stay
  // embedded; in Hub mode textual validation accuracy is measured on the released validation
  // files whose synthesised stand-ins are data/evaluation/examples/textual/.
  evaluation: {
    embedded: ["data/evaluation/", "data/paper/"],
    hub: [
      "hub:tobiaslee/text_temporal/attribute_val_long.jsonl",
      "hub:tobiaslee/text_temporal/order_val_long.jsonl",
    ],
  },
};
