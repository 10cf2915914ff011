"""What each candidate redaction rule would gain and cost, on the labelled sets, ordinary answers and NHS comments.

    python benchmarks/experiments/redaction_cues/harness.py [--show] [--sets r12 ... r41] [RULE ...]

Run it on tuning waves only (never on the unread waves of ``benchmarks/redaction.py``'s ``UNREAD``). Each rule in
``rules.py`` returns extra spans ``(start, end, kind)`` for a text; they are added to the shipped
redactor's spans (taking no place already taken). Printed per rule: items to remove newly removed, items to keep
newly lost, ordinary answers (no personal data) newly changed, NHS comments newly changed.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

import rules as R  # noqa: E402, I001

from analysis.redaction import PersonalDataRedactor  # noqa: E402
from analysis.redaction.redactor import PLACEHOLDERS  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
NHS = ROOT.parent / "shared" / "data" / "px_phase1_text_data.csv"


def render(text, spans):
    out, last = [], 0
    for a, b, k in sorted(spans):
        out += [text[last:a], PLACEHOLDERS[k]]
        last = b
    out.append(text[last:])
    return "".join(out)


def combine(base, extra):
    taken = set()
    for a, b, _ in base:
        taken.update(range(a, b))
    out = list(base)
    for a, b, k in sorted(extra, key=lambda s: -(s[1] - s[0])):
        if b > a and not any(i in taken for i in range(a, b)):
            out.append((a, b, k))
            taken.update(range(a, b))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("rules", nargs="*")
    p.add_argument("--sets", nargs="*", default=[f"r{n}" for n in range(12, 42)])
    p.add_argument("--show", action="store_true")
    p.add_argument("--no-nhs", action="store_true")
    a = p.parse_args()
    red = PersonalDataRedactor().fit()
    cache = {}
    R.BASE = lambda t: cache[t] if t in cache else cache.setdefault(t, red.find(t))
    names = a.rules or R.ALL
    rows = []
    for s in a.sets:
        rows += list(csv.DictReader((DATA / f"blind{s}_redaction.csv").open(encoding="utf-8")))
    ordinary = []
    for f in ("blind_youth_benign.csv", "heldout_youth_ordinary.csv", "heldout_practitioner_ordinary.csv"):
        ordinary += [r["answer"] for r in csv.DictReader((DATA / f).open(encoding="utf-8"))]
    nhs = [] if a.no_nhs else [r["feedback"] for r in csv.DictReader(NHS.open(encoding="utf-8")) if r.get("feedback")]
    base = {}
    for t in [r["text"] for r in rows] + ordinary + nhs:
        if t not in base:
            base[t] = red.find(t)
    tot_rm = sum(len([i for i in r["must_remove"].split("|") if i]) for r in rows)
    tot_kp = sum(len([i for i in r["must_keep"].split("|") if i]) for r in rows)
    print(f"{len(rows)} texts, {tot_rm} to remove, {tot_kp} to keep; {len(ordinary)} ordinary; {len(nhs)} NHS")
    for name in names:
        fn = getattr(R, name)
        gain = lose = 0
        shows = []
        for r in rows:
            t = r["text"]
            extra = fn(t)
            if not extra:
                continue
            before = render(t, base[t])
            after = render(t, combine(base[t], extra))
            for item in filter(None, r["must_remove"].split("|")):
                if item in before and item not in after:
                    gain += 1
                    shows.append(f"  + {item!r}")
            for item in filter(None, r["must_keep"].split("|")):
                if item in before and item not in after:
                    lose += 1
                    shows.append(f"  - KEEP LOST {item!r}: {after[:200]!r}")
        ordch, nhsch = [], []
        for group, out in ((ordinary, ordch), (nhs, nhsch)):
            for t in group:
                extra = fn(t)
                if extra and render(t, combine(base[t], extra)) != render(t, base[t]):
                    out.append(render(t, combine(base[t], extra)))
        print(f"{name}: +{gain} removed, -{lose} kept, ordinary changed {len(ordch)}, NHS changed {len(nhsch)}")
        if a.show:
            for s in shows:
                print(s)
            for o in ordch[:20]:
                print("  ORD", o[:200])
            for o in nhsch[:40]:
                print("  NHS", o[:200])


if __name__ == "__main__":
    main()
