/**
 * LongVA-7B + T3: the released `t3_sft/longva_exp/longva_t3.sh` of llyx97/video-t3, run with
 * the LongVA codebase's `longva/train/train_mem.py` (EvolvingLMMs-Lab/LongVA) through
 * torchrun under Slurm, 1 node x 8 GPUs, DeepSpeed ZeRO-3 (`scripts/zero3.json`).
 */
import { type TrainingPreset, releasedArgs } from "./training-preset";

const SCRIPT = "llyx97/video-t3 t3_sft/longva_exp/longva_t3.sh";

const arg = releasedArgs(SCRIPT);

export const longvaPreset: TrainingPreset = {
  name: "longva-7b-t3",
  codebase: "longva",
  model: "LongVA-7B",
  summary: "LongVA-7B, all parts tuned, 1 epoch on a LLaVA-NeXT + T3 mix (ZeRO-3, torchrun/Slurm)",
  releasedFiles: [SCRIPT],
  hardware: { nodes: 1, gpusPerNode: 8 },
  hardwareSource: `${SCRIPT} (NNODES=1, GPUS_PER_NODE=8, #SBATCH --gres=gpu:8)`,
  batch: {
    hold: "global",
    globalBatch: 64,
    source: `${SCRIPT} (GLOBAL_BATCH_SIZE=64; GRADIENT_ACCU_STEPS = GLOBAL_BATCH_SIZE / NNODES / GPUS_PER_NODE / BATCH_SIZE)`,
  },
  args: [
    arg("deepspeed", "str", "scripts/zero3.json"),
    arg("model_name_or_path", "str", "lmms-lab/LongVA-7B", "model", "S2_CKPT"),
    arg("version", "str", "qwen_1_5", undefined, "PROMPT_VERSION"),
    arg("data_path", "str", "${DATA_ROOT}/${DATA_NAME}.json", "data"),
    arg("image_folder", "str", "${IMAGE_ROOT}", "image-folder"),
    arg("mm_tunable_parts", "str", "mm_vision_tower,mm_mlp_adapter,mm_language_model"),
    arg("mm_vision_tower_lr", "float", 2e-6),
    arg(
      "vision_tower",
      "str",
      "openai/clip-vit-large-patch14-336",
      undefined,
      "VISION_MODEL_VERSION",
    ),
    arg("mm_projector_type", "str", "mlp2x_gelu"),
    arg("mm_vision_select_layer", "int", -2),
    arg("mm_use_im_start_end", "bool", false),
    arg("mm_use_im_patch_token", "bool", false),
    arg("group_by_modality_length", "bool", true),
    arg("image_aspect_ratio", "str", "anyres"),
    arg("mm_patch_merge_type", "str", "unires"),
    arg("bf16", "bool", true),
    arg("run_name", "str", "${SAVE_PATH}", "run-name"),
    arg("output_dir", "str", "./checkpoints/${SAVE_PATH}", "output-dir"),
    arg("num_train_epochs", "int", 1),
    arg("per_device_train_batch_size", "int", 1, "per-device-batch", "BATCH_SIZE"),
    arg("per_device_eval_batch_size", "int", 4),
    arg(
      "gradient_accumulation_steps",
      "int",
      8,
      "gradient-accumulation",
      "GRADIENT_ACCU_STEPS = 64 / 1 / 8 / 1",
    ),
    arg("evaluation_strategy", "str", "no"),
    arg("save_strategy", "str", "steps"),
    arg("save_steps", "int", 3000),
    arg("save_total_limit", "int", 1),
    arg("learning_rate", "float", 1e-5),
    arg("weight_decay", "float", 0),
    arg("warmup_ratio", "float", 0.03),
    arg("lr_scheduler_type", "str", "cosine"),
    arg("logging_steps", "int", 1),
    arg("tf32", "bool", true),
    arg("model_max_length", "int", 32768),
    arg("gradient_checkpointing", "bool", true),
    arg("dataloader_num_workers", "int", 16),
    arg("lazy_preprocess", "bool", true),
    arg("report_to", "str", "wandb"),
    arg("torch_compile", "bool", true),
    arg("torch_compile_backend", "str", "inductor"),
    arg("dataloader_drop_last", "bool", true),
    arg("attn_implementation", "str", "sdpa"),
  ],
  env: [
    arg("CUDA_DEVICE_MAX_CONNECTIONS", "str", "1"),
    arg("NCCL_NET_PLUGIN", "str", "none"),
    arg("MASTER_PORT", "int", 32456),
  ],
  lengthKey: "model_max_length",
  lengthPreset: "longva",
  parametersB: 7,
  method: "full",
  zeroStage: 3,
};
