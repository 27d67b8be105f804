/**
 * Download benchmark against the stand-in Hub on 127.0.0.1 (a separate process, so the
 * figures are the client's): one LFS file of N MB (default 256) fetched
 *   1. by the kit (stream to blobs/<sha>.incomplete, sha256 on the fly, rename),
 *   2. by the kit with the connection dropped half way (Range resume),
 *   3. by @huggingface/hub's downloadFileToCacheDir (no verification, no resume),
 * each in its own process and into a fresh cache. Prints wall time, MB/s and that
 * process's peak RSS.
 * `npm run bench:hub [-- MB]`; about 10 s for 256 MB on 2 cores.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { downloadFileToCacheDir } from "@huggingface/hub";
import { downloadMatchingFiles, parseRepoRef } from "../lib/hub/index";

async function startServer(
  mb: number,
  drop?: number,
): Promise<{ url: string; child: ChildProcess }> {
  const args = ["--import", "tsx", join(__dirname, "hub-bench-server.ts"), String(mb)];
  if (drop !== undefined) args.push(String(drop));
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(child.stdout!, "data")) as [Buffer];
  return { url: line.toString().trim(), child };
}

const rssMB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function run(
  name: string,
  mb: number,
  drop: number | undefined,
  body: (url: string, cache: string) => Promise<void>,
) {
  const { url, child } = await startServer(mb, drop);
  const cache = mkdtempSync(join(tmpdir(), "t3kit-hubbench-"));
  try {
    const t0 = performance.now();
    await body(url, cache);
    const secs = (performance.now() - t0) / 1000;
    process.stdout.write(
      `${name.padEnd(44)} ${secs.toFixed(2).padStart(6)} s  ${(mb / secs).toFixed(0).padStart(5)} MB/s  peak RSS ${rssMB()} MB\n`,
    );
  } finally {
    child.kill("SIGTERM");
    rmSync(cache, { recursive: true, force: true });
  }
}

const SCENARIOS = ["kit", "kit-resume", "library"] as const;

async function scenario(name: (typeof SCENARIOS)[number], mb: number) {
  const ref = parseRepoRef("datasets/bench/big");
  const kit = (url: string, cache: string) =>
    downloadMatchingFiles(ref, {
      config: { endpoint: url, token: undefined, home: cache, cacheDir: cache, offline: false },
      retry: {
        tries: 5,
        firstDelayMs: 100,
        maxDelayMs: 1000,
        jitter: 0.25,
        maxRetryAfterSeconds: 1,
      },
    }).then(() => undefined);
  if (name === "kit") await run("kit: stream + sha256 + rename", mb, undefined, kit);
  if (name === "kit-resume") {
    await run("kit: dropped at 50%, resumed with Range", mb, Math.floor((mb * 1_000_000) / 2), kit);
  }
  if (name === "library") {
    await run("@huggingface/hub downloadFileToCacheDir", mb, undefined, async (url, cache) => {
      await downloadFileToCacheDir({
        repo: { type: "dataset", name: "bench/big" },
        path: "big.json",
        hubUrl: url,
        cacheDir: cache,
      });
    });
  }
}

async function main() {
  const mb = Number(process.argv[2] ?? 256);
  const which = process.argv[3] as (typeof SCENARIOS)[number] | undefined;
  if (which) return scenario(which, mb);
  process.stdout.write(
    `one ${mb} MB LFS file from the stand-in Hub on 127.0.0.1 (${process.version})\n`,
  );
  for (const s of SCENARIOS) {
    const child = spawn(process.execPath, ["--import", "tsx", __filename, String(mb), s], {
      stdio: ["ignore", "inherit", "ignore"],
    });
    await once(child, "exit");
  }
}
main();
