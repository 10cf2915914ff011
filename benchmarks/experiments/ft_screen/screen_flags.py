"""Run the current screen (rules + learned net, as shipped) on every row; cache its flags.

Usage: python benchmarks/experiments/ft_screen/screen_flags.py [--out /work/ft17-artifacts/screen_flags.npz]
Answers are screened beside their question (as the benchmarks do); NHS comments and cases alone.
"""

from __future__ import annotations

import argparse
import hashlib
import time

import numpy as np
from data import load_all

from analysis.screening import DisclosureScreener


def rows_hash(rows) -> str:
    h = hashlib.sha256()
    for g, q, t, lab in rows:
        h.update(f"{g}\x1f{q}\x1f{t}\x1f{lab}\x1e".encode())
    return h.hexdigest()[:16]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/work/ft17-artifacts/screen_flags.npz")
    args = ap.parse_args()
    rows = load_all()
    t0 = time.time()
    screener = DisclosureScreener().fit()
    print(f"screen fitted in {time.time() - t0:.1f}s")
    flags = np.zeros(len(rows), dtype=np.int8)
    t0 = time.time()
    for i, (_g, q, t, _l) in enumerate(rows):
        flags[i] = screener.screen(t, question=q or None).flagged
        if i % 2000 == 0:
            print(i, f"{time.time() - t0:.0f}s", flush=True)
    print(f"screened {len(rows)} in {time.time() - t0:.0f}s")
    np.savez(args.out, flags=flags, hash=np.array(rows_hash(rows)))


if __name__ == "__main__":
    main()
