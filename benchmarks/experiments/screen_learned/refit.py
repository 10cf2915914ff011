"""Experiment (issue 17, 6 December): the net of learned hits refitted with other settings, swapped into the
shipped screen, scored on writers it never learned.

Reading the alerts of writers 48-52 after their first sight: of the 31 alerts on answers their writers tagged
`everyday`, the learned net's hits drew 22 and the reader's 5 (rules 3). The net leans on words of style more than
of harm ("horses. I ride every day" 0.88: `day` 1.75, `i` 1.53, `ride` 1.46, `every` 1.09). The net of learned
hits learns ``learned.DEFAULT_SOURCES`` only (the dev cases, the NHS learn part, the first youth training sets),
never writers 18-57, so they measure it honestly here (the screen's other settings were tuned on 18-52).

Configurations (``name=C:drop``): ``C`` the logistic regressions' inverse regularisation (shipped 10), ``drop``
``none`` or ``function`` (``evidence._FUNCTION``, the words that never lead the evidence, left out of the net's
features entirely: they cannot push a score).

    python benchmarks/experiments/screen_learned/refit.py --writers 38-52 shipped=10:none c3=3:none fn=10:function
"""

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from realtext import load_nhs  # noqa: E402

from analysis.screening import (  # noqa: E402
    DisclosureScreener,  # noqa: E402
    evidence,
    learned,
)

DATA = ROOT / "benchmarks" / "data"


def refit(screener, C, drop):
    texts, y = learned.load_training_cases()
    stop = evidence._FUNCTION if drop == "function" else frozenset()

    def tok(t):
        return [w for w in learned.doc_tokens(screener._doc(t))[0] if w not in stop]

    net = learned.LearnedNet(threshold=screener.learned_threshold, C=C)
    net.fit([tok(t) for t in texts], [tuple(c for c in cats if c) for cats in y])
    return net  # scoring sees every word; the dropped ones have no feature, so they weigh nothing


def score(screener, writers):
    out = {}
    for n in writers:
        row = {}
        for kind in ("ordinary", "disclosures"):
            with open(DATA / f"fresh{n}_youth_{kind}.csv", encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            res = screener.transform([r["answer"] for r in rows], [r["question"] for r in rows])
            row[kind] = (sum(x.flagged for x in res), len(rows))
            if kind == "ordinary" and "kind" in rows[0]:
                row["everyday"] = (sum(x.flagged for x, r in zip(res, rows, strict=True) if r["kind"] == "everyday"),
                                   sum(r["kind"] == "everyday" for r in rows))
        out[n] = row
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--writers", default="38-52")
    p.add_argument("--no-nhs", action="store_true")
    p.add_argument("configs", nargs="+")
    args = p.parse_args()
    lo, _, hi = args.writers.partition("-")
    writers = range(int(lo), int(hi or lo) + 1)
    nhs = [] if args.no_nhs else [r["feedback"] for r in load_nhs("score")]
    for spec in args.configs:
        name, _, rest = spec.partition("=")
        C, _, drop = rest.partition(":")
        s = DisclosureScreener().fit()
        if name != "shipped":
            s.learned_ = refit(s, float(C), drop or "none")
        got = score(s, writers)
        flagged = sum(g["ordinary"][0] for g in got.values())
        total = sum(g["ordinary"][1] for g in got.values())
        caught = sum(g["disclosures"][0] for g in got.values())
        dis = sum(g["disclosures"][1] for g in got.values())
        line = (f"{name}: writers {args.writers} recall {caught / dis:.3f} ({caught}/{dis}), "
                f"{1000 * flagged / total:.1f} per 1,000 ({flagged}/{total})")
        ev = [g["everyday"] for g in got.values() if "everyday" in g]
        if ev:
            line += f"; everyday {1000 * sum(a for a, _ in ev) / sum(b for _, b in ev):.1f}"
        if nhs:
            k = sum(x.flagged for x in s.transform(nhs))
            line += f"; NHS score part {1000 * k / len(nhs):.1f} ({k}/{len(nhs)})"
        per = ", ".join(f"{n}: {g['disclosures'][0]}/{1000 * g['ordinary'][0] / g['ordinary'][1]:.0f}"
                        for n, g in got.items())
        print(line, "|", per, flush=True)


if __name__ == "__main__":
    main()
