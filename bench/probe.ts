/**
 * `npm run bench:probe [-- --per-class N --lstm-seeds N]`: the whole embedded probing study
 * in a temp folder, timing each step: draw and encode the videos (10 aspects, both splits),
 * sample and encode the features (MobileNetV3 by default, the study's encoder), the linear probe and the LSTM probe (5 seeds each, the
 * embedded study's settings, see lib/probing/study/embedded-study.ts). Prints the seconds of each
 * step and the accuracy table. Target: under 10 minutes on a 2-core machine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  EMBEDDED_STUDY,
  PROBING_ASPECTS,
  extractFeatures,
  makeProbingVideos,
  probeTableText,
  runEmbeddedProbe,
  summariseProbeResults,
} from "../lib/probing/index";

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  process.stdout.write(
    `${label.padEnd(34)} ${((performance.now() - start) / 1000).toFixed(1).padStart(7)} s\n`,
  );
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { "per-class": { type: "string" }, "lstm-seeds": { type: "string" } },
  });
  const lstmSeeds = EMBEDDED_STUDY.lstm.seeds.slice(
    0,
    Number(values["lstm-seeds"] ?? EMBEDDED_STUDY.lstm.seeds.length),
  );
  const study = { ...EMBEDDED_STUDY, lstm: { ...EMBEDDED_STUDY.lstm, seeds: lstmSeeds } };
  const perClass = Number(values["per-class"] ?? study.perClass);
  const root = mkdtempSync(join(tmpdir(), "t3kit-bench-probe-"));
  const total = performance.now();
  try {
    const videos = join(root, "videos");
    const features = join(root, "features");
    const manifest = await timed(`videos (${perClass} per class and split)`, () =>
      makeProbingVideos({ out: videos, aspects: PROBING_ASPECTS, perClass, seed: study.videoSeed }),
    );
    await timed(`features (${manifest.videos.length} videos)`, () =>
      extractFeatures({ videos, out: features, aspects: PROBING_ASPECTS, encoder: study.encoder }),
    );
    const linear = await timed(`linear probe (${study.linear.seeds.length} seeds)`, () =>
      runEmbeddedProbe(study, "linear", features),
    );
    const lstm = await timed(`LSTM probe (${lstmSeeds.length} seeds)`, () =>
      runEmbeddedProbe(study, "lstm", features),
    );
    process.stdout.write(
      `${"total".padEnd(34)} ${((performance.now() - total) / 1000).toFixed(1).padStart(7)} s\n\n`,
    );
    process.stdout.write(probeTableText(summariseProbeResults([...linear, ...lstm])));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
