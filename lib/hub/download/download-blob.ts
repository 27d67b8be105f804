/**
 * Downloads one blob into `blobs/<etag>`, resumable and verified.
 *
 * Written on node's fetch rather than @huggingface/hub's downloadFile/
 * downloadFileToCacheDir because 2.17.5 cannot do these steps: it starts every download
 * from byte 0 (no Range resume from `blobs/<etag>.incomplete`), it never checks the bytes
 * against the etag (a corrupted body is stored under its expected sha256 and reused), and
 * it does not retry. Here the bytes stream to `<etag>.incomplete` while being hashed; a
 * dropped connection resumes with `Range: bytes=<have>-`; only a body whose sha256 (or
 * git sha1) matches is renamed to `blobs/<etag>`, so a complete-looking blob is always
 * complete.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import {
  type HttpTry,
  type HttpTryOutcome,
  type RetryPolicy,
  formatMs,
  isNetworkError,
  isTimeout,
  parseRetryAfter,
  retryHttp,
} from "../../http/index";
import { blobPath, incompletePath } from "../cache/cache-layout";
import { HubError, hubErrorFor, unreachableProblem } from "../client/hub-error";
import { isRetryableStatus, lastTryError, retryNotice } from "../client/hub-fetch";
import { type BlobHasher, blobHasher, hashFilePrefix } from "./blob-digest";

/** Told about bytes as they arrive, so that a bar can show progress and speed. */
export interface ByteCounter {
  /** Bytes that came over the network. */
  received(n: number): void;
  /** Bytes already on disk (a resumed .incomplete), or negative when bytes are thrown away. */
  adjust(n: number): void;
}

export interface BlobRequest {
  /** The `resolve/<commit>/<path>` URL; redirects to the blob store are followed. */
  url: string;
  etag: string;
  size: number;
  /** The repo's cache folder (`…/datasets--owner--name`). */
  repoDir: string;
  /** For messages: `datasets/owner/name/path@commit`. */
  what: string;
  token: string | undefined;
  retry: RetryPolicy;
  /** Retries and checksum mismatches, as lines. */
  notice: (message: string) => void;
  counter?: ByteCounter;
  /** The fetch to use (tests inject none; the default is node's). */
  fetch?: typeof fetch;
}

export interface BlobResult {
  path: string;
  /** Bytes transferred by this call (0 when only the check of a finished .incomplete ran). */
  bytesReceived: number;
  /** Where the first request started (> 0 when an earlier run's .incomplete was resumed). */
  resumedFrom: number;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/** The byte a 206 answer starts at, from `Content-Range: bytes <start>-<end>/<total>`. */
function contentRangeStart(res: Response): number | undefined {
  const m = /^bytes (\d+)-/.exec(res.headers.get("content-range") ?? "");
  return m ? Number(m[1]) : undefined;
}

/** Streams `body` onto the end of `path` (or over it when `append` is false), hashing it. */
async function appendBody(
  body: ReadableStream<Uint8Array>,
  path: string,
  append: boolean,
  hasher: BlobHasher,
  onChunk: (n: number) => void,
): Promise<void> {
  const out = createWriteStream(path, { flags: append ? "a" : "w" });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined);
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      hasher.update(chunk);
      onChunk(chunk.byteLength);
      if (!out.write(chunk)) await Promise.race([once(out, "drain"), failed]);
    }
  } finally {
    out.end();
    await Promise.race([once(out, "close"), failed]);
  }
}

/**
 * Downloads `req.url` into `blobs/<etag>` unless it is there, resuming from an earlier
 * `.incomplete`, retrying 429/5xx/dropped connections, rejecting a body that does not
 * match its etag (it is deleted and fetched once more from byte 0, then the call fails).
 */
