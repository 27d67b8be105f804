/**
 * Hugging Face Hub: the paper's released datasets and checkpoints, fetched into Python
 * huggingface_hub's cache (shared with Python tools), resumable, verified, retried.
 * Notebooks: `dataSource(stage)`; stages: `resolveSource(input)` for `hub:` inputs.
 */
export { hubConfig, type HubConfig } from "./client/hub-config";
export {
  KNOWN_REPOS,
  parseRepoArg,
  parseRepoRef,
  parseRepoType,
  repoFolderName,
  repoLabel,
  repoTypeGuessed,
  type RepoRef,
  type RepoType,
} from "./refs/repo-ref";
export {
  blobLinkTarget,
  blobPath,
  incompletePath,
  isCommitSha,
  refPath,
  repoCacheDir,
  snapshotDir,
  snapshotPath,
} from "./cache/cache-layout";
export { HubError, hubErrorFor } from "./client/hub-error";
export { DEFAULT_RETRY, hubFetch, isRetryableStatus } from "./client/hub-fetch";
export type { HubOptions } from "./client/hub-options";
export { cachedCommit, resolveCommit } from "./refs/resolve-commit";
export { listRepoFiles } from "./listing/list-repo-files";
export type { RepoFile } from "./listing/repo-file";
export {
  formatFileTable,
  formatRepoListing,
  listRevisionFiles,
  type RepoListing,
} from "./listing/list-revision-files";
export {
  downloadBlob,
  type BlobRequest,
  type BlobResult,
  type ByteCounter,
} from "./download/download-blob";
export { blobHasher } from "./download/blob-digest";
export {
  fetchRepoFiles,
  resolveUrl,
  type GetResult,
  type GotFile,
} from "./download/fetch-repo-files";
export {
  downloadMatchingFiles,
  type DownloadMatchingOptions,
} from "./download/download-matching-files";
export { formatGetResult } from "./download/format-get-result";
export { globRegExp, matchesAny } from "./download/match-globs";
export {
  formatHubSpec,
  isHubSpec,
  parseHubSpec,
  resolveHubSource,
  resolveSource,
  type HubSpec,
} from "./inputs/hub-spec";
export {
  dataSource,
  hubSourceSelected,
  stageInputPaths,
  stageSources,
} from "./inputs/resolve-stage-inputs";
export { localInputPath } from "./inputs/local-input-path";
