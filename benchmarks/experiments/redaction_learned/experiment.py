"""Would a learned second stage find what the rules leave? Cross-validated by writer on the read tuning sets.

    python benchmarks/experiments/redaction_learned/experiment.py [--folds 4] [--C 4] [--thresholds 0.6 0.7 0.8] [--nhs]

Each fold holds out whole writers; the model learns on the others and is scored on the held-out writers the way
``benchmarks/redaction.py`` scores (an item counts as removed when it no longer appears).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from analysis.redaction import PersonalDataRedactor  # noqa: E402
from analysis.redaction.build_learned import OLDER, TRAINING  # noqa: E402
from analysis.redaction.learned import LearnedSpans, token_labels  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks" / "experiments" / "redaction_cues"))
from harness import render  # noqa: E402  (the same rendering the rule harness scores)

DATA = ROOT / "benchmarks" / "data"
NHS = ROOT.parent / "shared" / "data" / "px_phase1_text_data.csv"
READ = list(TRAINING)  # the writers the shipped stage is trained on, read for tuning
YOUTH = {"r12", "r16", "r20", "r32", "r36", "r38", "r43", "r49", "r50", "r54", "r55", "r58", "r60", "r62", "r66",
         "r67", "r68", "r69", "r74", "r75", "r76", "r77", "r78", "r79", *(f"r{n}" for n in range(88, 102))}


def score(rows, spans_of):
    rm = rmok = kp = kpok = 0
    for r in rows:
        out = render(r["text"], spans_of(r["text"]))
        items = [i for i in r["must_remove"].split("|") if i]
        keeps = [i for i in r["must_keep"].split("|") if i]
        rm += len(items)
        rmok += sum(i not in out for i in items)
        kp += len(keeps)
        kpok += sum(i in out for i in keeps)
    return rmok / rm, kpok / kp


def _memo(scores):
    """The model's word scores, computed once per text (the thresholds only cut them)."""
    memo = {}
    return lambda t, b: memo[t] if t in memo else memo.setdefault(t, scores(t, b))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--folds", type=int, default=4)
    p.add_argument("--C", type=float, default=4.0)
    p.add_argument("--thresholds", type=float, nargs="*", default=[0.5, 0.6, 0.7, 0.8, 0.9])
    p.add_argument("--nhs", action="store_true")
    p.add_argument("--extra", nargs="*", default=list(OLDER), help="CSV stems in benchmarks/data, for training only")
    a = p.parse_args()
    red = PersonalDataRedactor(learned=False).fit()
    sets = {s: list(csv.DictReader((DATA / f"blind{s}_redaction.csv").open(encoding="utf-8"))) for s in READ}
    extra = [r for stem in a.extra for r in csv.DictReader((DATA / f"{stem}.csv").open(encoding="utf-8"))]
    base = {r["text"]: red.find(r["text"]) for r in extra}
    for rows in sets.values():
        for r in rows:
            base[r["text"]] = red.find(r["text"])
    ordinary = []
    for f in ("blind_youth_benign.csv", "heldout_youth_ordinary.csv", "heldout_practitioner_ordinary.csv"):
        ordinary += [r["answer"] for r in csv.DictReader((DATA / f).open(encoding="utf-8"))]
    nhs = [r["feedback"] for r in csv.DictReader(NHS.open(encoding="utf-8")) if r.get("feedback")] if a.nhs else []
    for t in ordinary + nhs:
        base[t] = red.find(t)
    names = sorted(sets)
    folds = [names[i::a.folds] for i in range(a.folds)]
    totals = {t: [0, 0, 0, 0, 0, 0] for t in a.thresholds}
    for held in folds:
        train = [r for s in names if s not in held for r in sets[s]] + extra
        model = LearnedSpans(C=a.C).fit([r["text"] for r in train], [token_labels(r) for r in train],
                                   base=[base[r["text"]] for r in train])
        model.scores = _memo(model.scores)
        for s in held:
            rows = sets[s]
            b0 = score(rows, lambda t: base[t])
            line = [f"{s}{'*' if s in YOUTH else ' '} base {b0[0]:.3f}/{b0[1]:.3f}"]
            for th in a.thresholds:
                model.threshold = th
                r1 = score(rows, lambda t, m=model: m.combine(t, base[t]))
                line.append(f"@{th}: {r1[0]:.3f}/{r1[1]:.3f}")
                tot = totals[th]
                n_rm = sum(len([i for i in r["must_remove"].split("|") if i]) for r in rows)
                n_kp = sum(len([i for i in r["must_keep"].split("|") if i]) for r in rows)
                tot[0] += (r1[0] - b0[0]) * n_rm
                tot[1] += (r1[1] - b0[1]) * n_kp
                if s in YOUTH:
                    tot[2] += (r1[0] - b0[0]) * n_rm
                    tot[3] += n_rm
            print("  ".join(line), flush=True)
        for th in a.thresholds:
            model.threshold = th
            totals[th][4] += sum(render(t, model.combine(t, base[t])) != render(t, base[t]) for t in ordinary)
            totals[th][5] += sum(render(t, model.combine(t, base[t])) != render(t, base[t]) for t in nhs)
    for th, (g, lost, yg, yn, o, n) in totals.items():
        print(f"threshold {th}: items removed {g:+.0f}, keeps {lost:+.0f}, youth {yg / yn:+.4f}; "
              f"ordinary changed {o / a.folds:.1f} (mean of folds), NHS changed {n / a.folds:.1f}")


if __name__ == "__main__":
    main()
