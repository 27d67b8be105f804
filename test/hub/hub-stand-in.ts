/**
 * A stand-in for the Hugging Face Hub on 127.0.0.1 (node:http, random port), answering
 * the paths the kit and @huggingface/hub 2.17.5 use, the way the Hub answers them:
 *
 *   GET  /api/{datasets|models}/o/n/revision/<rev>?expand=…   repo info with `sha`
 *   GET  /api/{datasets|models}/o/n/tree/<rev>[/<path>]?recursive=…   listing, Link pages
 *   POST /api/{datasets|models}/o/n/paths-info/<rev>          {paths, expand}
 *   GET|HEAD /[datasets/]o/n/resolve/<rev>/<path>   git files: 200 with ETag (git sha1);
 *            LFS files: 302 to /lfs/<sha256> with X-Linked-Etag, X-Linked-Size;
 *            both with X-Repo-Commit; 404 with X-Error-Code; 401 for gated/private
 *   GET|HEAD /lfs/<sha256>   the LFS object, with Range (206 Content-Range)
 *
 * Faults can be queued: drop the connection after N body bytes, answer a status (500,
 * 429 with Retry-After…) before serving, or corrupt one byte of a body. It counts the
 * requests for file bodies and the body bytes it sent.
 */
import { createHash } from "node:crypto";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInFile {
  path: string;
  data: Buffer;
  /** Stored with LFS (served through a redirect, named by sha256). */
  lfs: boolean;
}

export interface StandInRepo {
  type: "dataset" | "model";
  id: string;
  /** commit sha -> files */
  commits: Map<string, StandInFile[]>;
  /** branch or tag -> commit sha */
  refs: Map<string, string>;
  /** Needs `Authorization: Bearer <token>` for file bodies (gated) or everything (private). */
  token?: string;
  access?: "gated" | "private";
}

export type Fault =
  | { kind: "drop"; afterBytes: number }
  /** Sends N body bytes, then nothing more, the connection left open. */
  | { kind: "stall"; afterBytes: number }
  | { kind: "status"; status: number; retryAfter?: string }
  | { kind: "corrupt" }
  /** Answers a Range request with 206 but the whole body, Content-Range from byte 0. */
  | { kind: "range-from-zero" };

export interface LoggedRequest {
  method: string;
  url: string;
  range?: string;
  authorization?: string;
  /** A request that asked for a file's bytes (GET of a git file or of an LFS object). */
  body: boolean;
}

export function gitSha1(data: Buffer): string {
  return createHash("sha1").update(`blob ${data.length}\0`).update(data).digest("hex");
}
export function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export function etagOf(f: StandInFile): string {
  return f.lfs ? sha256(f.data) : gitSha1(f.data);
}

/** A deterministic 40-hex commit id for a label. */
export function commitId(label: string): string {
  return createHash("sha1").update(label).digest("hex");
}

export class HubStandIn {
  readonly repos = new Map<string, StandInRepo>();
  readonly log: LoggedRequest[] = [];
  /** Faults for body requests, used in order, one per request. */
  readonly bodyFaults: Fault[] = [];
  /** Faults for API requests (/api/…), used in order. */
  readonly apiFaults: Fault[] = [];
  bytesSent = 0;
  pageSize = 1000;
  /**
   * The host name in LFS redirects. The Hub redirects to another host (a CDN); Python's
   * huggingface_hub reads the file metadata from that redirect only when the host
   * differs, so its checks set "localhost" here.
   */
  lfsHostname = "127.0.0.1";
  private server?: Server;
  url = "";

  addRepo(repo: StandInRepo): void {
    this.repos.set(`${repo.type}s/${repo.id}`, repo);
  }

  get bodyRequests(): LoggedRequest[] {
    return this.log.filter((r) => r.body);
  }

