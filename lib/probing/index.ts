export {
  PROBING_ASPECTS,
  ASPECT_GROUPS,
  probingAspect,
  parseAspectList,
  type AspectName,
  type AspectGroup,
  type ProbingAspect,
} from "./probing-aspects";
export {
  planVideo,
  type VideoPlan,
  type FrameScene,
  type ProbeSplit,
} from "./video-plan";
export { itemSvg, flowerSvg, type ProbeItem } from "./item-artwork";
export { renderFrame, frameSvg } from "./render-frame";
export { encodeVideo } from "./encode-video";
export {
  makeProbingVideos,
  sampledCaptions,
  VIDEO_MANIFEST,
  type ProbingVideoRecord,
  type ProbingVideoManifest,
} from "./make-probing-videos";
export { sampleFrameIndices } from "./sample-frame-indices";
export { decodeFrames, VideoDecodeError, type DecodedFrames } from "./decode-frames";
export { encodeFrames, TOKENS_PER_FRAME, TOKEN_DIM } from "./stand-in-encoder";
export { npyBytes, parseNpy, type FeatureTensor } from "./npy-file";
export { parseSafetensors } from "./safetensors-file";
export { listAspectVideos, type AspectVideos } from "./list-aspect-videos";
export { extractFeatures, FEATURE_MANIFEST, type FeatureManifest } from "./extract-features";
export {
  videoQuestion,
  textQuestion,
  aspectChoices,
  correctLetter,
  TEXT_PROMPT_HEAD,
} from "./probe-prompts";
export { initialProbeWeights, type ProbeWeights, type LstmWeights } from "./probe-weights";
export {
  trainProbe,
  lastTokens,
  type ProbeData,
  type ProbeKind,
  type ProbeSettings,
  type ProbeRun,
} from "./train-probe";
export { resizeFeatures } from "./resize-features";
export { loadAspectFeatures, type AspectFeatures } from "./load-probe-features";
export { listClassFiles, type ClassFiles } from "./list-aspect-videos";
export {
  runProbingStudy,
  RELEASED_SEEDS,
  RELEASED_RESIZE,
  type ProbeResult,
  type StudyOptions,
} from "./run-probing-study";
export { summariseProbeResults, type ProbeSummaryRow } from "./summarise-probe-results";
export { sampledFrameImages } from "./sampled-frame-images";
export {
  askProbeModel,
  SYSTEM_PROMPT,
  type AskMode,
  type AskOptions,
  type AskRecord,
} from "./ask-probe-model";
export { probeTableCsv, probeTableText } from "./probe-table-csv";
export { summariseAskRecords, type AskAccuracy } from "./summarise-ask-records";
export {
  probingComparisonFigure,
  paperProbingBars,
  chanceByGroup,
  type ComparisonBar,
  type PaperProbingTable,
} from "./probing-comparison-figure";
export {
  EMBEDDED_STUDY,
  QUICK_STUDY,
  TINY_STUDY,
  notebookStudy,
  ourProbeBar,
  showPng,
  writeProbingManifest,
  type EmbeddedStudySettings,
} from "./embedded-study";
export { parseProbeResults, readProbeResults } from "./read-probe-results";
export { askAccuracyView, probeSummaryView, probingAspectRows } from "./probing-notebook-views";
