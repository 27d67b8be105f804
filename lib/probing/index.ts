// The probing study (lib/probing): one door for notebooks, commands and tests.

export { tenthsProgress } from "./tenths-progress";

// aspects/: what is probed and how it is asked
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
  videoQuestion,
  textQuestion,
  aspectChoices,
  correctLetter,
  TEXT_PROMPT_HEAD,
} from "./aspects/probe-prompts";

// videos/: drawing, encoding and listing videos in the released layout
export { planVideo, type VideoPlan, type FrameScene, type ProbeSplit } from "./videos/video-plan";
export { itemSvg, flowerSvg, type ProbeItem } from "./videos/item-artwork";
export { renderFrame, frameSvg } from "./videos/render-frame";
export { encodeVideo } from "./videos/encode-video";
export {
  BYTES_PER_PROBING_VIDEO,
  MAX_PROBING_VIDEOS,
  makeProbingVideos,
  probingVideoCount,
  sampledCaptions,
  VIDEO_MANIFEST,
  type MakeVideosOptions,
  type ProbingVideoRecord,
  type ProbingVideoManifest,
} from "./videos/make-probing-videos";
export { formatProbingVideos } from "./videos/format-probing-videos";
export {
  listAspectVideos,
  listClassFiles,
  type AspectVideos,
  type ClassFiles,
} from "./videos/list-aspect-videos";

// features/: frames sampled and decoded, the encoders (MobileNetV3, the stand-in), feature files
export { sampleFrameIndices } from "./features/sample-frame-indices";
export { decodeFrames, VideoDecodeError, type DecodedFrames } from "./features/decode-frames";
export { sampledFrameImages } from "./features/sampled-frame-images";
export {
  encodeFrames,
  standInEncoder,
  TOKENS_PER_FRAME,
  TOKEN_DIM,
} from "./features/stand-in-encoder";
export {
  ENCODER_NAMES,
  DEFAULT_ENCODER,
  type EncoderName,
  type EncoderRecord,
  type FrameEncoder,
} from "./features/frame-encoder";
export {
  readMobilenetWeights,
  MOBILENET_WEIGHTS_DIR,
  MOBILENET_WEIGHTS_FILE,
  MOBILENET_GRAPH_FILE,
  MOBILENET_WEIGHTS_SHA256,
  type MobilenetWeights,
} from "./features/read-mobilenet-weights";
export {
  loadMobilenetEncoder,
  loadMobilenetGraph,
  MOBILENET_CHOICE,
  MOBILENET_FRAME_SIZE,
  type MobilenetGraph,
  type MobilenetOptions,
} from "./features/mobilenet-encoder";
export {
  poolFeatureMap,
  tokensPerFrame,
  POOLINGS,
  type Pooling,
} from "./features/pool-feature-map";
export { openFrameEncoder } from "./features/open-frame-encoder";
export { npyBytes, parseNpy, type FeatureTensor } from "./features/npy-file";
export { parseSafetensors } from "./features/safetensors-file";
export {
  extractFeatures,
  FEATURE_MANIFEST,
  FRAMES_PER_VIDEO,
  type ExtractOptions,
  type FeatureManifest,
} from "./features/extract-features";
export { formatFeatureManifest } from "./features/format-feature-manifest";
export { loadAspectFeatures, type AspectFeatures } from "./features/load-probe-features";

// probes/: the released linear and LSTM probes, the study, its table
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
export {
  runProbingStudy,
  RELEASED_SEEDS,
  RELEASED_HIDDEN,
  RELEASED_PROBE_SETTINGS,
  RELEASED_RESIZE,
  type ProbeResult,
  type StudyOptions,
} from "./probes/run-probing-study";
export { summariseProbeResults, type ProbeSummaryRow } from "./probes/summarise-probe-results";
export { probeTableCsv } from "./probes/probe-table-csv";
export {
  writeProbeTable,
  type ProbeTable,
  type ProbeTableOptions,
} from "./probes/write-probe-table";
export { probeTableText, formatProbeTable } from "./probes/format-probe-table";
export { parseProbeResults, readProbeResults } from "./probes/read-probe-results";

// ask/: a model server asked the same questions
export {
  askProbeModel,
  SYSTEM_PROMPT,
  type AskMode,
  type AskOptions,
  type AskRecord,
} from "./ask/ask-probe-model";
export { summariseAskRecords, type AskAccuracy } from "./ask/summarise-ask-records";
export { writeProbeAnswers, type ProbeAnswers } from "./ask/write-probe-answers";
export { formatProbeAnswers } from "./ask/format-probe-answers";

// study/: the embedded study the notebook and the benchmark run
export {
  EMBEDDED_STUDY,
  QUICK_STUDY,
  TINY_STUDY,
  notebookStudy,
  standInStudy,
  type EmbeddedStudySettings,
} from "./study/embedded-study";
export { drawStudyVideos, type StudyVideos } from "./study/draw-study-videos";
export { extractStudyFeatures, type StudyFeatures } from "./study/extract-study-features";
export { showContactSheets } from "./study/show-contact-sheets";
export {
  runEmbeddedProbes,
  runEmbeddedProbe,
  type EmbeddedProbes,
} from "./study/run-embedded-probes";
export { askStudyModel, type StudyAnswers } from "./study/ask-study-model";
export { writeStudyManifest } from "./study/write-study-manifest";
export {
  probingComparisonFigure,
  studyComparisonFigure,
  ourProbeBar,
  paperProbingBars,
  chanceByGroup,
  type ComparisonBar,
  type PaperProbingTable,
} from "./study/probing-comparison-figure";
export {
  askAccuracyView,
  featureSummaryLine,
  probeSummaryView,
  probingAspectRows,
} from "./study/probing-notebook-views";
