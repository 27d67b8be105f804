/**
 * Training (notebook 05): the paper's three released fine-tuning runs as typed presets,
 * specs that override them, batch arithmetic, the configs and command lines each codebase
 * takes (LongVA torchrun / Slurm / DeepSpeed hostfile, LLaMA-Factory YAML +
 * dataset_info.json, ms-swift command + environment), data converters, preflight, launch
 * with a streamed log and resume, and loss curves.
 */
export {
  type ArgKind,
  type ArgRole,
  type ArgValue,
  type BatchRule,
  type Codebase,
  type PresetArg,
  type TrainingPreset,
  codebases,
  presetArg,
} from "./training-preset";
export { trainingPresets, trainingPreset } from "./training-presets";
export { longvaPreset } from "./longva-preset";
export { llamafactoryPreset } from "./llamafactory-preset";
export { msSwiftPreset } from "./ms-swift-preset";
export {
  type TrainingSpec,
  loadTrainingSpec,
  presetSpec,
  validateTrainingSpec,
} from "./training-spec";
export { type BatchPlan, type BatchRequest, planBatch } from "./batch-arithmetic";
export {
  type TrainingPlan,
  type PlanOverrides,
  planTraining,
  planArg,
  datasetNameOf,
} from "./plan-training";
export { cliNumber, cliWord, yamlFloat, yamlScalar, yamlString } from "./format-arg-value";
export { type LaunchPlan, commandLine, singleQuoted } from "./launch-plan";
export {
  LONGVA_ENTRY,
  longvaWorkDir,
  longvaTrainArgs,
  longvaTorchrunLaunch,
  longvaSbatchScript,
  longvaDeepspeedLaunch,
  deepspeedHostfile,
  sbatchLaunch,
} from "./render-longva";
export {
  llamafactoryYaml,
  llamafactoryDatasetInfo,
  llamafactoryLaunch,
  llamafactorySbatchScript,
} from "./render-llamafactory";
export { swiftArgs, swiftEnv, swiftLaunch, swiftSbatchScript } from "./render-ms-swift";
export {
  type Launcher,
  type RenderOptions,
  type RenderedRun,
  launchers,
  renderRun,
  defaultLauncher,
  CODEBASE_PLACEHOLDER,
} from "./render-run";
export { type MediaKind, mediaPaths, placeMedia, countTag } from "./llava-media";
export { type Turn, llavaTurns } from "./llava-turns";
export { type SharegptRow, type MediaFolders, toSharegptRow } from "./llava-to-sharegpt";
export { type SwiftRow, toSwiftRow } from "./llava-to-swift";
export {
  type ConvertTarget,
  type ConvertOptions,
  type ConvertReport,
  convertTargets,
  convertMix,
  writeDatasetInfo,
} from "./convert-mix";
export {
  RELEASED_VIDEO_RATIOS,
  RELEASED_RATIO_SEED,
  videoCountFor,
  videoRatioSet,
} from "./video-ratio-set";
export { fpsVideoName, reencodeVideo, reencodeInto } from "./reencode-video";
export { type Checkpoint, listCheckpoints, findLastCheckpoint } from "./find-last-checkpoint";
export { type MemoryEstimate, type MemoryInput, estimateModelStateMemory } from "./memory-estimate";
export {
  type PreflightCheck,
  type PreflightOptions,
  type GpuInfo,
  preflight,
  findProgram,
  parseNvidiaSmi,
  codebaseFiles,
  checkpointBytes,
  formatPreflight,
} from "./preflight";
export { type LaunchResult, type RunOptions, runLaunchPlan } from "./run-launch-plan";
export { planRecord, kitVersion, writeRunFolder } from "./write-run-folder";
export {
  type LaunchOptions,
  type TrainingLaunch,
  PreflightFailed,
  launchTraining,
} from "./launch-training";
export { type FitReport, type SourceFit, type FitOptions, checkFit } from "./fit-check";
export {
  type CurveFormat,
  type CurvePoint,
  type TrainingCurves,
  parseTrainerState,
  parseJsonlLog,
  findCurveFile,
  readTrainingCurves,
} from "./read-training-curves";
export { trainingCurvesFigure } from "./training-curves-figure";
export { presetComparisonTable, fitTable, memoryTable } from "./training-tables";
