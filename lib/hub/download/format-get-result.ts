/**
 * What `hub get` prints: each file's local path (stdout, for scripts to read) and one
 * summary line (stderr): the commit, what was downloaded, linked or already cached, where.
 */
import { formatBytes } from "../../progress/index";
import { repoLabel } from "../refs/repo-ref";
import type { GetResult } from "./fetch-repo-files";

export function formatGetResult(r: GetResult): { paths: string; summary: string } {
  const counts = { downloaded: 0, linked: 0, cached: 0 };
  for (const f of r.files) counts[f.state]++;
  return {
    paths: r.files.map((f) => `${f.localPath}\n`).join(""),
    summary: `${repoLabel(r.repo)}@${r.revision} = ${r.commit}: ${counts.downloaded} downloaded (${formatBytes(r.bytesReceived)}), ${counts.linked} linked, ${counts.cached} already cached -> ${r.snapshotDir}\n`,
  };
}
