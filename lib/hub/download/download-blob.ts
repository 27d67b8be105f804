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
import { blobPath, incompletePath } from "../cache/cache-layout";
import {
  type RetryNotice,
  type RetryPolicy,
  backoffDelay,
  isNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  sleep,
} from "../client/fetch-with-retry";
import { HubError, hubErrorFor } from "../client/hub-error";
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
  notice: RetryNotice;
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

async function downloadBlobOnce(req: BlobRequest): Promise<BlobResult> {
  const final = blobPath(req.repoDir, req.etag);
  const part = incompletePath(req.repoDir, req.etag);
  await mkdir(dirname(final), { recursive: true });
  const doFetch = req.fetch ?? fetch;
  const counter = req.counter ?? { received: () => undefined, adjust: () => undefined };
  let received = 0;
  let resumedFrom: number | undefined;
  let badBodies = 0;
  let hasher: BlobHasher | undefined;
  let hashed = 0;
  let failures = 0;

  const retryOrThrow = async (why: string, err: unknown, retryAfterMs?: number) => {
    failures++;
    if (failures >= req.retry.attempts) throw err;
    const wait = backoffDelay(failures, req.retry, retryAfterMs);
    req.notice(`hub: ${req.what}: ${why}; retry ${failures} in ${(wait / 1000).toFixed(1)} s`);
    await sleep(wait);
  };

  for (;;) {
    let have = await fileSize(part);
    if (have > req.size) {
      await rm(part, { force: true });
      have = 0;
    }
    if (resumedFrom === undefined) {
      resumedFrom = have;
      counter.adjust(have);
    }
    // The hash of the bytes on disk: carried over from the previous try when it covers
    // exactly them (the usual dropped connection), else computed from the file.
    if (!hasher || hashed !== have) {
      hasher = blobHasher(req.etag, req.size);
      await hashFilePrefix(part, have, hasher);
      hashed = have;
    }

    if (have < req.size) {
      // identity: the byte offsets of a Range must be those of the file, not of a gzip
      // stream (Python's huggingface_hub asks the same).
      const headers: Record<string, string> = { "Accept-Encoding": "identity" };
      if (req.token) headers.Authorization = `Bearer ${req.token}`;
      if (have > 0) headers.Range = `bytes=${have}-`;
      let res: Response;
      try {
        res = await doFetch(req.url, { headers, redirect: "follow" });
      } catch (err) {
        if (!isNetworkError(err)) throw err;
        await retryOrThrow((err as Error).message, err);
        continue;
      }
      if (isRetryableStatus(res.status)) {
        await res.body?.cancel();
        const err = hubErrorFor(res.status, { what: req.what });
        await retryOrThrow(
          `HTTP ${res.status}`,
          err,
          parseRetryAfter(res.headers.get("retry-after")),
        );
        continue;
      }
      if (res.status === 416) {
        // The server says our part is already as long as the file: verify it from scratch.
        await res.body?.cancel();
        await rm(part, { force: true });
        counter.adjust(-have);
        continue;
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
        hasher = blobHasher(req.etag, req.size);
        hashed = 0;
      }
      try {
        await appendBody(res.body, part, append, hasher, (n) => {
          hashed += n;
          received += n;
          counter.received(n);
        });
      } catch (err) {
        if (!isNetworkError(err)) throw err;
        await retryOrThrow(`connection dropped at ${await fileSize(part)} bytes`, err);
        continue;
      }
      const got = await fileSize(part);
      if (got < req.size) {
        await retryOrThrow(
          `body ended at ${got} of ${req.size} bytes`,
          new HubError(req.what, `the body ended at ${got} of ${req.size} bytes`),
        );
        continue;
      }
    }

    const got = await fileSize(part);
    const algorithm = hasher.algorithm;
    const digest = got === req.size ? hasher.digest() : `${got} bytes`;
    hasher = undefined;
    if (digest !== req.etag) {
      await rm(part, { force: true });
      counter.adjust(-got);
      badBodies++;
      const err = new HubError(
        req.what,
        `the downloaded bytes do not match the Hub's checksum (${algorithm} ${digest}, expected ${req.etag}); nothing was stored`,
      );
      if (badBodies >= 2) throw err;
      req.notice(
        `hub: ${req.what}: checksum mismatch; the part was deleted, fetching again from byte 0`,
      );
      continue;
    }
    await rename(part, final);
    return { path: final, bytesReceived: received, resumedFrom };
  }
}

function hubText(body: string): string | undefined {
  try {
    const j = JSON.parse(body) as { error?: string; message?: string };
    return j.error ?? j.message;
  } catch {
    return body.trim() === "" ? undefined : body.trim();
  }
}
