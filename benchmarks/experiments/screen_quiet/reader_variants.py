"""Experiment (issue 17, 6 December): the reader's own settings at first sight.

Runs another checkout's screen (``--root``: a worktree of the commit whose reader had not learned ``--writers``),
refits its reader under each variant and scores the writers: recall and alerts per 1,000 ordinary answers.
Variants: ``C=<float>`` (the regression's inverse regularisation),
``mask=<k>`` (persona words masked: a word the training rows of fewer than ``k`` writers use is read as ``_``
before the n-grams are taken, so a new persona's own vocabulary cannot push the score; the labelled cases and
the NHS comments count as one writer each).

    git worktree add /tmp/head 6cd4f07
    python benchmarks/experiments/screen_quiet/reader_variants.py --root /tmp/head --writers 43-47 C=16 C=4 C=1
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"


def _rows(w: str, kind: str) -> list[dict]:
    with open(DATA / f"{w}_youth_{kind}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _masked(base, train, k: int):
    """A reader that reads a word fewer than ``k`` training writers use as ``_``."""
    import collections
    import re

    word = re.compile(r"[a-z']+")
    writers = collections.defaultdict(set)
    for text, _cats, writer, _kind in train:
        for w in set(word.findall(text.lower())):
            writers[w].add(writer)
    keep = {w for w, ws in writers.items() if len(ws) >= k}

    class Masked(base):
        def _counts(self, texts):
            return super()._counts([word.sub(lambda m: m.group(0) if m.group(0) in keep or m.group(0).startswith(
                "__q") else "_", t) for t in texts])

    print(f"mask={k}: {len(keep)} of {len(writers)} words kept", file=sys.stderr)
    return Masked()


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--root", type=Path, required=True)
    p.add_argument("--writers", default="43-47")
    p.add_argument("variants", nargs="+")
    args = p.parse_args(argv)
    sys.path.insert(0, str(args.root))
    from analysis.screening import DisclosureScreener, charmodel  # noqa: PLC0415
    from analysis.screening.charmodel import CharModel, model_text, reader_sources  # noqa: PLC0415
    from analysis.screening.learned import read_rows  # noqa: PLC0415

    lo, _, hi = args.writers.partition("-")
    writers = [f"fresh{n}" for n in range(int(lo), int(hi or lo) + 1)]
    data = {w: (_rows(w, "ordinary"), _rows(w, "disclosures")) for w in writers}
    train = read_rows(reader_sources())
    texts = [model_text(r[0], r[3]) for r in train]
    labels = [1 if r[1] else 0 for r in train]
    screener = DisclosureScreener().fit()
    for variant in args.variants:
        name, _, value = variant.partition("=")
        model = CharModel(C=float(value) if name == "C" else charmodel.C)
        if name == "mask":
            model = _masked(CharModel, train, int(value))
        model.fit(texts, labels)
        screener.reader_ = model
        alerts = ordinary = caught = disclosures = 0
        for ords, dis in data.values():
            alerts += sum(screener.screen(r["answer"], question=r["question"]).flagged for r in ords)
            caught += sum(screener.screen(r["answer"], question=r["question"]).flagged for r in dis)
            ordinary += len(ords)
            disclosures += len(dis)
        print(f"| {variant} | {caught / disclosures:.3f} ({caught}) | {1000 * alerts / ordinary:.1f} ({alerts}) |",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
