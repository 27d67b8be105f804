/**
 * `npm run bench:encoder -- --layers [--per-class N]`: how the MobileNetV3 layer and pooling
 * were chosen (lib/probing/features/mobilenet-encoder.ts). The embedded study's videos (all
 * ten aspects) go once through the network to several layers; each layer x pooling is written
 * as a features folder and probed (linear and LSTM, the embedded study's settings, seeds 12,
 * 22, 32, LSTM input not resized). Prints mean validation accuracy per aspect and overall.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import {
  EMBEDDED_STUDY,
  FRAMES_PER_VIDEO,
  MOBILENET_FRAME_SIZE,
  POOLINGS,
  PROBING_ASPECTS,
  decodeFrames,
  listAspectVideos,
  loadMobilenetGraph,
  makeProbingVideos,
  npyBytes,
  poolFeatureMap,
  runProbingStudy,
  sampleFrameIndices,
  tokensPerFrame,
} from "../lib/probing/index";

export const CANDIDATE_LAYERS = [
  "tower_0/MobilenetV3/expanded_conv_11/add",
  "tower_0/MobilenetV3/expanded_conv_14/add",
  "tower_0/extern1/hard_swish/mul_1",
];

const pct = (x: number) => (100 * x).toFixed(1).padStart(6);

export async function compareLayers(root: string, perClass: number): Promise<void> {
  const videos = join(root, "videos");
  await makeProbingVideos({
    out: videos,
    aspects: PROBING_ASPECTS,
    perClass,
    seed: EMBEDDED_STUDY.videoSeed,
  });
  const graph = await loadMobilenetGraph();
  const variants = CANDIDATE_LAYERS.flatMap((layer) =>
    POOLINGS.map((pooling) => ({ layer, pooling })),
  );
  const folder = (v: number) => join(root, `variant-${v}`);
  for (const aspect of PROBING_ASPECTS) {
    const { classes, videos: files } = await listAspectVideos(videos, aspect);
    for (const split of ["train", "val"] as const)
      for (const [c, className] of classes.entries())
        for (const video of files[split][c]) {
          const frames = await decodeFrames(video, MOBILENET_FRAME_SIZE, MOBILENET_FRAME_SIZE);
          const indices = sampleFrameIndices(frames.count, FRAMES_PER_VIDEO);
          const maps = await graph.featureMaps(
            frames.rgb,
            MOBILENET_FRAME_SIZE,
            indices,
            CANDIDATE_LAYERS,
          );
          variants.forEach(({ layer, pooling }, v) => {
            const map = maps[CANDIDATE_LAYERS.indexOf(layer)];
            const dir = join(folder(v), aspect.name, split, className);
            mkdirSync(dir, { recursive: true });
            const shape: [number, number] = [
              FRAMES_PER_VIDEO * tokensPerFrame(pooling),
              map.shape[3],
            ];
            writeFileSync(
              join(dir, `${basename(video).replace(/\.[^.]+$/, "")}.npy`),
              npyBytes(shape, poolFeatureMap(map.data, map.shape, pooling)),
            );
          });
        }
  }
  const seeds = [12, 22, 32];
  process.stdout.write(
    `${"layer / pooling / probe".padEnd(62)}${PROBING_ASPECTS.map((a) => a.name.slice(0, 8).padStart(9)).join("")}    mean\n`,
  );
  for (const [v, { layer, pooling }] of variants.entries())
    for (const probe of ["linear", "lstm"] as const) {
      const settings = EMBEDDED_STUDY[probe];
      const results = await runProbingStudy({
        features: folder(v),
        aspects: PROBING_ASPECTS,
        probes: [probe],
        seeds,
        epochs: probe === "lstm" ? EMBEDDED_STUDY.lstm.epochs : undefined,
        learningRate: { [probe]: settings.learningRate },
        resize: null,
      });
      const byAspect = PROBING_ASPECTS.map((a) => {
        const mine = results.filter((r) => r.aspect === a.name);
        return mine.reduce((s, r) => s + r.accuracy, 0) / mine.length;
      });
      const mean = byAspect.reduce((s, x) => s + x, 0) / byAspect.length;
      process.stdout.write(
        `${`${layer.replace("tower_0/", "")} / ${pooling} / ${probe}`.padEnd(62)}${byAspect.map((x) => pct(x).padStart(9)).join("")}  ${pct(mean)}\n`,
      );
    }
}
