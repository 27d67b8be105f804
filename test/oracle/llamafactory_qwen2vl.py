"""Visual tokens of Qwen2-VL as LLaMA-Factory v0.9.1 feeds them: a transcription.

Sources (read at the tags named):
- hiyouga/LLaMA-Factory v0.9.1 src/llamafactory/data/mm_plugin.py
  BasePlugin._preprocess_image L80-93, BasePlugin._get_video_sample_frames L95-103,
  Qwen2vlPlugin._preprocess_image L535-549, Qwen2vlPlugin._get_video_sample_frames L551-555,
  defaults in BasePlugin._get_mm_inputs L175-184 (image_resolution 512*512,
  video_resolution 128*128, video_fps 2.0, video_maxlen 64).
- huggingface/transformers models/qwen2_vl/image_processing_qwen2_vl.py smart_resize
  (factor 28, min_pixels 56*56, max_pixels 28*28*1280), patch 14, merge 2, temporal patch 2.
Images are sizes only: PIL's resize gives the (width, height) asked for.

stdin: {"images": [[w, h], ...], "videos": [[w, h, total_frames, seconds], ...]}
stdout: {"images": [tokens...], "videos": [[frames, tokens]...]} (tokens with the two
<|vision_start|>/<|vision_end|> markers).
"""
import json
import math
import sys

IMAGE_RESOLUTION = 512 * 512
VIDEO_RESOLUTION = 128 * 128
VIDEO_FPS = 2.0
VIDEO_MAXLEN = 64


def base_preprocess(w, h, image_resolution):
    if (w * h) > image_resolution:
        resize_factor = math.sqrt(image_resolution / (w * h))
        w, h = int(w * resize_factor), int(h * resize_factor)
    return w, h


def qwen2vl_preprocess(w, h, image_resolution):
    w, h = base_preprocess(w, h, image_resolution)
    if min(w, h) < 28:
        w, h = max(w, 28), max(h, 28)
    if w / h > 200:
        w, h = h * 180, h
    if h / w > 200:
        w, h = w, w * 180
    return w, h


def smart_resize(height, width, factor=28, min_pixels=56 * 56, max_pixels=28 * 28 * 1280):
    h_bar = max(factor, round(height / factor) * factor)
    w_bar = max(factor, round(width / factor) * factor)
    if h_bar * w_bar > max_pixels:
        beta = math.sqrt((height * width) / max_pixels)
        h_bar = math.floor(height / beta / factor) * factor
        w_bar = math.floor(width / beta / factor) * factor
    elif h_bar * w_bar < min_pixels:
        beta = math.sqrt(min_pixels / (height * width))
        h_bar = math.ceil(height * beta / factor) * factor
        w_bar = math.ceil(width * beta / factor) * factor
    return h_bar, w_bar


def sample_frames(total_frames, seconds):
    n = seconds * VIDEO_FPS
    n = min(total_frames, VIDEO_MAXLEN, n)
    return math.floor(n) // 2 * 2


def image_tokens(w, h):
    w, h = qwen2vl_preprocess(w, h, IMAGE_RESOLUTION)
    rh, rw = smart_resize(h, w)
    return (rh // 14) * (rw // 14) // 4 + 2


def video_tokens(w, h, total_frames, seconds):
    t = sample_frames(total_frames, seconds)
    w, h = qwen2vl_preprocess(w, h, VIDEO_RESOLUTION)
    rh, rw = smart_resize(h, w)
    return t, (t // 2) * (rh // 14) * (rw // 14) // 4 + 2


d = json.load(sys.stdin)
print(json.dumps({
    "images": [image_tokens(w, h) for w, h in d.get("images", [])],
    "videos": [list(video_tokens(*v)) for v in d.get("videos", [])],
}))
