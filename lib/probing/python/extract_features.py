"""Extract a Video LLM's features of the probing videos on a GPU machine, in t3kit's layout:

    <out>/<aspect>/{train,val}/<class>/<video>.npy   float32 [tokens, dim]

It runs the released feature extraction of llyx97/video-t3 (`probing/longva_probing.py` or
`probing/vila_probing.py`: `encode_single_video` for `vis` features, `encode_single_video_llm`
for `llm` features, 8 frames by np.linspace) in the released environment
(`probing/setup_env_longva.sh` / `setup_env_vila.sh`), and saves numpy files instead of .pt.
Then, on any machine: `npx t3kit probe train --features <out> ...`.

    python lib/probing/python/extract_features.py --released /path/to/video-t3/probing \
        --model longva --feat-type vis --videos datas/videos --out features/longva-vis \
        [--model-path lmms-lab/LongVA-7B-DPO] [--aspects order,order_3,...] [--llm-layer N]

Which layer `llm` features come from, as the released functions take it: LongVA's
`encode_single_video_llm` returns `hidden_states[0]` of the forward pass (the embedding
output the LLM's first layer reads: the projected visual tokens, before any LLM layer);
VILA's returns `hidden_states[-1]` (the last layer). `--llm-layer N` takes layer N instead
(Python indexing: 0 the embeddings, -1 the last), for either model.
"""
import argparse
import os
import sys

import numpy as np

ASPECT_DIRS = {
    "blooming": ("blooming_black_bg", "blooming_white_bg"),
    "brightness": ("bright_dark_car", "bright_dark_cat"),
    "order": ("order/black_bg", "order/white_bg"),
    "order_3": ("order_3/black_bg", "order_3/white_bg"),
    "referring_begin": ("referring/black_bg/begin", "referring/white_bg/begin"),
    "referring_middle": ("referring/black_bg/middle", "referring/white_bg/middle"),
    "referring_end": ("referring/black_bg/end", "referring/white_bg/end"),
    "grounding_people": ("grounding/black_bg/people", "grounding/white_bg/people"),
    "grounding_cats": ("grounding/black_bg/cats", "grounding/white_bg/cats"),
    "grounding_bloom": ("grounding/black_bg/bloom", "grounding/white_bg/bloom"),
}


def save_npy(path, tensor):
    """Writes aside and renames, so an interrupted run leaves no half-written file."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp.npy"
    np.save(tmp, tensor.float().cpu().numpy().astype(np.float32))
    os.replace(tmp, path)


def with_hidden_layer(forward, layer):
    """`forward` whose output's `hidden_states` holds layer `layer` at every index, so the
    released function's own index ([0] or [-1]) picks the chosen layer."""

    def chosen(*a, **kw):
        out = forward(*a, **kw)
        states = out["hidden_states"]
        out["hidden_states"] = tuple(states[layer] for _ in states)
        return out

    return chosen


def load_model(args):
    sys.path.insert(0, args.released)
    if args.model == "longva":
        import longva_probing as released
        from longva.model.builder import load_pretrained_model

        tokenizer, model, image_processor, _ = load_pretrained_model(
            args.model_path or "lmms-lab/LongVA-7B-DPO", None, "llava_qwen", device_map="cuda:0")
        released.image_processor = image_processor  # encode_single_video_llm reads this global

        if args.llm_layer is not None:
            model.forward = with_hidden_layer(model.forward, args.llm_layer)

        def encode(path):
            if args.feat_type == "vis":
                return released.encode_single_video(
                    path, 8, model.model.vision_tower, model.model.mm_projector, model.config)
            return released.encode_single_video_llm(model, tokenizer, path, 8)
    else:
        import vila_probing as released
        from llava.mm_utils import get_model_name_from_path
        from llava.model.builder import load_pretrained_model

        model_path = args.model_path or "Efficient-Large-Model/Llama-3-VILA1.5-8B"
        tokenizer, model, _, _ = load_pretrained_model(model_path, get_model_name_from_path(model_path), None)
        if args.llm_layer is not None:
            model.llm.forward = with_hidden_layer(model.llm.forward, args.llm_layer)

        def encode(path):
            if args.feat_type == "vis":
                return released.encode_single_video(path, 8, model)
            return released.encode_single_video_llm(model, tokenizer, path, 8)
    return encode


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--released", required=True, help="the released video-t3/probing folder")
    parser.add_argument("--model", choices=["longva", "vila"], default="longva")
    parser.add_argument("--model-path")
    parser.add_argument("--feat-type", choices=["vis", "llm"], default="vis")
    parser.add_argument("--videos", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--aspects", default=",".join(ASPECT_DIRS))
    parser.add_argument("--llm-layer", type=int, default=None,
                        help="llm features from this hidden layer (default: the released one: "
                             "LongVA hidden_states[0], VILA hidden_states[-1])")
    args = parser.parse_args()
    encode = load_model(args)
    for aspect in args.aspects.split(","):
        train_dir, val_dir = ASPECT_DIRS[aspect]
        classes = sorted(os.listdir(os.path.join(args.videos, val_dir)))
        for split, folder in (("train", train_dir), ("val", val_dir)):
            for category in classes:
                source = os.path.join(args.videos, folder, category)
                for name in sorted(f for f in os.listdir(source) if f.endswith(".mp4")):
                    target = os.path.join(args.out, aspect, split, category, name[:-4] + ".npy")
                    if os.path.exists(target):
                        continue
                    feats = encode(os.path.join(source, name))
                    if feats.dim() == 3:  # VILA: [frames, tokens, dim], flattened as the released view(N, -1, D)
                        feats = feats.reshape(-1, feats.shape[-1])
                    save_npy(target, feats)
        print(f"{aspect}: done", flush=True)


if __name__ == "__main__":
    main()
