"""What shipping the fine-tuned model would cost: artefact size, load time, ms per answer (CPU).

Usage: python benchmarks/experiments/ft_screen/cost.py [--first 4] [--art /work/ft17-artifacts]

Timed on the calibration writers' answers (fresh7, 200 answers one at a time, as the service screens them).
Each load time is a fresh process (``subprocess``), imports included.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one thread for both paths; numpy
    os.environ.setdefault(_v, "1")  # and torch are imported only in main(), after this

HERE = Path(__file__).resolve().parent

LOAD_NUMPY = """
import time; t0 = time.perf_counter()
import sys; sys.path.insert(0, {here!r})
from npforward import NumpyFineTuned
m = NumpyFineTuned({head!r}); m.predict(["hello"])
print(time.perf_counter() - t0, "torch" in sys.modules)
"""
LOAD_TORCH = """
import time; t0 = time.perf_counter()
import sys; sys.path.insert(0, {here!r})
import torch
from safetensors.torch import load_file
from model import Bottom, Head, load_state, tokenizer
torch.set_num_threads(1)
sd = load_state(); bottom = Bottom(sd, {first}); head = Head(sd, {first})
head.load_state_dict({{k: v.float() for k, v in load_file({head!r}).items()}}); head.eval()
tok = tokenizer()
print(time.perf_counter() - t0)
"""


def fresh(code: str) -> str:
    env = dict(os.environ, OMP_NUM_THREADS="1")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--first", type=int, default=4)
    ap.add_argument("--art", default="/work/ft17-artifacts")
    args = ap.parse_args()
    head = str(Path(args.art) / f"head_L{args.first}.safetensors")
    print(f"artefact {head}: {os.path.getsize(head) / 1e6:.1f} MB (fp16, top {6 - args.first} layers + head)")
    loads = [fresh(LOAD_NUMPY.format(here=str(HERE), head=head)).split() for _ in range(3)]
    print(f"load, numpy path (fresh process, imports + base 87 MB safetensors + head + first call): "
          f"{min(float(x[0]) for x in loads):.2f}s best of 3; torch imported: {loads[0][1]}")
    loads = [float(fresh(LOAD_TORCH.format(here=str(HERE), head=head, first=args.first))) for _ in range(3)]
    print(f"load, torch path (fresh process): {min(loads):.2f}s best of 3")

    import numpy as np
    import torch
    from data import load_all
    from model import Bottom, Head, encode, load_state, pad, tokenizer
    from npforward import NumpyFineTuned
    from safetensors.torch import load_file

    rows = [r for r in load_all(verbose=False) if r[0] == "fresh7"][:200]
    qs, ts = [r[1] for r in rows], [r[2] for r in rows]
    m = NumpyFineTuned(head)
    m.predict(ts[:5], qs[:5])
    t0 = time.perf_counter()
    p_np = m.predict(ts, qs)
    np_ms = 1000 * (time.perf_counter() - t0) / len(ts)
    torch.set_num_threads(1)
    sd = load_state()
    bottom, hd = Bottom(sd, args.first), Head(sd, args.first)
    hd.load_state_dict({k: v.float() for k, v in load_file(head).items()})
    hd.eval()
    tok = tokenizer()
    t0 = time.perf_counter()
    p_t = []
    with torch.no_grad():
        for e in encode(tok, qs, ts):
            ids, types, mask = pad([e])
            p_t.append(torch.sigmoid(hd(bottom(ids, types, mask), mask)).item())
    t_ms = 1000 * (time.perf_counter() - t0) / len(ts)
    tokens = np.mean([len(e[0]) for e in encode(tok, qs, ts)])
    print(f"per answer, one at a time, 1 thread: numpy {np_ms:.1f} ms, torch {t_ms:.1f} ms (mean tokens {tokens:.0f}); "
          f"max |p_numpy - p_torch| = {np.max(np.abs(p_np - np.array(p_t))):.2e}")


if __name__ == "__main__":
    main()
