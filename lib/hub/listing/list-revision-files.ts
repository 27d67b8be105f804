/** `hub list`: the files of a repository at a revision, with sizes, as a table. */
import { formatBytes } from "../../progress/index";
import { type HubOptions, resolveHubOptions } from "../client/hub-options";
import { type RepoRef, repoLabel } from "../refs/repo-ref";
import { resolveCommit } from "../refs/resolve-commit";
import { listRepoFiles } from "./list-repo-files";
import type { RepoFile } from "./repo-file";

export interface RepoListing {
  repo: RepoRef;
  /** The Hub it was asked of (HF_ENDPOINT). */
  endpoint: string;
  revision: string;
  commit: string;
  files: RepoFile[];
}

/** Lists every file of `ref` at `revision` (default "main"), resolved to its commit first. */
export async function listRevisionFiles(
  ref: RepoRef,
  options: HubOptions & { revision?: string; typeGuessed?: boolean } = {},
): Promise<RepoListing> {
  const o = resolveHubOptions(options);
  const revision = options.revision ?? "main";
  const commit = await resolveCommit(ref, revision, o, options.typeGuessed);
  const files = await listRepoFiles(ref, commit, o);
  return { repo: ref, endpoint: o.config.endpoint, revision, commit, files };
}

/** What `hub list` prints: the revision and its commit, then the file table. */
export function formatRepoListing(l: RepoListing): string {
  return `${repoLabel(l.repo)}@${l.revision} = ${l.commit} (${l.endpoint})\n${formatFileTable(l.files)}`;
}

/** A plain-text table: size, storage (lfs or git) and path, then a total line. */
export function formatFileTable(files: readonly RepoFile[]): string {
  const sizes = files.map((f) => formatBytes(f.size));
  const w = Math.max(4, ...sizes.map((s) => s.length));
  const lines = [`${"size".padStart(w)}  kind  path`];
  files.forEach((f, i) => {
    lines.push(`${sizes[i].padStart(w)}  ${f.lfs ? "lfs " : "git "}  ${f.path}`);
  });
  const total = files.reduce((s, f) => s + f.size, 0);
  lines.push(
    `${formatBytes(total).padStart(w)}  total, ${files.length} file${files.length === 1 ? "" : "s"}`,
  );
  return `${lines.join("\n")}\n`;
}
