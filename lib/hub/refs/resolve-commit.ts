/**
 * A revision (branch, tag or sha) to the commit sha it points to now. The kit asks for
 * files at that sha, never at a branch: a branch can move between two requests, and
 * @huggingface/hub files a `main` download under each file's own last commit.
 */
import { readFile } from "node:fs/promises";
import { datasetInfo, modelInfo } from "@huggingface/hub";

import { isCommitSha, refPath, repoCacheDir } from "../cache/cache-layout";
import { HubError, fromLibraryError, unreachableProblem } from "../client/hub-error";
import { type ResolvedHubOptions, libraryParams } from "../client/hub-options";
import { type RepoRef, repoLabel } from "./repo-ref";

/** The commit a revision pointed to when it was last fetched, from `refs/<revision>`. */
export async function cachedCommit(
  cacheDir: string,
  ref: RepoRef,
  revision: string,
): Promise<string | undefined> {
  if (isCommitSha(revision)) return revision;
  try {
    const sha = (await readFile(refPath(repoCacheDir(cacheDir, ref), revision), "utf8")).trim();
    return isCommitSha(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks the Hub (`/api/{datasets|models}/owner/name/revision/<rev>`) for the sha. Offline
 * (HF_HUB_OFFLINE=1), or when the Hub cannot be reached after retries, answers from
 * `refs/<revision>` as Python does, and says so.
 */
export async function resolveCommit(
  ref: RepoRef,
  revision: string,
  o: ResolvedHubOptions,
  typeGuessed = false,
): Promise<string> {
  if (isCommitSha(revision)) return revision;
  const what = `${repoLabel(ref)}@${revision}`;
  if (o.config.offline) {
    const sha = await cachedCommit(o.config.cacheDir, ref, revision);
    if (sha) return sha;
    throw new HubError(
      what,
      `HF_HUB_OFFLINE is set and ${revision} is not in the cache (${o.config.cacheDir})`,
    );
  }
  try {
    const params = {
      name: ref.id,
      revision,
      additionalFields: ["sha" as const],
      ...libraryParams(o),
    };
    const info = ref.type === "dataset" ? await datasetInfo(params) : await modelInfo(params);
    const sha = (info as { sha?: string }).sha;
    if (!sha || !isCommitSha(sha))
      throw new HubError(what, "the Hub did not say which commit this is");
    return sha;
  } catch (err) {
    const unreachable = err instanceof HubError ? undefined : unreachableProblem(err);
    if (unreachable !== undefined) {
      const sha = await cachedCommit(o.config.cacheDir, ref, revision);
      if (sha) {
        o.notice(
          `hub: ${o.config.endpoint} unreachable; using the cached ${revision} = ${sha.slice(0, 10)}`,
        );
        return sha;
      }
      throw new HubError(
        what,
        `cannot reach ${o.config.endpoint} (${unreachable}) and nothing is cached`,
      );
    }
    throw fromLibraryError(err, { what, typeGuessed, endpoint: o.config.endpoint });
  }
}
