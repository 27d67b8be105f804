"""Visual tokens of Qwen2-VL as LLaMA-Factory v0.9.1 or v0.9.2 feeds them.

LLaMA-Factory's own functions, copied from the tags below with `self` dropped and `super()`
named, run on real PIL images (Debian's python3-pil) and, for files, real PyAV streams
(python3-av) and numpy's linspace, as LLaMA-Factory runs them:
- hiyouga/LLaMA-Factory v0.9.1 (57354fc) src/llamafactory/data/mm_plugin.py
  BasePlugin._preprocess_image L80-93, BasePlugin._get_video_sample_frames L95-103,
  BasePlugin._regularize_videos L129-149, Qwen2vlPlugin._preprocess_image L535-549,
  Qwen2vlPlugin._get_video_sample_frames L551-555, defaults in BasePlugin._get_mm_inputs
  L175-184 (image_resolution 512*512, video_resolution 128*128, video_fps 2.0,
  video_maxlen 64).
- hiyouga/LLaMA-Factory v0.9.2 (e2299e2) src/llamafactory/data/mm_plugin.py
  MMPluginMixin._preprocess_image L119-138, MMPluginMixin._get_video_sample_indices
  L140-152, Qwen2VLPlugin._preprocess_image L1040-1055, Qwen2VLPlugin._regularize_videos
  L1057-1082, defaults in Qwen2VLPlugin._get_mm_inputs L1094-1109 (image_max_pixels 768*768,
  image_min_pixels 32*32, video_max_pixels 256*256, video_min_pixels 16*16, video_fps 2.0,
  video_maxlen 128); hparams/model_args.py L219-242 has the same defaults.
Then huggingface/transformers models/qwen2_vl/image_processing_qwen2_vl.py smart_resize
(factor 28, min_pixels 56*56, max_pixels 28*28*1280), patch 14, merge 2, temporal patch 2.

stdin: {"version": "0.9.1" | "0.9.2" (default 0.9.1), "images": [[w, h], ...],
        "videos": [[w, h, total_frames, seconds], ...], "files": [path, ...]}
  "videos" stand for a stream with that frame count header and duration whose decoding
  meets `total_frames` frames; "files" are real videos, opened and decoded with PyAV.
stdout: {"images": [tokens | "error: ..."], "videos": [[frames, tokens] | "error: ..."],
         "files": [[frames, tokens] | "error: ..."]} (tokens with <|vision_start|> and
<|vision_end|>; an error is what LLaMA-Factory would raise on that record).
"""
import json
import math
import sys

import av
import numpy as np
from PIL import Image

DEFAULTS = {
    "0.9.1": dict(image_resolution=512 * 512, video_resolution=128 * 128, video_fps=2.0, video_maxlen=64),
    "0.9.2": dict(
        image_max_pixels=768 * 768,
        image_min_pixels=32 * 32,
        video_max_pixels=256 * 256,
        video_min_pixels=16 * 16,
        video_fps=2.0,
        video_maxlen=128,
    ),
}


# ---- v0.9.1 -------------------------------------------------------------------------

def v091_base_preprocess_image(image, **kwargs):  # L80-93
    image_resolution: int = kwargs.get("image_resolution")
    if (image.width * image.height) > image_resolution:
        resize_factor = math.sqrt(image_resolution / (image.width * image.height))
        width, height = int(image.width * resize_factor), int(image.height * resize_factor)
        image = image.resize((width, height), resample=Image.NEAREST)

    if image.mode != "RGB":
        image = image.convert("RGB")

    return image


def v091_preprocess_image(image, **kwargs):  # Qwen2vlPlugin L535-549
    image = v091_base_preprocess_image(image, **kwargs)
    if min(image.width, image.height) < 28:
        width, height = max(image.width, 28), max(image.height, 28)
        image = image.resize((width, height), resample=Image.NEAREST)

    if image.width / image.height > 200:
        width, height = image.height * 180, image.height
        image = image.resize((width, height), resample=Image.NEAREST)

    if image.height / image.width > 200:
        width, height = image.width, image.width * 180
        image = image.resize((width, height), resample=Image.NEAREST)

    return image


def v091_base_get_video_sample_frames(video_stream, **kwargs):  # L95-103
    video_fps: float = kwargs.get("video_fps")
    video_maxlen: int = kwargs.get("video_maxlen")
    total_frames = video_stream.frames
    sample_frames = float(video_stream.duration * video_stream.time_base) * video_fps
    sample_frames = min(total_frames, video_maxlen, sample_frames)
    return math.floor(sample_frames)


def v091_get_video_sample_frames(video_stream, **kwargs):  # Qwen2vlPlugin L551-555
    sample_frames = v091_base_get_video_sample_frames(video_stream, **kwargs)
    sample_frames = sample_frames // 2 * 2
    return sample_frames


def v091_regularize_videos(container, video_stream, **kwargs):  # L129-149, one video
    total_frames = video_stream.frames
    sample_frames = v091_get_video_sample_frames(video_stream, **kwargs)
    sample_indices = np.linspace(0, total_frames - 1, sample_frames).astype(np.int32)
    frames = []
    container.seek(0)
    for frame_idx, frame in enumerate(container.decode(video_stream)):
        if frame_idx in sample_indices:
            frames.append(frame.to_image())

    return [v091_preprocess_image(f, **kwargs) for f in frames]


# ---- v0.9.2 -------------------------------------------------------------------------

