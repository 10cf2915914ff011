"""Experiment (issue 17, 6 December, late afternoon): the alert check kept off the hits of rules that are precise on
the blind writers.

Each rule's precision is measured on writers 18-52 (of the answers it flagged, the share that were disclosures); an
alert stands where a rule of precision ``T`` or more (or seen fewer than 5 times) stood, where an answer signal or
the question raised it, or where the check (the reader's model learned from writers 18-52 alone) gives the answer
at least 0.25. Scored on writers 53-72, which neither the check nor the precisions learned. Takes about 9 minutes.

    python benchmarks/experiments/screen_alert_check/rule_precision.py
"""

from __future__ import annotations

import collections
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "benchmarks" / "data"
LEARN = range(18, 53)
GROUPS = ((53, 57), (58, 62), (63, 67), (68, 72))
SETTINGS = ((None, 0), (0.99, 5), (0.97, 5), (0.95, 5), (0.9, 5))  # None: the check overrules every rule


def screened(screener, engine):
    """Every answer of writers 18-72: its writer, label, text, question, whether flagged, the rules that stood and
    the kinds of candidate that stood."""
    stood_rules = []
    check = engine.DisclosureScreener._check

    def recording(self, doc, key, start, end, align):
        ok = check(self, doc, key, start, end, align)
        if ok:
            stood_rules.append(self.key_rule_[key])
        return ok

    engine.DisclosureScreener._check = recording
    out = []
    for n in range(LEARN.start, GROUPS[-1][1] + 1):
        for kind, label in (("ordinary", 0), ("disclosures", 1)):
            with open(DATA / f"fresh{n}_youth_{kind}.csv", encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    stood_rules.clear()
                    trace = screener.explain(r["answer"], r["question"])
                    kinds = {t[0] for t in trace if t[3] is None or t[0] == "answer"}
                    flagged = screener.screen(r["answer"], question=r["question"]).flagged
                    out.append((n, label, r["answer"], r["question"], flagged, set(stood_rules), kinds))
    engine.DisclosureScreener._check = check
    return out


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from analysis.screening import DisclosureScreener, engine
    from analysis.screening.charmodel import CharModel, model_text
    from analysis.screening.questions import question_kind

    rows = screened(DisclosureScreener().fit(), engine)
    caught, fired = collections.Counter(), collections.Counter()
    for n, label, _a, _q, flagged, rules, _k in rows:
        if n in LEARN and flagged:
            for name in rules:
                fired[name] += 1
                caught[name] += label
    learn = [r for r in rows if r[0] in LEARN]
    check = CharModel().fit([model_text(a, question_kind(q)) for _n, _l, a, q, *_ in learn], [r[1] for r in learn])
    test = [r for r in rows if r[0] >= GROUPS[0][0] and r[4]]
    p = dict(zip(map(id, test), check.probabilities([model_text(r[2], question_kind(r[3])) for r in test]),
                 strict=True))
    print("| rules the check may not overrule | " + " | ".join(f"writers {a}-{b}" for a, b in GROUPS) + " |")
    print("|---|" + "---|" * len(GROUPS))
    print("| (the shipped screen) | " + " | ".join(_cell(rows, a, b, lambda r: True) for a, b in GROUPS) + " |")
    for precision, support in SETTINGS:
        def strong(name, precision=precision, support=support):
            return precision is not None and (fired[name] < max(support, 1) or caught[name] / fired[name] >= precision)

        def stands(r):
            return any(strong(name) for name in r[5]) or r[6] & {"answer", "question"} and not r[6] & {
                "rule", "learned", "last resort", "reader"} or p[id(r)] >= 0.25

        name = "none" if precision is None else f"precision >= {precision} on 18-52 (or under {support} hits)"
        print(f"| {name} | " + " | ".join(_cell(rows, a, b, stands) for a, b in GROUPS) + " |")
    return 0


def _cell(rows, lo, hi, stands):
    part = [r for r in rows if lo <= r[0] <= hi]
    ordinary = sum(1 for r in part if r[1] == 0)
    kept = [r for r in part if r[4] and stands(r)]
    false = sum(1 for r in kept if r[1] == 0)
    return f"{(len(kept) - false) / (len(part) - ordinary):.3f} / {1000 * false / ordinary:.1f}"


if __name__ == "__main__":
    sys.exit(main())
