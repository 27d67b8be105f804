/**
 * Batch arithmetic: per-device batch x gradient accumulation x GPUs per node x nodes =
 * global batch. The released LongVA script derives accumulation with shell integer division
 * (`$((GLOBAL_BATCH_SIZE / NNODES / GPUS_PER_NODE / BATCH_SIZE))`), which silently shrinks
 * the global batch when it does not divide; here that is refused with the numbers.
 */
import { InputError } from "../../errors/index";

export interface BatchPlan {
  perDevice: number;
  gradientAccumulation: number;
  gpusPerNode: number;
  nodes: number;
  /** perDevice x gradientAccumulation x gpusPerNode x nodes. */
  global: number;
  /** Which number the user (or the released run) fixed; the other was derived. */
  held: "global" | "accumulation";
}

export interface BatchRequest {
  perDevice: number;
  gpusPerNode: number;
  nodes: number;
  /** Hold the global batch: accumulation is derived. */
  global?: number;
  /** Hold accumulation: the global batch is derived. */
  gradientAccumulation?: number;
}

/**
 * The batch plan for `req`. Holding the global batch, it must be a whole multiple of
 * perDevice x GPUs x nodes, e.g. 64 on 1 node x 8 GPUs at 1 per device = accumulation 8;
 * 64 on 3 GPUs is refused (64 / 3 is not whole).
 */
export function planBatch(req: BatchRequest, file = "<spec>"): BatchPlan {
  const { perDevice, gpusPerNode, nodes } = req;
  const perStep = perDevice * gpusPerNode * nodes;
  if (req.global !== undefined) {
    const accumulation = req.global / perStep;
    if (!Number.isInteger(accumulation) || accumulation < 1) {
      throw new InputError(
        { file, field: "batch.global" },
        `global batch ${req.global} cannot be split over ${perDevice} per device x ${gpusPerNode} GPUs x ${nodes} node(s) = ${perStep} per step: ${req.global} / ${perStep} = ${(req.global / perStep).toFixed(3)} is not a whole number of accumulation steps. ${suggestion(req.global, perDevice, gpusPerNode, nodes)}`,
      );
    }
    return {
      perDevice,
      gradientAccumulation: accumulation,
      gpusPerNode,
      nodes,
      global: req.global,
      held: "global",
    };
  }
  const accumulation = req.gradientAccumulation ?? 1;
  return {
    perDevice,
    gradientAccumulation: accumulation,
    gpusPerNode,
    nodes,
    global: perStep * accumulation,
    held: "accumulation",
  };
}

/** A nearby global batch that divides, and GPU counts that divide the asked one. */
function suggestion(global: number, perDevice: number, gpus: number, nodes: number): string {
  const perStep = perDevice * gpus * nodes;
  const lower = Math.floor(global / perStep) * perStep;
  const upper = lower + perStep;
  const near = [lower, upper].filter((g) => g >= perStep);
  const gpuCounts: number[] = [];
  for (let g = 1; g <= Math.min(global, 64); g++)
    if ((global / (perDevice * g * nodes)) % 1 === 0) gpuCounts.push(g);
  return `Use global batch ${near.join(" or ")}, or ${gpuCounts.join(", ")} GPUs per node.`;
}
