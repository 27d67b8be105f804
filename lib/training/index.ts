/**
 * Training (notebook 05): the paper's three released fine-tuning runs as typed presets,
 * specs that override them, batch arithmetic, the configs and command lines each codebase
 * takes (LongVA torchrun / Slurm / DeepSpeed hostfile, LLaMA-Factory YAML +
 * dataset_info.json, ms-swift command + environment), data converters, preflight, launch
 * with a streamed log and resume, and loss curves. By concern: presets/, spec/, plan/,
 * render/, launch/, convert/, curves/; each `t3kit train` action is one call here
 * (planTrainingRun, convertTrainingData, launchTrainingRun, saveTrainingCurves) and one
 * formatter.
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
} from "./presets/training-preset";
export { trainingPresets, trainingPreset } from "./presets/training-presets";
export { longvaPreset } from "./presets/longva-preset";
export { llamafactoryPreset } from "./presets/llamafactory-preset";
export { msSwiftPreset } from "./presets/ms-swift-preset";
export {
  type TrainingSpec,
  loadTrainingSpec,
  presetSpec,
  validateTrainingSpec,
} from "./spec/training-spec";
export { type BatchPlan, type BatchRequest, planBatch } from "./plan/batch-arithmetic";
export {
  type TrainingPlan,
  type PlanOverrides,
  planTraining,
  planArg,
  planEnv,
  datasetNameOf,
} from "./plan/plan-training";
export {
  type TrainingRequest,
  resolveTrainingPlan,
} from "./plan/resolve-training-plan";
export {
  type PlanStep,
  NoDataToFit,
  planTrainingRun,
} from "./plan/plan-training-run";
export { describeFit, describePlan, formatPlanStep } from "./plan/describe-plan";
export { cliNumber, cliWord, yamlFloat, yamlScalar, yamlString } from "./render/format-arg-value";
export { type LaunchPlan, commandLine, singleQuoted } from "./render/launch-plan";
export {
  LONGVA_ENTRY,
  longvaWorkDir,
  longvaTrainArgs,
  longvaTorchrunLaunch,
  longvaSbatchScript,
  longvaDeepspeedLaunch,
  deepspeedHostfile,
  renderLongva,
} from "./render/render-longva";
export { SBATCH_FILE, sbatchLaunch } from "./render/sbatch-launch";
export {
  type CodebaseRun,
  type Launcher,
  type RenderTarget,
  launchers,
} from "./render/codebase-run";
export {
  type SbatchParts,
  exportLines,
  oneTaskPerNodeSbatch,
  sbatchScript,
} from "./render/one-task-per-node-sbatch";
export {
  llamafactoryYaml,
  llamafactoryDatasetInfo,
  llamafactoryLaunch,
  llamafactorySbatchScript,
  renderLlamafactory,
} from "./render/render-llamafactory";
export {
  renderMsSwift,
  swiftArgs,
  swiftEnv,
  swiftLaunch,
  swiftSbatchScript,
} from "./render/render-ms-swift";
export {
  type RenderOptions,
  type RenderedRun,
  renderRun,
  defaultLauncher,
  CODEBASE_PLACEHOLDER,
} from "./render/render-run";
export { type MediaKind, mediaPaths, placeMedia, countTag } from "./convert/llava-media";
export { llavaTurns } from "./convert/llava-turns";
export { type SharegptRow, type MediaFolders, toSharegptRow } from "./convert/llava-to-sharegpt";
export { type SwiftRow, toSwiftRow } from "./convert/llava-to-swift";
export {
  type ConvertTarget,
  type ConvertOptions,
  type ConvertReport,
  convertTargets,
  convertMix,
  writeDatasetInfo,
} from "./convert/convert-mix";
export {
  RELEASED_VIDEO_RATIOS,
  RELEASED_RATIO_SEED,
  videoCountFor,
  videoRatioSet,
} from "./convert/video-ratio-set";
export { fpsVideoName, reencodeVideo, reencodeInto } from "./convert/reencode-video";
export {
  type ConvertRequest,
  type ConvertStep,
  convertTrainingData,
  formatConvertStep,
} from "./convert/convert-training-data";
export {
  type Checkpoint,
  listCheckpoints,
  findLastCheckpoint,
} from "./launch/find-last-checkpoint";
export {
  type MemoryEstimate,
  type MemoryInput,
  estimateModelStateMemory,
  planModelStateMemory,
} from "./plan/memory-estimate";
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
} from "./launch/preflight";
export {
  type LaunchResult,
  type OnOutput,
  type RunOptions,
  runLaunchPlan,
} from "./launch/run-launch-plan";
export { planRecord, kitVersion, writeRunFolder } from "./render/write-run-folder";
export {
  type LaunchOptions,
  type TrainingLaunch,
  PreflightFailed,
  formatTrainingLaunch,
  launchTraining,
  launchTrainingRun,
} from "./launch/launch-training";
export {
  type FitReport,
  type SourceFit,
  type FitOptions,
  NotALlamaFactoryRun,
  checkFit,
} from "./plan/fit-check";
export {
  type CurveFormat,
  type CurvePoint,
  type TrainingCurves,
  parseTrainerState,
  readJsonlLog,
  findCurveFile,
  readTrainingCurves,
} from "./curves/read-training-curves";
export { trainingCurvesFigure } from "./curves/training-curves-figure";
export {
  type SavedCurves,
  formatSavedCurves,
  saveTrainingCurves,
} from "./curves/save-training-curves";
export { presetComparisonTable, fitTable, memoryTable } from "./plan/training-tables";
