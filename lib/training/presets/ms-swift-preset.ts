/**
 * Qwen2-VL-72B + T3 with ms-swift 2.x LoRA: the released `t3_sft/qwen_exp/72b/run_72b_video.sh`
 * of llyx97/video-t3 (`swift sft …`, 8 GPUs, DeepSpeed default-zero3, 1000 steps), with its
 * environment: MAX_PIXELS, SIZE_FACTOR, NFRAMES, NPROC_PER_NODE.
 */
import { type TrainingPreset, releasedArgs } from "./training-preset";

const SCRIPT = "llyx97/video-t3 t3_sft/qwen_exp/72b/run_72b_video.sh";

const arg = releasedArgs(SCRIPT);

export const msSwiftPreset: TrainingPreset = {
  name: "qwen2-vl-72b-t3",
  codebase: "ms-swift",
  model: "Qwen2-VL-72B-Instruct",
  summary: "Qwen2-VL-72B-Instruct, LoRA, vision frozen, 1000 steps (ms-swift 2.x, ZeRO-3)",
  releasedFiles: [SCRIPT],
  hardware: { nodes: 1, gpusPerNode: 8 },
  hardwareSource: `${SCRIPT} (NPROC_PER_NODE=8, CUDA_VISIBLE_DEVICES=0,1,2,3,4,5,6,7)`,
  batch: { hold: "accumulation", source: `${SCRIPT} (--gradient_accumulation_steps 8)` },
  args: [
    arg("model_type", "str", "qwen2-vl-72b-instruct"),
    arg("model_id_or_path", "str", "/home/lilei/Qwen2-VL-72B-Instruct", "model"),
    arg("sft_type", "str", "lora"),
    arg("freeze_vit", "bool", true),
    arg("learning_rate", "float", 1e-5),
    arg("weight_decay", "float", 0.03),
    arg("dataset", "str", "${DATA_DIR}/${FILE_NAME}", "data"),
    arg("val_dataset", "str", "${DATA_DIR}/ms.val.jsonl", "val-data"),
    arg("save_steps", "int", 100),
    arg("max_steps", "int", 1000),
    arg("gradient_accumulation_steps", "int", 8, "gradient-accumulation"),
    arg("batch_size", "int", 1, "per-device-batch"),
    arg("gradient_checkpointing", "bool", true),
    arg("output_dir", "str", "save/72b_lora_T3-66K_video${RATIO}", "output-dir"),
    arg("max_length", "int", 5120),
    arg("dataloader_num_workers", "int", 2),
    arg("warmup_ratio", "float", 0.03),
    arg("deepspeed", "str", "default-zero3"),
    arg("dtype", "str", "bf16"),
  ],
  env: [
    arg("SIZE_FACTOR", "int", 8),
    arg("MAX_PIXELS", "int", 401408, undefined, "512 * 28 * 28"),
    arg("NPROC_PER_NODE", "int", 8),
    arg("NFRAMES", "int", 8),
    arg("CUDA_VISIBLE_DEVICES", "str", "0,1,2,3,4,5,6,7"),
  ],
  lengthKey: "max_length",
  lengthPreset: "qwen2vl-72b",
  parametersB: 72,
  lora: {
    trainableB: 0.105,
    source:
      "kit estimate: ms-swift's default LoRA (r=8, every linear layer of the LLM) on Qwen2-72B's shapes (80 layers, hidden 8192, MLP 29568, 8 KV heads of 128); not checked against a checkpoint",
  },
  method: "lora",
  zeroStage: 3,
};