def v092_base_preprocess_image(image, image_max_pixels, image_min_pixels, **kwargs):  # L119-138
    if (image.width * image.height) > image_max_pixels:
        resize_factor = math.sqrt(image_max_pixels / (image.width * image.height))
        width, height = int(image.width * resize_factor), int(image.height * resize_factor)
        image = image.resize((width, height))

    if (image.width * image.height) < image_min_pixels:
        resize_factor = math.sqrt(image_min_pixels / (image.width * image.height))
        width, height = int(image.width * resize_factor), int(image.height * resize_factor)
        image = image.resize((width, height))

    if image.mode != "RGB":
        image = image.convert("RGB")

    return image


def v092_preprocess_image(image, **kwargs):  # Qwen2VLPlugin L1040-1055
    image = v092_base_preprocess_image(image, **kwargs)
    if min(image.width, image.height) < 28:
        width, height = max(image.width, 28), max(image.height, 28)
        image = image.resize((width, height))

    if image.width / image.height > 200:
        width, height = image.height * 180, image.height
        image = image.resize((width, height))

    if image.height / image.width > 200:
        width, height = image.width, image.width * 180
        image = image.resize((width, height))

    return image


def v092_get_video_sample_indices(video_stream, video_fps, video_maxlen, **kwargs):  # L140-152
    total_frames = video_stream.frames
    if total_frames == 0:  # infinite video
        return np.linspace(0, video_maxlen - 1, video_maxlen).astype(np.int32)

    sample_frames = math.floor(float(video_stream.duration * video_stream.time_base) * video_fps)
    sample_frames = min(total_frames, video_maxlen, sample_frames)
    return np.linspace(0, total_frames - 1, sample_frames).astype(np.int32)


def v092_regularize_videos(container, video_stream, **kwargs):  # L1057-1082, one video
    sample_indices = v092_get_video_sample_indices(video_stream, **kwargs)
    frames = []
    container.seek(0)
    for frame_idx, frame in enumerate(container.decode(video_stream)):
        if frame_idx in sample_indices:
            frames.append(frame.to_image())

    if len(frames) % 2 != 0:  # qwen2-vl requires even number of frames
        frames.append(frames[-1])

    return [v092_preprocess_image(f, **kwargs) for f in frames]


# ---- the kwargs each tag's _get_mm_inputs passes ------------------------------------

def image_kwargs(version):
    d = DEFAULTS[version]
    if version == "0.9.1":
        return dict(image_resolution=d["image_resolution"])
    return dict(image_max_pixels=d["image_max_pixels"], image_min_pixels=d["image_min_pixels"])


def video_kwargs(version):
    d = DEFAULTS[version]
    if version == "0.9.1":
        size = dict(image_resolution=d["video_resolution"])
    else:
        size = dict(image_max_pixels=d["video_max_pixels"], image_min_pixels=d["video_min_pixels"])
    return dict(size, video_fps=d["video_fps"], video_maxlen=d["video_maxlen"])


PREPROCESS = {"0.9.1": v091_preprocess_image, "0.9.2": v092_preprocess_image}
REGULARIZE_VIDEOS = {"0.9.1": v091_regularize_videos, "0.9.2": v092_regularize_videos}


# ---- transformers' Qwen2-VL image processor -----------------------------------------

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


def grid_tokens(image):
    rh, rw = smart_resize(image.height, image.width)
    return (rh // 14) * (rw // 14) // 4


def image_tokens(version, w, h):
    # Mode "1" keeps the biggest test images small in memory; the sizes are what matter.
    image = PREPROCESS[version](Image.new("1", (w, h)), **image_kwargs(version))
    return grid_tokens(image) + 2


def video_frames_tokens(frames):
    if len(frames) == 0:
        raise ValueError("no frame sampled: Qwen2-VL's processor gets an empty video")
    # grid_t = frames / temporal_patch_size 2; every frame has the first one's size.
    return [len(frames), len(frames) // 2 * grid_tokens(frames[0]) + 2]


class Stream:
    """A PyAV video stream's header as LLaMA-Factory reads it: frames, duration, time_base."""

    def __init__(self, total_frames, seconds):
        from fractions import Fraction

        self.frames = total_frames
        # duration · time_base is then the stated seconds exactly.
        self.time_base = Fraction(1)
        self.duration = None if seconds is None else Fraction(seconds)


class Container:
    """Decoding meets `decoded` frames of w x h (one image, shared: only sizes matter)."""

    def __init__(self, w, h, decoded):
        self.frame, self.decoded = Frame(Image.new("1", (w, h))), decoded

    def seek(self, _):
        pass

    def decode(self, _):
        for _ in range(self.decoded):
            yield self.frame


class Frame:
    def __init__(self, image):
        self.image = image

    def to_image(self):
        return self.image


def stated_video(version, w, h, total, seconds, decoded=None):
    stream = Stream(total, seconds)
    container = Container(w, h, total if decoded is None else decoded)
    return video_frames_tokens(REGULARIZE_VIDEOS[version](container, stream, **video_kwargs(version)))


def file_video(version, path):
    container = av.open(path, "r")
    video_stream = next(stream for stream in container.streams if stream.type == "video")
    return video_frames_tokens(REGULARIZE_VIDEOS[version](container, video_stream, **video_kwargs(version)))


def guarded(f, *args):
    try:
        return f(*args)
    except Exception as e:  # what LLaMA-Factory would raise on the record
        return f"error: {type(e).__name__}: {e}"


d = json.load(sys.stdin)
version = d.get("version", "0.9.1")
print(json.dumps({
    "images": [guarded(image_tokens, version, w, h) for w, h in d.get("images", [])],
    "videos": [guarded(stated_video, version, *v) for v in d.get("videos", [])],
    "files": [guarded(file_video, version, p) for p in d.get("files", [])],
}))