  resetCounters(): void {
    this.log.length = 0;
    this.bytesSent = 0;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        try {
          this.handle(req, res, Buffer.concat(chunks));
        } catch (err) {
          res.writeHead(500).end(String(err));
        }
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  private findRepo(type: string, id: string): StandInRepo | undefined {
    return this.repos.get(`${type}/${id}`);
  }

  private commitFor(repo: StandInRepo, rev: string): string | undefined {
    if (repo.commits.has(rev)) return rev;
    return repo.refs.get(rev);
  }

  private authorized(repo: StandInRepo, req: IncomingMessage): boolean {
    return !repo.token || req.headers.authorization === `Bearer ${repo.token}`;
  }

  private json(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  }

  private error(
    res: ServerResponse,
    status: number,
    code: string | undefined,
    message: string,
    headers: Record<string, string> = {},
  ) {
    this.json(
      res,
      status,
      { error: message },
      {
        ...headers,
        ...(code ? { "X-Error-Code": code, "X-Error-Message": message } : {}),
      },
    );
  }

  private applyFault(queue: Fault[], res: ServerResponse): Fault | undefined {
    const f = queue.shift();
    if (f?.kind === "status") {
      const h: Record<string, string> = {};
      if (f.retryAfter) h["Retry-After"] = f.retryAfter;
      this.error(res, f.status, undefined, `injected ${f.status}`, h);
      return f;
    }
    return f;
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? "/", this.url);
    const path = decodeURIComponent(url.pathname);
    const isBody =
      req.method === "GET" &&
      (path.startsWith("/lfs/") || (/\/resolve\//.test(path) && !this.isLfsPath(path)));
    this.log.push({
      method: req.method ?? "",
      url: req.url ?? "",
      range: req.headers.range,
      authorization: req.headers.authorization,
      body: isBody && !path.startsWith("/api/"),
    });
    if (path.startsWith("/api/")) {
      const fault = this.applyFault(this.apiFaults, res);
      if (fault?.kind === "status") return;
    }
    for (const [re, route] of this.routes) {
      const m = re.exec(path);
      if (m) {
        route(req, res, m, url, body);
        return;
      }
    }
    this.error(res, 404, undefined, "not found");
  }

  private readonly routes: Array<
    [
      RegExp,
      (
        req: IncomingMessage,
        res: ServerResponse,
        m: RegExpExecArray,
        url: URL,
        body: Buffer,
      ) => void,
    ]
  > = [
    [
      /^\/api\/(datasets|models)\/([^/]+\/[^/]+)\/revision\/(.+)$/,
      (req, res, m) => this.repoInfo(req, res, m[1], m[2], m[3]),
    ],
    [
      /^\/api\/(datasets|models)\/([^/]+\/[^/]+)\/tree\/([^/]+)(?:\/(.*))?$/,
      (req, res, m, url) => this.tree(req, res, url, m[1], m[2], m[3], m[4] ?? ""),
    ],
    [
      /^\/api\/(datasets|models)\/([^/]+\/[^/]+)\/paths-info\/(.+)$/,
      (req, res, m, _url, body) => this.pathsInfo(req, res, body, m[1], m[2], m[3]),
    ],
    [/^\/lfs\/([0-9a-f]{64})$/, (req, res, m) => this.lfsObject(req, res, m[1])],
    [
      /^\/(?:(datasets)\/)?([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/,
      (req, res, m) => this.resolve(req, res, m[1] ? "datasets" : "models", m[2], m[3], m[4]),
    ],
  ];

  private isLfsPath(path: string): boolean {
    const m = /^\/(?:(datasets)\/)?([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path);
    if (!m) return false;
    const repo = this.findRepo(m[1] ? "datasets" : "models", m[2]);
    const commit = repo && this.commitFor(repo, m[3]);
    return !!commit && !!repo?.commits.get(commit)?.find((f) => f.path === m[4])?.lfs;
  }

  /** The repo and commit, or an error already sent. */
  private locate(
    req: IncomingMessage,
    res: ServerResponse,
    type: string,
    id: string,
    rev: string,
    needAuth: boolean,
  ): { repo: StandInRepo; commit: string } | undefined {
    const repo = this.findRepo(type, id);
    if (!repo || (repo.access === "private" && !this.authorized(repo, req))) {
      this.error(res, repo ? 401 : 404, "RepoNotFound", "Repository not found");
      return undefined;
    }
    if (needAuth && !this.authorized(repo, req)) {
      this.error(
        res,
        401,
        "GatedRepo",
        `Access to ${type.slice(0, -1)} ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
      );
      return undefined;
    }
    const commit = this.commitFor(repo, rev);
    if (!commit) {
      this.error(res, 404, "RevisionNotFound", `Invalid rev id: ${rev}`);
      return undefined;
    }
    return { repo, commit };
  }

  private repoInfo(
    req: IncomingMessage,
    res: ServerResponse,
    type: string,
    id: string,
    rev: string,
  ) {
    const at = this.locate(req, res, type, id, rev === "HEAD" ? "main" : rev, false);
    if (!at) return;
    this.json(res, 200, {
      _id: commitId(id).slice(0, 24),
      id,
      sha: at.commit,
      private: at.repo.access === "private",
      gated: at.repo.access === "gated" ? "auto" : false,
      downloads: 0,
      likes: 0,
      lastModified: "2024-10-26T00:00:00.000Z",
    });
  }

  private entry(f: StandInFile) {
    return {
      type: "file",
      oid: gitSha1(
        f.lfs
          ? Buffer.from(
              `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256(f.data)}\nsize ${f.data.length}\n`,
            )
          : f.data,
      ),
      size: f.data.length,
      path: f.path,
      ...(f.lfs ? { lfs: { oid: sha256(f.data), size: f.data.length, pointerSize: 130 } } : {}),
    };
  }

  private entriesUnder(files: StandInFile[], dir: string, recursive: boolean) {
    const prefix = dir ? `${dir}/` : "";
    const out: Array<Record<string, unknown>> = [];
    const dirs = new Set<string>();
    for (const f of files) {
      if (!f.path.startsWith(prefix)) continue;
      const rest = f.path.slice(prefix.length).split("/");
      for (let i = 1; i < rest.length; i++) {
        if (!recursive && i > 1) break;
        dirs.add(prefix + rest.slice(0, i).join("/"));
      }
      if (recursive || rest.length === 1) out.push(this.entry(f));
    }
    for (const d of dirs) out.push({ type: "directory", oid: commitId(d), size: 0, path: d });
    return out.sort((a, b) => String(a.path).localeCompare(String(b.path)));
  }

  private tree(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    type: string,
    id: string,
    rev: string,
    dir: string,
  ) {
    const at = this.locate(req, res, type, id, rev, false);
    if (!at) return;
    const files = at.repo.commits.get(at.commit)!;
    if (dir && !files.some((f) => f.path.startsWith(`${dir}/`))) {
      return this.error(res, 404, "EntryNotFound", `${dir} does not exist on "${rev}"`);
    }
    const all = this.entriesUnder(files, dir, url.searchParams.get("recursive") === "true");
    const cursor = Number(url.searchParams.get("cursor") ?? 0);
    const page = all.slice(cursor, cursor + this.pageSize);
    const headers: Record<string, string> = {};
    if (cursor + this.pageSize < all.length) {
      const next = new URL(url);
      next.searchParams.set("cursor", String(cursor + this.pageSize));
      headers.Link = `<${next.href}>; rel="next"`;
    }
    this.json(res, 200, page, headers);
  }

  private pathsInfo(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    type: string,
    id: string,
    rev: string,
  ) {
    const at = this.locate(req, res, type, id, decodeURIComponent(rev), false);
    if (!at) return;
    const { paths } = JSON.parse(body.toString("utf8")) as { paths: string[] };
    const files = at.repo.commits.get(at.commit)!;
    const out: unknown[] = [];
    for (const p of paths) {
      const f = files.find((x) => x.path === p);
      if (f)
        out.push({
          ...this.entry(f),
          lastCommit: { id: at.commit, title: "c", date: "2024-10-26T00:00:00.000Z" },
        });
      else if (files.some((x) => x.path.startsWith(`${p}/`)))
        out.push({ type: "directory", oid: commitId(p), size: 0, path: p });
    }
    this.json(res, 200, out);
  }

  private resolve(
    req: IncomingMessage,
    res: ServerResponse,
    type: string,
    id: string,
    rev: string,
    path: string,
  ) {
    const at = this.locate(req, res, type, id, rev, true);
    if (!at) return;
    const f = at.repo.commits.get(at.commit)!.find((x) => x.path === path);
    if (!f) return this.error(res, 404, "EntryNotFound", `${path} does not exist on "${rev}"`);
    const common = { "X-Repo-Commit": at.commit, "Accept-Ranges": "bytes" };
    if (f.lfs) {
      const oid = sha256(f.data);
      res.writeHead(302, {
        ...common,
        Location: `${this.url.replace("127.0.0.1", this.lfsHostname)}/lfs/${oid}`,
        "X-Linked-Etag": `"${oid}"`,
        "X-Linked-Size": String(f.data.length),
        ETag: `"${oid}"`,
        "Content-Length": "0",
      });
      res.end();
      return;
    }
    this.serveBytes(req, res, f.data, { ...common, ETag: `"${gitSha1(f.data)}"` });
  }

  private lfsObject(req: IncomingMessage, res: ServerResponse, oid: string) {
    for (const repo of this.repos.values()) {
      for (const files of repo.commits.values()) {
        const f = files.find((x) => x.lfs && sha256(x.data) === oid);
        if (f)
          return this.serveBytes(req, res, f.data, { ETag: `"${oid}"`, "Accept-Ranges": "bytes" });
      }
    }
    this.error(res, 404, undefined, "no such object");
  }

  /** Serves bytes with Range support and the queued body faults. */
  private serveBytes(
    req: IncomingMessage,
    res: ServerResponse,
    data: Buffer,
    headers: Record<string, string>,
  ) {
    if (req.method === "HEAD") {
      res.writeHead(200, { ...headers, "Content-Length": String(data.length) });
      res.end();
      return;
    }
    const fault = this.applyFault(this.bodyFaults, res);
    if (fault?.kind === "status") return;
    let start = 0;
    let end = data.length - 1;
    let status = 200;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
    if (range && fault?.kind === "range-from-zero") {
      status = 206;
      headers["Content-Range"] = `bytes 0-${end}/${data.length}`;
    } else if (range) {
      start = Number(range[1]);
      end = range[2] ? Math.min(Number(range[2]), end) : end;
      if (start >= data.length) {
        res.writeHead(416, { "Content-Range": `bytes */${data.length}` });
        res.end();
        return;
      }
      status = 206;
      headers["Content-Range"] = `bytes ${start}-${end}/${data.length}`;
    }
    let slice = Buffer.from(data.subarray(start, end + 1));
    if (fault?.kind === "corrupt") {
      slice = Buffer.from(slice);
      slice[Math.floor(slice.length / 2)] ^= 0xff;
    }
    res.writeHead(status, {
      ...headers,
      "Content-Length": String(slice.length),
      "Content-Type": "application/octet-stream",
    });
    if (fault?.kind === "stall") {
      const part = slice.subarray(0, Math.min(fault.afterBytes, slice.length));
      this.bytesSent += part.length;
      res.write(part);
      return;
    }
    if (fault?.kind === "drop") {
      const part = slice.subarray(0, Math.min(fault.afterBytes, slice.length));
      this.bytesSent += part.length;
      res.write(part, () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    this.bytesSent += slice.length;
    res.end(slice);
  }
}
