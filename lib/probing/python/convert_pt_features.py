"""Convert the released feature files (`torch.save` tensors) to t3kit's `.npy` layout.

The released probing code writes
    <output_path>/features/<longva|vila>/<vis|llm>/<aspect>/<train|val>/<class>/<video>.pt
and this writes
    <out>/<aspect>/<train|val>/<class>/<video>.npy      float32 [tokens, dim]
(VILA's [frames, tokens, dim] is flattened to [frames * tokens, dim], as its `view(N, -1, D)`).

    python lib/probing/python/convert_pt_features.py outputs/features/longva/vis features/longva-vis
"""
import os
import sys

import numpy as np
import torch


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, out = sys.argv[1], sys.argv[2]
    count = 0
    for folder, _, files in os.walk(source):
        for name in sorted(f for f in files if f.endswith(".pt")):
            tensor = torch.load(os.path.join(folder, name), map_location="cpu").float()
            if tensor.dim() == 3:
                tensor = tensor.reshape(-1, tensor.shape[-1])
            if tensor.dim() != 2:
                sys.exit(f"{os.path.join(folder, name)}: shape {tuple(tensor.shape)} is not [tokens, dim]")
            target = os.path.join(out, os.path.relpath(folder, source), name[:-3] + ".npy")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            tmp = f"{target}.{os.getpid()}.tmp.npy"
            np.save(tmp, tensor.numpy().astype(np.float32))
            os.replace(tmp, target)
            count += 1
    print(f"{count} feature files -> {out}")


if __name__ == "__main__":
    main()
