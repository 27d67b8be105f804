/**
 * Sequence-length limits of the paper's three training runs, as presets for filtering:
 * each names the limit, the template and the vision settings its framework uses.
 */
import type { TemplateName } from "./template/chat-template-pieces";
import { llamaFactoryV091Limits } from "./visual/llamafactory-media";
import type { VisualSettings } from "./visual/visual-settings";

export interface LengthPreset {
  name: string;
  maxTokens: number;
  template: TemplateName;
  visual: Partial<VisualSettings>;
  /** Where the number comes from. */
  source: string;
}

export const lengthPresets: Record<string, LengthPreset> = {
  longva: {
    name: "longva",
    maxTokens: 32768,
    template: "longva",
    visual: { vision: "longva" },
    source: "llyx97/video-t3 t3_sft/longva_exp/longva_t3.sh: --model_max_length 32768",
  },
  "qwen2vl-7b": {
    name: "qwen2vl-7b",
    maxTokens: 8192,
    template: "qwen2vl",
    // The config sets no image_resolution / video_* keys: LLaMA-Factory v0.9.1's defaults,
    // the release's codebase. `llamaFactoryVersion: "0.9.2"` (--llamafactory-version) counts
    // as v0.9.2 does instead (llamafactory-media.ts).
    visual: { vision: "qwen2vl", llamaFactory: llamaFactoryV091Limits },
    source:
      "llyx97/video-t3 t3_sft/qwen_exp/7b/llama_factory_7b_config.yaml: cutoff_len 8192; hiyouga/LLaMA-Factory v0.9.1 mm_plugin.py image and video limits",
  },
  "qwen2vl-72b": {
    name: "qwen2vl-72b",
    maxTokens: 5120,
    template: "qwen2vl",
    visual: { vision: "qwen2vl", maxPixels: 401408, videoFrames: 8 },
    source:
      "llyx97/video-t3 t3_sft/qwen_exp/72b/run_72b_video.sh: --max_length 5120, MAX_PIXELS=401408, NFRAMES=8",
  },
};

/** The preset called `name`, or undefined. */
export function lengthPreset(name: string): LengthPreset | undefined {
  return Object.prototype.hasOwnProperty.call(lengthPresets, name)
    ? lengthPresets[name]
    : undefined;
}
