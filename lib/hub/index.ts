/**
 * Hugging Face Hub: the paper's released datasets and checkpoints, fetched into Python
 * huggingface_hub's cache (shared with Python tools), resumable, verified, retried.
 * Notebooks: `dataSource(stage)`; stages: `resolveSource(input)` for `hub:` inputs.
 */
export { hubConfig, type HubConfig } from "./hub-config";
export {
  KNOWN_REPOS,
  parseRepoRef,
  parseRepoType,
  repoFolderName,
  repoLabel,
  repoTypeGuessed,
  type RepoRef,
  type RepoType,
} from "./repo-ref";
export {
  blobLinkTarget,
  blobPath,
  incompletePath,
  isCommitSha,
  refPath,
  repoCacheDir,
  snapshotDir,
  snapshotPath,
} from "./cache-layout";
export { HubError, hubErrorFor } from "./hub-error";
export {
  DEFAULT_RETRY,
  backoffDelay,
  fetchWithRetry,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from "./fetch-with-retry";
export type { HubOptions } from "./hub-options";
export { cachedCommit, resolveCommit } from "./resolve-commit";
export { listRepoFiles } from "./list-repo-files";
export type { RepoFile } from "./repo-file";
export { formatFileTable, listRevisionFiles, type RepoListing } from "./list-revision-files";
export { downloadBlob, type BlobRequest, type BlobResult, type ByteCounter } from "./download-blob";
export { blobHasher } from "./blob-digest";
export { fetchRepoFiles, resolveUrl, type GetResult, type GotFile } from "./fetch-repo-files";
export { downloadMatchingFiles, type DownloadMatchingOptions } from "./download-matching-files";
export { globRegExp, matchesAny } from "./match-globs";
export { formatBytes } from "./format-bytes";
export { progressBar, progressLine, type ProgressBar } from "./progress-bar";
export {
  formatHubSpec,
  isHubSpec,
  parseHubSpec,
  resolveHubSource,
  resolveSource,
  type HubSpec,
} from "./hub-spec";
export {
  dataSource,
  hubSourceSelected,
  stageInputPaths,
  stageSources,
} from "./resolve-stage-inputs";
export { localInputPath } from "./local-input-path";
