/**
 * Hub failures as messages a user can act on: what was asked for, what the Hub said,
 * and what to do (set HF_TOKEN, check the name, the file or the revision).
 */
import { HubApiError } from "@huggingface/hub";
import { InputError } from "../../errors/index";
import {
  HttpRetriesExhausted,
  describeNetworkError,
  isNetworkError,
  isTimeout,
} from "../../http/index";

/** A failed Hub request. `what` names the repo, file and revision that were asked for. */
export class HubError extends InputError {
  readonly status: number | undefined;

  constructor(what: string, problem: string, status?: number) {
    super({ file: what }, problem);
    this.name = "HubError";
    this.status = status;
  }
}

export interface HubErrorContext {
  /** e.g. `datasets/owner/name/file.json@main`. */
  what: string;
  /** True when the repo type came from the default rather than from the user. */
  typeGuessed?: boolean;
  /** The Hub asked (HF_ENDPOINT), for messages about reaching it. */
  endpoint?: string;
}

/**
 * The message for an HTTP status from the Hub. `errorCode` is the Hub's `X-Error-Code`
 * header (RepoNotFound, RevisionNotFound, EntryNotFound, GatedRepo) when it sent one.
 */
export function hubErrorFor(
  status: number,
  ctx: HubErrorContext,
  errorCode?: string | null,
  hubMessage?: string,
): HubError {
  const said = hubMessage ? ` (the Hub said: ${hubMessage.slice(0, 300)})` : "";
  if (status === 401 || status === 403 || errorCode === "GatedRepo") {
    const gated =
      errorCode === "GatedRepo"
        ? "a gated repository"
        : "private or gated, or the token is refused";
    return new HubError(
      ctx.what,
      `${status} ${status === 401 ? "Unauthorized" : "Forbidden"}: ${gated}${said}. ` +
        "Set HF_TOKEN to a token with read access (or log in with `hf auth login`), and for a gated repository accept its terms on the repository's page first.",
      status,
    );
  }
  if (status === 404) {
    const which =
      errorCode === "EntryNotFound"
        ? "no such file at this revision"
        : errorCode === "RevisionNotFound"
          ? "no such revision (branch, tag or commit)"
          : errorCode === "RepoNotFound"
            ? "no such repository (or it is private: set HF_TOKEN)"
            : "the repository, the file or the revision does not exist";
    const hint = ctx.typeGuessed
      ? " It was taken as a dataset: for a model write models/owner/name (or --type model)."
      : "";
    return new HubError(ctx.what, `404 Not Found: ${which}${said}.${hint}`, status);
  }
  if (status === 429) {
    return new HubError(ctx.what, `429 Too Many Requests, still after retries${said}`, status);
  }
  return new HubError(ctx.what, `HTTP ${status}${said}`, status);
}

/**
 * What went wrong when the Hub could not be reached or answered too late or cut short,
 * in one line; undefined for any other error.
 */
export function unreachableProblem(err: unknown): string | undefined {
  if (err instanceof HttpRetriesExhausted) return err.message;
  if (isNetworkError(err) || isTimeout(err)) return describeNetworkError(err);
  // The library's res.json() on a body cut short or not JSON.
  if (err instanceof SyntaxError) return `its answer is not JSON (cut short?): ${err.message}`;
  return undefined;
}

/**
 * Turns @huggingface/hub's HubApiError (and a bad-token TypeError, and a Hub that cannot
 * be reached or answers garbage) into a HubError.
 */
export function fromLibraryError(err: unknown, ctx: HubErrorContext): unknown {
  const unreachable = unreachableProblem(err);
  if (unreachable !== undefined)
    return new HubError(ctx.what, `${ctx.endpoint ?? "the Hub"}: ${unreachable}`);
  if (err instanceof HubApiError) {
    const data = err.data as { error?: string; message?: string } | undefined;
    const code = errorCodeFromMessage(data?.error ?? data?.message ?? "");
    return hubErrorFor(err.statusCode, ctx, code, data?.error ?? data?.message);
  }
  if (err instanceof TypeError && /access token must start with/.test(err.message)) {
    return new HubError(ctx.what, "HF_TOKEN must be a Hugging Face token (it starts with hf_)");
  }
  return err;
}

function errorCodeFromMessage(message: string): string | undefined {
  if (/revision not found|invalid rev/i.test(message)) return "RevisionNotFound";
  if (/entry not found/i.test(message)) return "EntryNotFound";
  if (/repository not found/i.test(message)) return "RepoNotFound";
  return undefined;
}
