/**
 * One TensorFlow.js backend's MobileNetV3 times (the backend is $T3KIT_TF_BACKEND, one per
 * process): load, then N videos of 8 drawn 224 x 224 frames through the encoder, after one
 * warm-up video. Prints per frame and per video; decoding is not counted.
 */
import { MOBILENET_FRAME_SIZE, loadMobilenetEncoder } from "../lib/probing/index";
import { startTensorflow } from "../lib/probing/probes/tensor-backend";

async function main(): Promise<void> {
  const videos = Number(process.argv[2] ?? 8);
  const loadStart = performance.now();
  const encoder = await loadMobilenetEncoder();
  const loadMs = performance.now() - loadStart;
  const backend = (await startTensorflow()).tf.getBackend();
  const size = MOBILENET_FRAME_SIZE * MOBILENET_FRAME_SIZE * 3;
  const rgb = new Uint8Array(8 * size);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 2654435761) >>> 24;
  const frames = [0, 1, 2, 3, 4, 5, 6, 7];
  await encoder.encode(rgb, frames);
  const start = performance.now();
  for (let v = 0; v < videos; v++) await encoder.encode(rgb, frames);
  const perVideo = (performance.now() - start) / videos;
  process.stdout.write(
    `${backend.padEnd(5)} load ${loadMs.toFixed(0)} ms; per video (8 frames) ${perVideo.toFixed(0)} ms; per frame ${(perVideo / 8).toFixed(1)} ms (${videos} videos)\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
