export {
  PROBING_ASPECTS,
  ASPECT_GROUPS,
  probingAspect,
  parseAspectList,
  type AspectName,
  type AspectGroup,
  type ProbingAspect,
} from "./aspects/probing-aspects";
export {
  planVideo,
  type VideoPlan,
  type FrameScene,
  type ProbeSplit,
} from "./videos/video-plan";
export { itemSvg, flowerSvg, type ProbeItem } from "./videos/item-artwork";
export { renderFrame, frameSvg } from "./videos/render-frame";
export { encodeVideo } from "./videos/encode-video";
export {
  makeProbingVideos,
  sampledCaptions,
  VIDEO_MANIFEST,
  type ProbingVideoRecord,
  type ProbingVideoManifest,
} from "./videos/make-probing-videos";
export { sampleFrameIndices } from "./features/sample-frame-indices";
export { decodeFrames, VideoDecodeError, type DecodedFrames } from "./features/decode-frames";
export { encodeFrames, TOKENS_PER_FRAME, TOKEN_DIM } from "./features/stand-in-encoder";
export { npyBytes, parseNpy, type FeatureTensor } from "./features/npy-file";
export { parseSafetensors } from "./features/safetensors-file";
export { listAspectVideos, type AspectVideos } from "./videos/list-aspect-videos";
export {
  extractFeatures,
  FEATURE_MANIFEST,
  type FeatureManifest,
} from "./features/extract-features";
export {
  videoQuestion,
  textQuestion,
  aspectChoices,
  correctLetter,
  TEXT_PROMPT_HEAD,
} from "./aspects/probe-prompts";
export { initialProbeWeights, type ProbeWeights, type LstmWeights } from "./probes/probe-weights";
export {
  trainProbe,
  lastTokens,
  type ProbeData,
  type ProbeKind,
  type ProbeSettings,
  type ProbeRun,
} from "./probes/train-probe";
export { resizeFeatures } from "./probes/resize-features";
export { loadAspectFeatures, type AspectFeatures } from "./features/load-probe-features";
export { listClassFiles, type ClassFiles } from "./videos/list-aspect-videos";
export {
  runProbingStudy,
  RELEASED_SEEDS,
  RELEASED_RESIZE,
  type ProbeResult,
  type StudyOptions,
} from "./probes/run-probing-study";
export { summariseProbeResults, type ProbeSummaryRow } from "./probes/summarise-probe-results";
export { sampledFrameImages } from "./features/sampled-frame-images";
export {
  askProbeModel,
  SYSTEM_PROMPT,
  type AskMode,
  type AskOptions,
  type AskRecord,
} from "./ask/ask-probe-model";
export { probeTableCsv, probeTableText } from "./probes/probe-table-csv";
export { summariseAskRecords, type AskAccuracy } from "./ask/summarise-ask-records";
export {
  probingComparisonFigure,
  paperProbingBars,
  chanceByGroup,
  type ComparisonBar,
  type PaperProbingTable,
} from "./study/probing-comparison-figure";
export {
  EMBEDDED_STUDY,
  QUICK_STUDY,
  TINY_STUDY,
  notebookStudy,
  ourProbeBar,
  showPng,
  writeProbingManifest,
  type EmbeddedStudySettings,
} from "./study/embedded-study";
export { parseProbeResults, readProbeResults } from "./probes/read-probe-results";
export {
  askAccuracyView,
  probeSummaryView,
  probingAspectRows,
} from "./study/probing-notebook-views";
