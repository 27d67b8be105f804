"""Paper-sized probes in PyTorch on a GPU, over t3kit's feature layout; prints the same JSON as
`npx t3kit probe train --json` so the kit reads the results into the same table
(`readProbeResults`). The architectures, optimiser, batches, epochs and seeds are the released
ones (`probing/longva_probing.py` in llyx97/video-t3): linear probe on the last token (Adam 5e-4,
batch 800); LSTM hidden 128 on features bilinearly resized to 128 x 1024 (Adam 5e-5, batch 64).
Labels: class folders in sorted order (the released code uses os.listdir order).

    python lib/probing/python/torch_probes.py --features features/longva-vis --probe lstm \
        [--aspects order,order_3] [--seeds 12,22,32,42,52] > probe-results.json
"""
import argparse
import json
import os
import random
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

EPOCHS = {
    "linear": {"order": 100},
    "lstm": {"order": 15, "blooming": 80, "brightness": 80},
}
DEFAULT_EPOCHS = {"linear": 200, "lstm": 120}
ASPECTS = ["order", "order_3", "referring_begin", "referring_middle", "referring_end",
           "grounding_people", "grounding_cats", "grounding_bloom", "blooming", "brightness"]


class LinearProbe(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.fc = nn.Linear(in_features, out_features)

    def forward(self, x):
        return self.fc(x)


class LSTMClassifier(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.fc = nn.Linear(hidden_size, output_size)
        self.hidden_size = hidden_size

    def forward(self, x):
        h0 = torch.zeros(1, x.size(0), self.hidden_size, device=x.device)
        c0 = torch.zeros(1, x.size(0), self.hidden_size, device=x.device)
        out, _ = self.lstm(x, (h0, c0))
        return self.fc(out[:, -1, :])


def load_split(root, aspect, split, classes):
    xs, ys = [], []
    for label, category in enumerate(classes):
        folder = os.path.join(root, aspect, split, category)
        for name in sorted(f for f in os.listdir(folder) if f.endswith(".npy")):
            xs.append(torch.from_numpy(np.load(os.path.join(folder, name)).astype(np.float32)))
            ys.append(label)
    return torch.stack(xs), torch.tensor(ys)


def run(probe, aspect, x, y, vx, vy, classes, device):
    if probe == "lstm":
        model = LSTMClassifier(1024, 128, classes).to(device)
        x = F.interpolate(x.unsqueeze(0), size=(128, 1024), mode="bilinear").squeeze(0)
        vx = F.interpolate(vx.unsqueeze(0), size=(128, 1024), mode="bilinear").squeeze(0)
        lr, batch = 5e-5, 64
    else:
        model = LinearProbe(x.shape[-1], classes).to(device)
        x, vx = x[:, -1, :], vx[:, -1, :]
        lr, batch = 5e-4, 800
    epochs = EPOCHS[probe].get(aspect, DEFAULT_EPOCHS[probe])
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    criterion = nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=batch, shuffle=False)
    for _ in range(epochs):
        for inputs, targets in loader:
            optimizer.zero_grad()
            loss = criterion(model(inputs.to(device)), targets.to(device))
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        preds = model(vx.to(device)).argmax(1).cpu()
    return float((preds == vy).float().mean())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--features", required=True)
    parser.add_argument("--probe", choices=["linear", "lstm"], default="lstm")
    parser.add_argument("--aspects", default=",".join(ASPECTS))
    parser.add_argument("--seeds", default="12,22,32,42,52")
    args = parser.parse_args()
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    results = []
    for aspect in args.aspects.split(","):
        classes = sorted(os.listdir(os.path.join(args.features, aspect, "val")))
        x, y = load_split(args.features, aspect, "train", classes)
        vx, vy = load_split(args.features, aspect, "val", classes)
        for seed in [int(s) for s in args.seeds.split(",")]:
            torch.manual_seed(seed)
            random.seed(seed)
            accuracy = run(args.probe, aspect, x, y, vx, vy, len(classes), device)
            results.append({"aspect": aspect, "probe": args.probe, "seed": seed, "accuracy": accuracy})
            print(f"{aspect} {args.probe} seed {seed}: {accuracy * 100:.1f}%", file=sys.stderr, flush=True)
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
