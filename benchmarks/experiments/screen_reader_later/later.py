"""Experiment (issue 17, 6 December, late afternoon): the reader learns blind writers 18 to N, the screen scores later
writers it never learned, so what teaching the reader more writers buys is measured on writers it did not see.

    python benchmarks/experiments/screen_reader_later/later.py --learn-up-to 67 --score 68-72 [--set NAME=VALUE ...]

``--set`` changes a figure of :mod:`analysis.screening.reading` for the run (``READER_FLOOR_ALL``,
``READER_FLOOR_SELF_HARM``, ``READER_FIRST_HAND_FLOOR``, ``READER_LEARNED_FLOOR``, ``READER_THRESHOLD``,
``READER_LAST_RESORT_FLOOR``) or ``learned_threshold``. Prints recall and alerts per 1,000 ordinary answers by writer
and in all. Two processes; about a minute for five writers.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data"
_STATE: dict = {}


def fit_reader(up_to: int, judge_too: bool = False):
    """The reader learned from its usual sources with blind writers 18..``up_to`` as its own writers (and, with
    ``judge_too``, the judge net learned from its own sources and the same writers)."""
    from analysis.screening import build, charmodel, writers
    from analysis.screening.learned import JUDGE_SOURCES, LATER_WRITERS, read_rows

    names = {f"fresh{n}": (f"fresh{n}_youth_ordinary.csv", f"fresh{n}_youth_disclosures.csv")
             for n in range(18, up_to + 1)}
    saved = dict(writers.LATER_WRITERS)
    writers.LATER_WRITERS.clear()
    writers.LATER_WRITERS.update(names)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            own = Path(tmp) / "later_writers.csv"
            build.write_youth_writers((DATA, writers.DATA_DIR), path=Path(tmp) / "youth_writers.csv", later_path=own)
            sources = (*(p for p in JUDGE_SOURCES if p != LATER_WRITERS), own)  # not the packaged later writers
            rows = read_rows(sources)
            judge = _fit_judge(sources) if judge_too else None
    finally:
        writers.LATER_WRITERS.clear()
        writers.LATER_WRITERS.update(saved)
    reader = charmodel.CharModel().fit([charmodel.model_text(r[0], r[3]) for r in rows],
                                       [1 if r[1] else 0 for r in rows])
    return reader, judge


def _fit_judge(paths):
    from analysis.screening import DisclosureScreener
    from analysis.screening.calibration import LEARNED_THRESHOLD
    from analysis.screening.learned import SHORT_WORDS, LearnedNet, doc_tokens, training_set

    s = DisclosureScreener().fit()
    texts, y, context, weights = training_set(paths)
    tokens = [c + doc_tokens(s._doc(t))[0] for c, t in zip(context, texts, strict=True)]
    return LearnedNet(threshold=LEARNED_THRESHOLD, short_words=SHORT_WORDS).fit(
        tokens, [tuple(c for c in cats if c) for cats in y], weights)


def _init(reader, judge, settings):
    from analysis.screening import DisclosureScreener, reading

    for name, value in settings.items():
        if name == "READER_FLOOR_ALL":
            reading.READER_FLOOR = {**reading.READER_FLOOR, "*": value}
        elif name == "READER_FLOOR_SELF_HARM":
            reading.READER_FLOOR = {**reading.READER_FLOOR, "self_harm_suicide": value}
        elif name != "learned_threshold":
            setattr(reading, name, value)
    kw = {"learned_threshold": settings["learned_threshold"]} if "learned_threshold" in settings else {}
    screener = DisclosureScreener(**kw).fit()
    screener.reader_ = reader
    if judge is not None:
        screener.judge_net_ = judge
    _STATE["screener"] = screener


def _score(writer: str):
    s = _STATE["screener"]
    out = []
    for kind, name in (("ordinary", "ordinary"), ("disclosure", "disclosures")):
        with open(DATA / f"{writer}_youth_{name}.csv", encoding="utf-8", newline="") as fh:
            out += [(kind, s.screen(r["answer"], question=r["question"]).flagged) for r in csv.DictReader(fh)]
    return writer, out


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--learn-up-to", type=int, required=True)
    p.add_argument("--score", required=True, help="writers, e.g. 68-72")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--judge-too", action="store_true", help="the judge net learns the same writers")
    args = p.parse_args(argv)
    lo, _, hi = args.score.partition("-")
    if int(lo) <= args.learn_up_to:
        p.error("score writers the reader did not learn")
    settings = {k: float(v) for k, v in (s.split("=", 1) for s in args.set)}
    reader, judge = fit_reader(args.learn_up_to, args.judge_too)
    writers = [f"fresh{n}" for n in range(int(lo), int(hi or lo) + 1)]
    with mp.Pool(2, initializer=_init, initargs=(reader, judge, settings)) as pool:
        results = dict(pool.map(_score, writers, chunksize=1))
    total = {"ordinary": [0, 0], "disclosure": [0, 0]}
    for w in writers:
        by = {"ordinary": [0, 0], "disclosure": [0, 0]}
        for kind, flagged in results[w]:
            by[kind][0] += 1
            by[kind][1] += flagged
            total[kind][0] += 1
            total[kind][1] += flagged
        print(f"- {w}: recall {by['disclosure'][1] / by['disclosure'][0]:.3f}, "
              f"{1000 * by['ordinary'][1] / by['ordinary'][0]:.1f} alerts per 1,000 ordinary")
    print(f"- all: recall {total['disclosure'][1] / total['disclosure'][0]:.3f} "
          f"({total['disclosure'][1]}/{total['disclosure'][0]}), "
          f"{1000 * total['ordinary'][1] / total['ordinary'][0]:.1f} alerts per 1,000 ordinary "
          f"({total['ordinary'][1]}/{total['ordinary'][0]}); settings {settings or 'shipped'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
