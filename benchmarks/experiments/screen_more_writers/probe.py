"""Experiment (issue 17): where the screen loses disclosures on tuning writers, left one writer out.

For each ``--test`` writer the reader learns what it ships with less that writer plus the other ``--add`` writers;
writes one row per answer to ``--out`` (writer, kind, the reader's probability, the screen's verdict as shipped,
with ``reader hits`` ablated, with the gate off the reader's hits), for reading the misses of tuning writers only.

    python benchmarks/experiments/screen_more_writers/probe.py --test 18-27 --add 18-27 --out /tmp/probe.csv
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from curve import DIRS, _names, _rows  # noqa: E402

from analysis.screening import DisclosureScreener, reading  # noqa: E402
from analysis.screening.charmodel import CharModel, model_text, reader_sources  # noqa: E402
from analysis.screening.learned import read_rows  # noqa: E402
from analysis.screening.questions import question_kind  # noqa: E402
from analysis.screening.writers import writer_rows  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--test", default="18-27")
    p.add_argument("--add", default="24-27")
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    base = read_rows(reader_sources())
    tests, added = _names(args.test), _names(args.add)
    extra = {w: _rows(w) for w in set(added) | set(tests)}
    screener = DisclosureScreener().fit()
    no_hits = DisclosureScreener(ablate={"reader hits"}).fit()
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["writer", "kind", "question", "answer", "p", "flagged", "categories", "evidence",
                      "no_reader_hits", "ungated"])
        for w in tests:
            train = [r for r in base if r[2] != w] + [r for a in added if a != w for r in extra[a]]
            screener.reader_ = CharModel().fit([model_text(r[0], r[3]) for r in train],
                                               [1 if r[1] else 0 for r in train])
            no_hits.reader_ = screener.reader_
            for r in writer_rows(w, DIRS):
                q, a = r["question"], r["answer"]
                res = screener.screen(a, question=q)
                plain = no_hits.screen(a, question=q).flagged
                reading.READER_GATE = False
                ungated = screener.screen(a, question=q).flagged
                reading.READER_GATE = True
                prob = screener.reader_.probability(model_text(a, question_kind(q)))
                out.writerow([w, "disclosure" if r["kind"] == "disclosure" else "ordinary", q, a, f"{prob:.3f}",
                              int(res.flagged), ";".join(res.categories),
                              " | ".join(h.evidence for h in res.hits), int(plain), int(ungated)])
            print(f"{w} done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
