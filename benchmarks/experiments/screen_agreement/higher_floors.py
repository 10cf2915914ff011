"""Experiment (issue 17, 6 December, night, stop 45): would higher agreement floors, or another way of joining the two
nets, buy quiet? Every answer of blind writers A-B (or the held-out youth sets, ``heldout``) is screened by the
shipped screen while each hit's agreement inputs are recorded as the screen computes them (the judge's probability of
the answer and of the hit's sentences, the reader's, the learned net's; whether the hit is first-hand and so not the
agreement's to drop). Then every combination and floor is applied offline: alerts per 1,000 ordinary answers and
recall, and, for the held-out disclosures, the ones each floor would lose.

    python benchmarks/experiments/screen_agreement/higher_floors.py 73-88
    python benchmarks/experiments/screen_agreement/higher_floors.py heldout --show-lost 0.7

About 2 minutes per eight writers.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data"

COMBINATIONS = {
    "shipped: mean(judge of answer or sentence, reader)": lambda r: (max(r["ja"], r["js"]) + r["rd"]) / 2,
    "mean(judge of the answer, reader)": lambda r: (r["ja"] + r["rd"]) / 2,
    "mean(judge, reader, learned net)": lambda r: (max(r["ja"], r["js"]) + r["rd"] + r["la"]) / 3,
    "min(judge, reader)": lambda r: min(max(r["ja"], r["js"]), r["rd"]),
}
FLOORS = ((0.5, 0.25), (0.6, 0.35), (0.7, 0.45), (0.8, 0.55))  # (every other category, self-harm)


def files(which: str):
    if which == "heldout":
        return [("ord", DATA / "heldout_youth_ordinary.csv"), ("dis", DATA / "heldout_youth_disclosures.csv")]
    lo, _, hi = which.partition("-")
    return [(kind, DATA / f"fresh{n}_youth_{'ordinary' if kind == 'ord' else 'disclosures'}.csv")
            for n in range(int(lo), int(hi or lo) + 1) for kind in ("ord", "dis")]


def collect(which: str) -> list[dict]:
    from analysis.screening import DisclosureScreener  # noqa: PLC0415
    from analysis.screening.learned import doc_tokens, question_token  # noqa: PLC0415

    screener = DisclosureScreener().fit()
    shipped, records = type(screener)._agreed, []

    def recording(self, text, hits):
        if hits and self.judge_net_ is not None:
            doc, ctx = self._doc(text), question_token(self._question_kind)
            toks = ctx + doc_tokens(doc)[0]
            ja, la = self.judge_net_.probability(toks), self.learned_.probability(toks)
            read = self._reader_probabilities([doc.text])
            for h in hits:
                sents = [s for s in doc.sents if s.start_char < h.end and h.start < s.end_char]
                js = max((self.judge_net_.probability(ctx + doc_tokens(s)[0]) for s in sents), default=ja)
                records.append({"cat": h.category, "exempt": h.category in self._agreement_exempt, "ja": ja,
                                "js": js, "la": la, "rd": ja if read is None else float(read[0])})
        return shipped(self, text, hits)

    type(screener)._agreed = recording
    rows = []
    try:
        for kind, path in files(which):
            with open(path, encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    records.clear()
                    flagged = screener.screen(r["answer"], question=r["question"]).flagged
                    rows.append({"kind": kind, "flagged": flagged, "hits": list(records), "text": r["answer"]})
    finally:
        type(screener)._agreed = shipped
    return rows


def stands(row: dict, join, floors) -> bool:
    """Whether the answer still reaches a person: flagged, and by an alert the agreement does not read (an answer
    signal's, the question's, another language's), a first-hand hit, or a hit at its floor."""
    if not row["flagged"]:
        return False
    other, self_harm = floors
    return not row["hits"] or any(h["exempt"] or join(h) >= (self_harm if h["cat"] == "self_harm_suicide" else other)
                                  for h in row["hits"])


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("which", help="writers A-B (e.g. 73-88) or 'heldout'")
    p.add_argument("--show-lost", type=float, default=None, help="list disclosures lost at this floor (shipped join)")
    args = p.parse_args(argv)
    rows = collect(args.which)
    ordinary = sum(r["kind"] == "ord" for r in rows)
    disclosures = len(rows) - ordinary
    for name, join in COMBINATIONS.items():
        cells = []
        for floors in FLOORS:
            kept = [r for r in rows if stands(r, join, floors)]
            alerts = sum(r["kind"] == "ord" for r in kept)
            cells.append(f"{floors[0]}/{floors[1]}: {(len(kept) - alerts) / disclosures:.3f} / "
                         f"{1000 * alerts / ordinary:.1f}")
        print(f"- {name}: " + "; ".join(cells))
    if args.show_lost is not None:
        join = next(iter(COMBINATIONS.values()))
        floors = (args.show_lost, round(args.show_lost - 0.25, 2))
        for r in rows:
            if r["kind"] == "dis" and stands(r, join, (0.5, 0.25)) and not stands(r, join, floors):
                print(f"  lost at {floors}: {r['text']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
