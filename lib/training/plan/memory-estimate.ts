/**
 * Model-state memory per GPU under DeepSpeed ZeRO with mixed-precision Adam, by the ZeRO
 * paper's accounting (Rajbhandari et al., 2020, §3): for Ψ parameters, bf16 weights 2Ψ
 * bytes, bf16 gradients 2Ψ, fp32 master weights + Adam momentum + variance 12Ψ (K = 12).
 * - ZeRO-2 shards gradients and optimizer states: 2Ψ + (2 + 12)Ψ / N per GPU;
 * - ZeRO-3 shards the weights too: (2 + 2 + 12)Ψ / N;
 * - LoRA: the frozen base keeps only bf16 weights (2Ψ, sharded by ZeRO-3), the adapter's
 *   Ψ_L trainable parameters carry the full 16 bytes each.
 * Activations, the CUDA context and fragmentation come on top: they depend on sequence
 * length and gradient checkpointing and are not estimated here (the plan says so).
 */
import type { TrainingPlan } from "./plan-training";

export interface MemoryEstimate {
  /** Bytes per GPU for weights, gradients and optimizer states. */
  bytesPerGpu: number;
  gibPerGpu: number;
  formula: string;
  /** The same with Ψ, N and the trainable count put in. */
  worked: string;
}

export interface MemoryInput {
  parameters: number;
  gpus: number;
  zeroStage: 2 | 3;
  method: "full" | "lora";
  /** LoRA trainable parameters (Ψ_L). */
  trainable?: number;
}

const GIB = 1024 ** 3;

export function estimateModelStateMemory(m: MemoryInput): MemoryEstimate {
  const P = m.parameters;
  const N = m.gpus;
  const fmt = (x: number) => String(Number((x / 1e9).toPrecision(4)));
  let bytes: number;
  let formula: string;
  let worked: string;
  if (m.method === "lora") {
    const L = m.trainable ?? 0;
    const base = m.zeroStage === 3 ? (2 * P) / N : 2 * P;
    bytes = base + (16 * L) / N;
    formula = m.zeroStage === 3 ? "2Ψ/N + 16Ψ_L/N" : "2Ψ + 16Ψ_L/N";
    worked = `${m.zeroStage === 3 ? `2 x ${fmt(P)}e9 / ${N}` : `2 x ${fmt(P)}e9`} + 16 x ${fmt(L)}e9 / ${N} bytes`;
  } else if (m.zeroStage === 3) {
    bytes = (16 * P) / N;
    formula = "(2 + 2 + 12)Ψ / N";
    worked = `16 x ${fmt(P)}e9 / ${N} bytes`;
  } else {
    bytes = 2 * P + (14 * P) / N;
    formula = "2Ψ + (2 + 12)Ψ / N";
    worked = `2 x ${fmt(P)}e9 + 14 x ${fmt(P)}e9 / ${N} bytes`;
  }
  return { bytesPerGpu: bytes, gibPerGpu: bytes / GIB, formula, worked };
}

/** The model states per GPU of a plan: its preset's model, method and ZeRO stage on all its GPUs. */
export function planModelStateMemory(plan: TrainingPlan): MemoryEstimate {
  const { preset, hardware } = plan;
  return estimateModelStateMemory({
    parameters: preset.parametersB * 1e9,
    gpus: hardware.gpusPerNode * hardware.nodes,
    zeroStage: preset.zeroStage,
    method: preset.method,
    trainable: (preset.lora?.trainableB ?? 0) * 1e9,
  });
}
