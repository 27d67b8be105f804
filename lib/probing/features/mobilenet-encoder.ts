/**
 * A pretrained MobileNetV3 as the probing study's frame encoder: the backbone of a COCO
 * object detector (CenterNet on MobileNetV3-Large 0.75, trained by
 * github.com/610265158/mobilenetv3_centernet, converted to TensorFlow.js by Vladimir Mandic,
 * shipped in data/models/mobilenetv3-centernet/). It was trained on still photos to find
 * objects; it knows nothing of time or of the probing videos, so what a probe reads from its
 * tokens was not built in by the kit. It is not LongVA's CLIP ViT-L/14 either: a small CNN
 * whose features stand where the Video LLM's visual tokens would.
 *
 * Frames go in as the detector was fed them (RGB, 0..255 floats: the training repository's
 * `/255` preprocessing is commented out and the converted graph starts at its first
 * convolution), 8 at a time, at 224 x 224 (the ImageNet size of its backbone; the detector's
 * 512 x 512 costs 5x more and adds nothing the probes need).
 *
 * Layer and pooling were chosen by measurement: `npm run bench:encoder -- --layers
 * --per-class 3` (3 videos per class and split, all ten aspects, seeds 12, 22, 32, the
 * embedded study's probes, LSTM input not resized; 2 shared cores). Mean validation accuracy
 * over the ten aspects, linear / LSTM:
 *   expanded_conv_11/add (14x14x88), mean              45.7 / 48.1
 *   expanded_conv_11/add, mean + 4 quadrants           50.4 / 48.7
 *   expanded_conv_14/add (7x7x120), mean               60.4 / 62.6  (order 100, brightness 100)
 *   expanded_conv_14/add, mean + 4 quadrants           53.5 / 61.1  (LSTM order 77.8)
 *   extern1/hard_swish/mul_1 (7x7x480), mean           49.6 / (not finished in time)
 * The backbone's last block, averaged over the frame, reads the most: deeper maps know
 * objects (which item, where it is, how bright) rather than edges, and its quadrant tokens
 * add 4x the sequence length without helping either probe. The detector's own head
 * (extern1, 480 channels) is tuned to COCO boxes and reads less. One token per frame also
 * makes the LSTM 5x cheaper than five would.
 */
import type * as TF from "@tensorflow/tfjs";
import { tensorflow } from "../probes/tensor-backend";
import type { FrameEncoder } from "./frame-encoder";
import { type Pooling, poolFeatureMap, tokensPerFrame } from "./pool-feature-map";
import { MOBILENET_WEIGHTS_DIR, readMobilenetWeights } from "./read-mobilenet-weights";

export const MOBILENET_FRAME_SIZE = 224;

/**
 * The backbone's last block (7 x 7 x 120 at 224 x 224), its mean over the frame: one token
 * of 120 numbers per frame, [8, 120] per video. See the measurement in the head comment.
 */
export const MOBILENET_CHOICE: { layer: string; pooling: Pooling } = {
  layer: "tower_0/MobilenetV3/expanded_conv_14/add",
  pooling: "mean",
};

export interface MobilenetOptions {
  /** The folder of centernet.json and centernet.bin (default: the shipped one). */
  dir?: string;
  layer?: string;
  pooling?: Pooling;
  frameSize?: number;
}

/** A loaded graph and how to run it on frames to some of its nodes. */
export interface MobilenetGraph {
  weightsFile: string;
  sha256: string;
  /** Each layer's `[frames, h, w, c]` map of the frames at `frameIndices`. */
  featureMaps(
    rgb: Uint8Array,
    frameSize: number,
    frameIndices: number[],
    layers: string[],
  ): Promise<{ data: Float32Array; shape: [number, number, number, number] }[]>;
}

export async function loadMobilenetGraph(
  dir: string = MOBILENET_WEIGHTS_DIR,
): Promise<MobilenetGraph> {
  const weights = await readMobilenetWeights(dir);
  const tf = await tensorflow();
  const model = await tf.loadGraphModel(tf.io.fromMemory(weights.artifacts));
  return {
    weightsFile: weights.weightsFile,
    sha256: weights.sha256,
    async featureMaps(rgb, frameSize, frameIndices, layers) {
      const frameBytes = frameSize * frameSize * 3;
      const pixels = new Float32Array(frameIndices.length * frameBytes);
      frameIndices.forEach((f, i) =>
        pixels.set(rgb.subarray(f * frameBytes, (f + 1) * frameBytes), i * frameBytes),
      );
      const input = tf.tensor4d(pixels, [frameIndices.length, frameSize, frameSize, 3]);
      const outputs = model.execute(input, layers) as TF.Tensor | TF.Tensor[];
      input.dispose();
      const list = Array.isArray(outputs) ? outputs : [outputs];
      try {
        return await Promise.all(
          list.map(async (t) => ({
            data: new Float32Array(await t.data()),
            shape: t.shape as [number, number, number, number],
          })),
        );
      } finally {
        for (const t of list) t.dispose();
      }
    },
  };
}

export async function loadMobilenetEncoder(options: MobilenetOptions = {}): Promise<FrameEncoder> {
  const layer = options.layer ?? MOBILENET_CHOICE.layer;
  const pooling = options.pooling ?? MOBILENET_CHOICE.pooling;
  const frameSize = options.frameSize ?? MOBILENET_FRAME_SIZE;
  const graph = await loadMobilenetGraph(options.dir);
  // One frame through, to learn the layer's width (and fail early on a wrong layer name).
  const [probe] = await graph.featureMaps(
    new Uint8Array(frameSize * frameSize * 3),
    frameSize,
    [0],
    [layer],
  );
  return {
    encoder: "mobilenetv3",
    description: `MobileNetV3-Large 0.75 (COCO CenterNet backbone, pretrained, frozen), ${layer}, ${pooling} pooling (not LongVA's CLIP)`,
    layer,
    tokensPerFrame: tokensPerFrame(pooling),
    tokenDim: probe.shape[3],
    inputSize: [frameSize, frameSize],
    weightsFile: graph.weightsFile,
    weightsSha256: graph.sha256,
    async encode(rgb, frameIndices) {
      const [map] = await graph.featureMaps(rgb, frameSize, frameIndices, [layer]);
      return poolFeatureMap(map.data, map.shape, pooling);
    },
  };
}
