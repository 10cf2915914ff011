"""Fine-tune the top layers of all-MiniLM-L6-v2 as a disclosure / not-disclosure classifier.

Usage::

    python benchmarks/experiments/ft_screen/train.py [--first 4] [--epochs 3] [--out /work/ft17-artifacts]

The bottom ``--first`` layers (and the embeddings) stay frozen: their output for every row is computed
once and cached (``bottom_L{first}.npz``), then only the top ``6 - first`` layers and a linear head
are trained, on the training groups of ``data.py`` (never fresh7/8 = calibration, never fresh9/10 or
the NHS score part = validation).  Loss: binary cross-entropy, positives weighted n_neg / n_pos.
Writes ``head_L{first}.safetensors`` (fp16, the changed weights only) and ``scores_L{first}.npz`` (the
model's probability for every row, aligned with ``data.load_all()``).  Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
import torch
from data import load_all
from model import Bottom, Head, encode, load_state, pad, tokenizer
from screen_flags import rows_hash

TRAIN_GROUPS = {"cases", "nhs_learn", "youth_train", "fresh3", "fresh4", "fresh5", "fresh6", "rounds"}


def bottom_cache(rows, enc, first: int, out: Path):
    path = out / f"bottom_L{first}.npz"
    h = rows_hash(rows)
    if path.exists():
        z = np.load(path)
        if str(z["hash"]) == h:
            return z["flat"], z["offsets"]
    sd = load_state()
    bottom = Bottom(sd, first)
    order = sorted(range(len(enc)), key=lambda i: len(enc[i][0]))
    lengths = np.array([len(e[0]) for e in enc])
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    flat = np.zeros((offsets[-1], 384), dtype=np.float16)
    t0 = time.time()
    for b in range(0, len(order), 128):
        idx = order[b:b + 128]
        ids, types, mask = pad([enc[i] for i in idx])
        hs = bottom(ids, types, mask).numpy().astype(np.float16)
        for r, i in enumerate(idx):
            flat[offsets[i]:offsets[i + 1]] = hs[r, :lengths[i]]
    print(f"bottom {first} layers over {len(rows)} rows: {time.time() - t0:.0f}s", flush=True)
    np.savez(path, flat=flat, offsets=offsets, hash=np.array(h))
    return flat, offsets


def batch_of(flat, offsets, idx):
    T = max(offsets[i + 1] - offsets[i] for i in idx)
    h = torch.zeros(len(idx), T, 384)
    mask = torch.zeros(len(idx), T, dtype=torch.long)
    for r, i in enumerate(idx):
        n = offsets[i + 1] - offsets[i]
        h[r, :n] = torch.from_numpy(flat[offsets[i]:offsets[i + 1]].astype(np.float32))
        mask[r, :n] = 1
    return h, mask


def batches(idx, offsets, size, shuffle, rng):
    idx = sorted(idx, key=lambda i: offsets[i + 1] - offsets[i])
    if shuffle:  # similar lengths together, batch order shuffled (and ties broken at random)
        idx = sorted(idx, key=lambda i: (offsets[i + 1] - offsets[i]) // 4 * 1e6 + rng.random())
    out = [idx[b:b + size] for b in range(0, len(idx), size)]
    if shuffle:
        rng.shuffle(out)
    return out


@torch.no_grad()
def score(head, flat, offsets, idx):
    head.eval()
    p = np.zeros(len(offsets) - 1, dtype=np.float32)
    for b in batches(idx, offsets, 256, False, None):
        h, mask = batch_of(flat, offsets, b)
        p[b] = torch.sigmoid(head(h, mask)).numpy()
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--first", type=int, default=4, help="frozen layers (6 - first are trained)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--out", default="/work/ft17-artifacts")
    ap.add_argument("--snapshots", action="store_true",
                    help="after each epoch, score the held-out rows into scores_L{first}_e{epoch}.npz")
    ap.add_argument("--pos-weight", type=float, default=None, help="default: n_neg / n_pos")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    out = Path(args.out)
    rows = load_all()
    tok = tokenizer()
    enc = encode(tok, [q for _g, q, _t, _l in rows], [t for _g, _q, t, _l in rows])
    print(f"truncated to 64 tokens: {sum(len(e[0]) >= 64 for e in enc)} of {len(enc)} rows", flush=True)
    flat, offsets = bottom_cache(rows, enc, args.first, out)
    train = [i for i, r in enumerate(rows) if r[0] in TRAIN_GROUPS]
    y = torch.tensor([r[3] for r in rows], dtype=torch.float32)
    n_pos = int(sum(rows[i][3] for i in train))
    pos_weight = torch.tensor(args.pos_weight or (len(train) - n_pos) / n_pos)
    print(f"train rows {len(train)} ({n_pos} disclosures), pos_weight {pos_weight.item():.2f}", flush=True)
    head = Head(load_state(), args.first)
    body = [p for layer in head.layers for p in layer.parameters()]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head.cls.parameters(), "lr": 1e-3}],
                            weight_decay=0.01)
    steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, 1 - s / steps))
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    t0 = time.time()
    for epoch in range(args.epochs):
        head.train()
        total = 0.0
        for b in batches(train, offsets, args.batch, True, rng):
            h, mask = batch_of(flat, offsets, b)
            loss = loss_fn(head(h, mask), y[b])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(b)
        print(f"epoch {epoch + 1}: loss {total / len(train):.4f}, {time.time() - t0:.0f}s", flush=True)
        if args.snapshots:
            held = [i for i, r in enumerate(rows) if r[0] not in TRAIN_GROUPS]
            p = np.full(len(rows), -1.0, dtype=np.float32)
            p[held] = score(head, flat, offsets, held)[held]
            np.savez(out / f"scores_L{args.first}_e{epoch + 1}.npz", p=p, hash=np.array(rows_hash(rows)),
                     train_seconds=time.time() - t0)
    train_s = time.time() - t0
    p = score(head, flat, offsets, list(range(len(rows))))
    np.savez(out / f"scores_L{args.first}.npz", p=p, hash=np.array(rows_hash(rows)), train_seconds=train_s)
    from safetensors.torch import save_file

    state = {k: v.detach().to(torch.float16).contiguous() for k, v in head.state_dict().items()}
    save_file(state, str(out / f"head_L{args.first}.safetensors"), metadata={"first": str(args.first)})
    print(f"training {train_s:.0f}s; wrote {out}/head_L{args.first}.safetensors and scores_L{args.first}.npz")


if __name__ == "__main__":
    main()
