"""PyTorch reference for t3kit's probes: the released architectures and training loop
(probing/longva_probing.py in llyx97/video-t3: nn.LSTM(batch_first) hidden 128 -> nn.Linear on
the last output; nn.Linear on the last token; CrossEntropyLoss; Adam; DataLoader(shuffle=False))
run on small fixed data from fixed initial weights. Prints one JSON object: the data, the
initial weights, every step's loss, the final validation predictions and accuracy, and
F.interpolate(mode='bilinear') outputs. Run with Debian's python3-torch:

    /usr/bin/python3 test/probing/torch_probe_reference.py > test/probing/fixtures/torch-probe-reference.json
"""
import base64
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# The architectures are the shipped GPU script's (the released ones), so that a change to them
# there shows here: the stored reference no longer matches what this script computes. No
# __pycache__ is written into the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib", "probing", "python"))
from torch_probes import LinearProbe, LSTMClassifier  # noqa: E402


def make_data(rng, per_class, classes, tokens, dim):
    """Class-sorted samples: each class has its own mean pattern over tokens and dims."""
    means = rng.normal(0, 1, size=(classes, tokens, dim))
    x = np.concatenate([means[c] + rng.normal(0, 1.0, size=(per_class, tokens, dim)) for c in range(classes)])
    y = np.repeat(np.arange(classes), per_class)
    return x.astype(np.float32), y.astype(np.int64)


def f32(values):
    """float32 values, exactly: base64 of their little-endian bytes (keeps the file small)."""
    return base64.b64encode(np.asarray(values, dtype="<f4").ravel().tobytes()).decode("ascii")


def flat(t):
    return f32(t.detach().numpy())


def train(model, x, y, vx, vy, lr, batch_size, epochs):
    criterion = nn.CrossEntropyLoss(reduction="mean")
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=batch_size, shuffle=False)
    losses = []
    for _ in range(epochs):
        for inputs, targets in loader:
            optimizer.zero_grad()
            loss = criterion(model(inputs), targets)
            loss.backward()
            optimizer.step()
            losses.append(float(loss.item()))
    model.eval()
    with torch.no_grad():
        _, preds = torch.max(model(vx).data, 1)
    return losses, [int(p) for p in preds], float((preds == vy).sum()) / len(vy)


def main():
    torch.manual_seed(0)
    torch.set_num_threads(1)
    rng = np.random.RandomState(0)
    classes, tokens, dim = 3, 6, 5
    x, y = make_data(rng, 14, classes, tokens, dim)
    # Validation: the first 4 training samples of each class plus fresh noise.
    vx = x.reshape(classes, 14, tokens, dim)[:, :4].reshape(-1, tokens, dim) + np.random.RandomState(2).normal(0, 0.5, size=(classes * 4, tokens, dim)).astype(np.float32)
    vy = np.repeat(np.arange(classes), 4)
    tx, ty, tvx, tvy = map(torch.from_numpy, (x, y, vx.astype(np.float32), vy))

    lstm = LSTMClassifier(dim, 128, classes)
    lstm_init = {
        "weightIh": flat(lstm.lstm.weight_ih_l0), "weightHh": flat(lstm.lstm.weight_hh_l0),
        "biasIh": flat(lstm.lstm.bias_ih_l0), "biasHh": flat(lstm.lstm.bias_hh_l0),
        "fcWeight": flat(lstm.fc.weight), "fcBias": flat(lstm.fc.bias),
    }
    lstm_losses, lstm_preds, lstm_acc = train(lstm, tx, ty, tvx, tvy, lr=5e-3, batch_size=16, epochs=6)

    linear = LinearProbe(dim, classes)
    linear_init = {"fcWeight": flat(linear.fc.weight), "fcBias": flat(linear.fc.bias)}
    linear_losses, linear_preds, linear_acc = train(
        linear, tx[:, -1, :], ty, tvx[:, -1, :], tvy, lr=5e-2, batch_size=800, epochs=25)

    grid = torch.from_numpy(np.random.RandomState(3).normal(0, 1, size=(2, 7, 5)).astype(np.float32))
    resized = {
        f"{t}x{d}": flat(F.interpolate(grid.unsqueeze(0), size=(t, d), mode="bilinear").squeeze(0))
        for t, d in [(4, 9), (11, 3), (7, 5), (3, 2)]
    }
    print(json.dumps({
        "torch": torch.__version__,
        "classes": classes, "tokens": tokens, "dim": dim,
        "train": {"x": f32(x), "labels": [int(v) for v in y]},
        "val": {"x": f32(vx), "labels": [int(v) for v in vy]},
        "lstm": {"lr": 5e-3, "batchSize": 16, "epochs": 6, "init": lstm_init,
                 "losses": lstm_losses, "predictions": lstm_preds, "accuracy": lstm_acc},
        "linear": {"lr": 5e-2, "batchSize": 800, "epochs": 25, "init": linear_init,
                   "losses": linear_losses, "predictions": linear_preds, "accuracy": linear_acc},
        "interpolate": {"input": f32(grid.numpy()), "shape": [2, 7, 5], "outputs": resized},
    }))


if __name__ == "__main__":
    sys.exit(main())