export function downloadBlob(req: BlobRequest): Promise<BlobResult> {
  // Two calls for one blob in this process share one download rather than both
  // appending to the same .incomplete (other processes: see the README's caveat).
  const key = blobPath(req.repoDir, req.etag);
  const running = inFlight.get(key);
  if (running) return running.then((r) => ({ ...r, bytesReceived: 0 }));
  const p = downloadBlobOnce(req).finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

const inFlight = new Map<string, Promise<BlobResult>>();

/** What the tries of one blob's download carry over from one to the next. */
interface Transfer {
  /** Bytes received over the network by this call. */
  received: number;
  /** Bytes on disk before the first try (an earlier run's .incomplete). */
  resumedFrom: number | undefined;
  /** The hash of the first `hashed` bytes of the part, when it covers them. */
  hasher: BlobHasher | undefined;
  hashed: number;
}

async function downloadBlobOnce(req: BlobRequest): Promise<BlobResult> {
  const final = blobPath(req.repoDir, req.etag);
  const part = incompletePath(req.repoDir, req.etag);
  await mkdir(dirname(final), { recursive: true });
  const counter = req.counter ?? { received: () => undefined, adjust: () => undefined };
  const state: Transfer = { received: 0, resumedFrom: undefined, hasher: undefined, hashed: 0 };
  // A try lasts as long as its bytes keep coming: tryTimeoutMs is how long none may come.
  const policy: RetryPolicy = { ...req.retry, tryTimeoutMs: undefined, deadlineMs: undefined };
  for (let badBodies = 0; ; ) {
    try {
      await retryHttp(
        policy,
        (t) => transferTry(req, part, state, counter, t, req.retry.tryTimeoutMs),
        { onRetry: (e) => req.notice(retryNotice(req.what, e)) },
      );
    } catch (err) {
      const last = lastTryError(err);
      const problem = last instanceof HubError ? undefined : unreachableProblem(err);
      throw problem === undefined ? last : new HubError(req.what, problem);
    }
    const got = await fileSize(part);
    const hasher = state.hasher!;
    const digest = got === req.size ? hasher.digest() : `${got} bytes`;
    state.hasher = undefined;
    if (digest !== req.etag) {
      await rm(part, { force: true });
      counter.adjust(-got);
      badBodies++;
      const err = new HubError(
        req.what,
        `the downloaded bytes do not match the Hub's checksum (${hasher.algorithm} ${digest}, expected ${req.etag}); nothing was stored`,
      );
      if (badBodies >= 2) throw err;
      req.notice(
        `hub: ${req.what}: checksum mismatch; the part was deleted, fetching again from byte 0`,
      );
      continue;
    }
    await rename(part, final);
    return { path: final, bytesReceived: state.received, resumedFrom: state.resumedFrom! };
  }
}

/**
 * One try: the part on disk brought to the blob's size (a Range request from where it
 * ends), or what went wrong. A part already whole needs no request.
 */
async function transferTry(
  req: BlobRequest,
  part: string,
  state: Transfer,
  counter: ByteCounter,
  t: HttpTry,
  stallMs: number | undefined,
): Promise<HttpTryOutcome<void>> {
  const stall = stallWatch(stallMs);
  try {
    return await transferOnce(req, part, state, counter, t, stall);
  } catch (err) {
    if (!isTimeout(err) || stallMs === undefined) throw err;
    return {
      retry: `no byte came for ${formatMs(stallMs)} (at ${await fileSize(part)} of ${req.size} bytes)`,
      error: err,
    };
  } finally {
    stall.stop();
  }
}

/** A signal that fires when `touch` has not been called for `ms` (never when undefined). */
interface StallWatch {
  signal: AbortSignal | undefined;
  touch(): void;
  stop(): void;
}

function stallWatch(ms: number | undefined): StallWatch {
  if (ms === undefined) return { signal: undefined, touch: () => undefined, stop: () => undefined };
  const controller = new AbortController();
  const fire = () => controller.abort(new DOMException(`no byte for ${ms} ms`, "TimeoutError"));
  let timer = setTimeout(fire, ms);
  return {
    signal: controller.signal,
    touch() {
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    },
    stop: () => clearTimeout(timer),
  };
}

async function transferOnce(
  req: BlobRequest,
  part: string,
  state: Transfer,
  counter: ByteCounter,
  t: HttpTry,
  stall: StallWatch,
): Promise<HttpTryOutcome<void>> {
  let have = await fileSize(part);
  if (have > req.size) {
    await rm(part, { force: true });
    have = 0;
  }
  if (state.resumedFrom === undefined) {
    state.resumedFrom = have;
    counter.adjust(have);
  }
  // The hash of the bytes on disk: carried over from the previous try when it covers
  // exactly them (the usual dropped connection), else computed from the file.
  if (!state.hasher || state.hashed !== have) {
    state.hasher = blobHasher(req.etag, req.size);
    await hashFilePrefix(part, have, state.hasher);
    state.hashed = have;
  }
  if (have >= req.size) return { value: undefined };
  // identity: the byte offsets of a Range must be those of the file, not of a gzip
  // stream (Python's huggingface_hub asks the same).
  const headers: Record<string, string> = { "Accept-Encoding": "identity" };
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  if (have > 0) headers.Range = `bytes=${have}-`;
  const res = await (req.fetch ?? fetch)(req.url, {
    headers,
    redirect: "follow",
    signal: stall.signal,
  });
  if (isRetryableStatus(res.status)) {
    await res.body?.cancel();
    return {
      retry: `HTTP ${res.status}`,
      retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after")),
      error: hubErrorFor(res.status, { what: req.what }),
    };
  }
  if (res.status === 416) {
    // The server says our part is already as long as the file: verify it from scratch.
    await res.body?.cancel();
    await rm(part, { force: true });
    counter.adjust(-have);
    return transferOnce(req, part, state, counter, t, stall);
  }
  if (!res.ok || !res.body) {
    const text = await res.text().catch(() => "");
    throw hubErrorFor(
      res.status,
      { what: req.what },
      res.headers.get("x-error-code"),
      hubText(text),
    );
  }
  let append = have > 0;
  if (append && (res.status !== 206 || contentRangeStart(res) !== have)) {
    // The server ignored the Range: take the whole body from byte 0.
    counter.adjust(-have);
    append = false;
    have = 0;
    state.hasher = blobHasher(req.etag, req.size);
    state.hashed = 0;
  }
  try {
    await appendBody(res.body, part, append, state.hasher, (n) => {
      stall.touch();
      state.hashed += n;
      state.received += n;
      counter.received(n);
    });
  } catch (err) {
    if (!isNetworkError(err)) throw err;
    return { retry: `connection dropped at ${await fileSize(part)} bytes`, error: err };
  }
  const got = await fileSize(part);
  if (got < req.size) {
    return {
      retry: `body ended at ${got} of ${req.size} bytes`,
      error: new HubError(req.what, `the body ended at ${got} of ${req.size} bytes`),
    };
  }
  return { value: undefined };
}

function hubText(body: string): string | undefined {
  try {
    const j = JSON.parse(body) as { error?: string; message?: string };
    return j.error ?? j.message;
  } catch {
    return body.trim() === "" ? undefined : body.trim();
  }
}
