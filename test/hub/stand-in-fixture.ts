/** A stand-in Hub with small repos, a temp cache, and HubOptions pointing at both. */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { HubOptions } from "../../lib/hub/index";
import { projectRoot } from "../../lib/paths/index";
import { HubStandIn, type StandInFile, commitId } from "./hub-stand-in";

/** Deterministic pseudo-random bytes (an LCG), so the "LFS" file is incompressible. */
export function pseudoRandomBytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

export const BIG_SIZE = 3 * 1024 * 1024 + 17;
export const COMMIT_V1 = commitId("v1");
export const COMMIT_MAIN = commitId("main");
export const TOKEN = "hf_standintoken";

export function demoFiles(): StandInFile[] {
  const train = Buffer.from('{"id":1}\n{"id":2}\n');
  return [
    { path: "README.md", data: Buffer.from("# demo\n"), lfs: false },
    { path: "big.bin", data: pseudoRandomBytes(BIG_SIZE), lfs: true },
    { path: "data/train.jsonl", data: train, lfs: false },
    { path: "data/copy.jsonl", data: train, lfs: false },
    { path: "data/sub/x.json", data: Buffer.from('{"x":true}'), lfs: false },
  ];
}

export interface Fixture {
  hub: HubStandIn;
  cacheDir: string;
  notices: string[];
  options(extra?: Partial<HubOptions> & { token?: string; offline?: boolean }): HubOptions;
  cleanup(): Promise<void>;
}

export async function startFixture(): Promise<Fixture> {
  const hub = new HubStandIn();
  const v1 = demoFiles().filter((f) => f.path !== "data/sub/x.json");
  v1[0] = { ...v1[0], data: Buffer.from("# demo v1\n") };
  hub.addRepo({
    type: "dataset",
    id: "t3kit/demo",
    commits: new Map([
      [COMMIT_MAIN, demoFiles()],
      [COMMIT_V1, v1],
    ]),
    refs: new Map([
      ["main", COMMIT_MAIN],
      ["v1", COMMIT_V1],
    ]),
  });
  hub.addRepo({
    type: "dataset",
    id: "t3kit/gated",
    commits: new Map([
      [commitId("gated"), [{ path: "a.json", data: Buffer.from("[1]"), lfs: false }]],
    ]),
    refs: new Map([["main", commitId("gated")]]),
    token: TOKEN,
    access: "gated",
  });
  hub.addRepo({
    type: "model",
    id: "t3kit/demo-model",
    commits: new Map([
      [
        commitId("model"),
        [{ path: "config.json", data: Buffer.from('{"model_type":"demo"}'), lfs: false }],
      ],
    ]),
    refs: new Map([["main", commitId("model")]]),
  });
  const url = await hub.start();
  const home = mkdtempSync(join(tmpdir(), "t3kit-hub-"));
  const cacheDir = join(home, "hub");
  const notices: string[] = [];
  return {
    hub,
    cacheDir,
    notices,
    options: (extra = {}) => ({
      config: {
        endpoint: url,
        token: extra.token,
        home,
        cacheDir,
        offline: extra.offline ?? false,
      },
      retry: {
        tries: 4,
        firstDelayMs: 5,
        maxDelayMs: 40,
        jitter: 0.25,
        maxRetryAfterSeconds: 0.04,
      },
      notice: (m) => notices.push(m),
      ...extra,
    }),
    async cleanup() {
      await hub.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** `t3kit ARGS` in a child process whose Hub is the fixture's stand-in and cache; never throws. */
export async function t3kitOnStandIn(
  fx: Fixture,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(
      process.execPath,
      [join(projectRoot, "scripts", "t3kit.cjs"), ...args],
      {
        env: {
          ...process.env,
          HF_ENDPOINT: fx.hub.url,
          HF_HOME: join(fx.cacheDir, ".."),
          HF_TOKEN: "",
          HF_HUB_CACHE: "",
        },
        maxBuffer: 1 << 26,
      },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
