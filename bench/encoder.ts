/**
 * `npm run bench:encoder [-- --layers] [-- --per-class N]`: the MobileNetV3 frame encoder.
 * Without --layers: time per frame and per video (8 frames at 224 x 224, decoding apart) on
 * the WebAssembly and the pure-JS CPU backends of TensorFlow.js, then the probing notebook's
 * time (`t3kit notebooks --only 01-probing`, quick study) with MobileNetV3 and with the
 * stand-in. With --layers: the measurement the layer and pooling were chosen by.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compareLayers } from "./encoder-layers";

const root = join(__dirname, "..");

/** One backend's time per video, measured in a child process (the backend is per process). */
function backendTimes(backend: "wasm" | "cpu", videos: number): string {
  return execFileSync(
    process.execPath,
    ["--import", "tsx", join(__dirname, "encoder-backend.ts"), String(videos)],
    {
      cwd: root,
      env: { ...process.env, T3KIT_TF_BACKEND: backend },
      encoding: "utf8",
    },
  );
}

function notebookSeconds(encoder: string, out: string): number {
  const start = performance.now();
  execFileSync(
    process.execPath,
    [join(root, "scripts", "t3kit.cjs"), "notebooks", "--only", "01-probing"],
    {
      cwd: root,
      env: {
        ...process.env,
        T3KIT_OUT: out,
        T3KIT_PROBE_ENCODER: encoder,
        T3KIT_PROBE_ENDPOINT: "",
      },
      stdio: "ignore",
    },
  );
  return (performance.now() - start) / 1000;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      layers: { type: "boolean" },
      "per-class": { type: "string" },
      "skip-notebook": { type: "boolean" },
    },
  });
  const tmp = mkdtempSync(join(tmpdir(), "t3kit-bench-encoder-"));
  try {
    if (values.layers) {
      await compareLayers(tmp, Number(values["per-class"] ?? 4));
      return;
    }
    process.stdout.write(backendTimes("wasm", 8));
    process.stdout.write(backendTimes("cpu", 2));
    if (values["skip-notebook"]) return;
    for (const encoder of ["mobilenetv3", "stand-in"]) {
      const seconds = notebookSeconds(encoder, join(tmp, `out-${encoder}`));
      process.stdout.write(
        `notebook 01-probing (quick), ${encoder.padEnd(11)} ${seconds.toFixed(1).padStart(7)} s\n`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
