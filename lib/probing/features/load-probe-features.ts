/**
 * Reads one aspect's features from `<features>/<aspect>/{train,val}/<class>/<video>.npy`
 * (or `.safetensors`): labels are the class folders' places in sorted order, samples are
 * class by class in file-name order (the released code concatenates class by class, then
 * batches without shuffling). Every file must hold float `[tokens, dim]` (or VILA's
 * `[frames, tokens, dim]`, flattened as `view(N, -1, D)`), all of one shape, as
 * `torch.stack` requires; a file that does not names itself and the shape it should have.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../../errors/index";
import type { ProbeData } from "../probes/train-probe";
import { listClassFiles } from "../videos/list-aspect-videos";
import { type FeatureTensor, parseNpy } from "./npy-file";
import { parseSafetensors } from "./safetensors-file";

export interface AspectFeatures {
  aspect: string;
  classes: string[];
  train: ProbeData;
  val: ProbeData;
  /** The files of each sample, same order as the data. */
  files: { train: string[]; val: string[] };
}

async function readFeatureFile(file: string): Promise<FeatureTensor> {
  const bytes = await readFile(file);
  const tensor = file.endsWith(".safetensors")
    ? parseSafetensors(bytes, file)
    : parseNpy(bytes, file);
  if (tensor.shape.length === 3) {
    const [frames, tokens, dim] = tensor.shape;
    return { shape: [frames * tokens, dim], data: tensor.data };
  }
  if (tensor.shape.length !== 2)
    throw new InputError({ file }, `shape (${tensor.shape}) is not [tokens, dim]`);
  if (tensor.shape[0] < 1 || tensor.shape[1] < 1)
    throw new InputError({ file }, `empty features, shape (${tensor.shape})`);
  for (const v of tensor.data)
    if (!Number.isFinite(v)) throw new InputError({ file }, "features contain NaN or infinity");
  return tensor;
}

export async function loadAspectFeatures(root: string, aspect: string): Promise<AspectFeatures> {
  const { classes, files } = await listClassFiles(
    join(root, aspect, "train"),
    join(root, aspect, "val"),
    [".npy", ".safetensors"],
  );
  let shape: number[] | undefined;
  let shapeFile = "";
  const split = async (which: "train" | "val"): Promise<{ data: ProbeData; paths: string[] }> => {
    const paths = files[which].flat();
    const labels = Int32Array.from(files[which].flatMap((group, label) => group.map(() => label)));
    const tensors: FeatureTensor[] = [];
    for (const file of paths) {
      const t = await readFeatureFile(file);
      if (!shape) {
        shape = t.shape;
        shapeFile = file;
      } else if (t.shape[0] !== shape[0] || t.shape[1] !== shape[1])
        throw new InputError(
          { file },
          `shape (${t.shape}) differs from (${shape}) of ${shapeFile}`,
        );
      tensors.push(t);
    }
    const [tokens, dim] = shape ?? [0, 0];
    const x = new Float32Array(paths.length * tokens * dim);
    tensors.forEach((t, i) => x.set(t.data, i * tokens * dim));
    return { data: { x, n: paths.length, tokens, dim, labels }, paths };
  };
  const train = await split("train");
  const val = await split("val");
  return {
    aspect,
    classes,
    train: train.data,
    val: val.data,
    files: { train: train.paths, val: val.paths },
  };
}
