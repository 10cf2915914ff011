"""Benchmark the safeguarding screen and the personal-data redaction.

Usage::

    python benchmarks/screening.py [--cases benchmarks/data/screening_cases.csv]
                                   [--redaction benchmarks/data/redaction_cases.csv]
                                   [--show-errors] [--no-fresh] [--no-holdout]

The development cases are reported first, then each fresh round
(``benchmarks/data/screening_fresh_round_N.csv``, written blind by someone
who had not seen the rules) separately, with a column saying whether its
errors have since been used for tuning (``FRESH_TUNED``).  For fresh rounds
that are in the learned net's training data, ``--holdout`` (the default) also
scores them with the learned net retrained *without* that round.

Screening: recall / precision of "flagged" over all cases and per category
(a case counts for a category when its label lists that category; a
prediction counts when the screen names it).  Redaction: recall over the
personal-data items (the item is gone and the right placeholder appears),
plus how many "keep" strings (place names, agencies, job titles) survived.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.redaction import PLACEHOLDERS, PersonalDataRedactor  # noqa: E402
from analysis.screening import CATEGORIES, DisclosureScreener  # noqa: E402
from analysis.screening.learned import load_training_rows  # noqa: E402
from benchmarks.realtext import load_nhs  # noqa: E402
from benchmarks.screening_heldout import (  # noqa: E402
    EIGHTEENTH_NINETEENTH_WRITERS,
    EIGHTH_WRITER,
    FOURTEENTH_FIFTEENTH_WRITERS,
    LATEST_WRITERS,
    NINTH_TENTH_WRITERS,
    SIXTEENTH_SEVENTEENTH_WRITERS,
    TWELFTH_THIRTEENTH_WRITERS,
    TWENTIETH_TWENTYFIRST_WRITERS,
    TWENTYFOURTH_TWENTYFIFTH_WRITERS,
    TWENTYSECOND_TWENTYTHIRD_WRITERS,
    TWENTYSIXTH_TWENTYSEVENTH_WRITERS,
    WRITERS_28_32,
    WRITERS_33_37,
    WRITERS_38_42,
    WRITERS_43_47,
    WRITERS_48_52,
    WRITERS_53_57,
    WRITERS_58_62,
    WRITERS_63_67,
    WRITERS_68_72,
    WRITERS_73_80,
    WRITERS_81_88,
    WRITERS_89_96,
    WRITERS_97_104,
    WRITERS_105_112,
    WRITERS_113_114,
    WRITERS_113_116,
    WRITERS_117_118,
    WRITERS_117_122,
    bench_heldout,
    bench_new_writers,
    bench_third_writer,
)

DATA = Path(__file__).parent / "data"
# Fresh rounds whose errors were read and used (rule fixes + learned-net
# training data) AFTER their untouched score was recorded.  Rounds 19 and 20
# are left untouched: their figures are the honest ones.
FRESH_TUNED = set(range(1, 19))


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def _score(rows, results):
    tp = fp = fn = tn = 0
    per = {c: [0, 0, 0] for c in CATEGORIES}  # tp, fp, fn
    errors = []
    for r, res in zip(rows, results, strict=True):
        gold = r["flagged"] == "1"
        gold_cats = {c for c in r["categories"].split(";") if c}
        if gold and res.flagged:
            tp += 1
        elif gold:
            fn += 1
            errors.append(("MISSED", r["text"], sorted(gold_cats), []))
        elif res.flagged:
            fp += 1
            errors.append(("FALSE ALARM", r["text"], [], [(h.category, h.evidence) for h in res.hits]))
        else:
            tn += 1
        pred = set(res.categories)
        for c in CATEGORIES:
            if c in gold_cats and c in pred:
                per[c][0] += 1
            elif c in pred and c not in gold_cats:
                per[c][1] += 1
            elif c in gold_cats:
                per[c][2] += 1
    per["_flagged"] = [res.flagged for res in results]
    return tp, fp, fn, tn, per, errors


def _print_errors(errors) -> None:
    print("\n### Errors\n")
    for kind, text, gold, hits in errors:
        print(f"- {kind}: {text!r} gold={gold} hits={hits}")


def bench_screening(path: Path, show_errors: bool, screener: DisclosureScreener, t_fit: float) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    t0 = time.process_time()  # CPU time: fairer than wall time on a shared machine
    results = screener.transform([r["text"] for r in rows])
    t_run = time.process_time() - t0
    tp, fp, fn, tn, per, errors = _score(rows, results)
    n_pos, n_neg = tp + fn, tn + fp
    print(f"## Screening: development cases ({len(rows)} cases: {n_pos} disclosures, {n_neg} ordinary answers)\n")
    print("Rules and learned net were both tuned / trained on these cases.\n")
    print(f"- recall    {_ratio(tp, tp + fn):.3f}  ({tp}/{tp + fn})")
    print(f"- precision {_ratio(tp, tp + fp):.3f}  ({tp}/{tp + fp})")
    print(f"- false alarms on ordinary answers {fp}/{n_neg}")
    print(f"- fit {t_fit:.1f}s, screen {1000 * t_run / max(1, len(rows)):.1f} ms/answer (CPU time)\n")
    print("| category | cases | recall | precision (category named) |")
    print("|---|---|---|---|")
    for c in CATEGORIES:
        t, f, m = per[c]
        print(f"| {c} | {t + m} | {_ratio(t, t + m):.2f} | {_ratio(t, t + f):.2f} |")
    if show_errors and errors:
        _print_errors(errors)
    print()


def _round_number(path: Path) -> int:
    return int(path.stem.rsplit("_", 1)[1])


def bench_fresh(screener: DisclosureScreener, show_errors: bool, holdout: bool) -> None:
    paths = sorted(DATA.glob("screening_fresh_round_*.csv"), key=_round_number)
    if not paths:
        return
    print("## Screening: fresh rounds (written blind, scored separately)\n")
    print("| round | cases (disclosures / ordinary) | tuned on its errors? | recall | precision | "
          "recall, net retrained without it | precision, net retrained without it | rules only: recall | "
          "rules only: precision |")
    print("|---|---|---|---|---|---|---|---|---|")
    rules_only = DisclosureScreener(learned=False).fit()
    all_errors = []
    untouched = []
    train = load_training_rows()
    train_x, train_y, sources = [r[0] for r in train], [r[1] for r in train], [r[2] for r in train]
    for path in paths:
        k = _round_number(path)
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        tp, fp, fn, tn, per, errors = _score(rows, screener.transform([r["text"] for r in rows]))
        if k not in FRESH_TUNED:
            untouched.append((k, per, rows))
        all_errors += [(f"round {k} {e[0]}", *e[1:]) for e in errors]
        cells = ["-", "-"]
        if holdout and f"fresh_round_{k}" in sources:
            keep = [i for i, src in enumerate(sources) if src != f"fresh_round_{k}"]
            held = DisclosureScreener(prefitted=False).fit([train_x[i] for i in keep], [train_y[i] for i in keep])
            htp, hfp, hfn, _htn, _p, _e = _score(rows, held.transform([r["text"] for r in rows]))
            cells = [f"{_ratio(htp, htp + hfn):.3f}", f"{_ratio(htp, htp + hfp):.3f}"]
        rtp, rfp, rfn, _rtn, _p, _e = _score(rows, rules_only.transform([r["text"] for r in rows]))
        tuned = "yes (after)" if k in FRESH_TUNED else "**no (untouched)**"
        print(f"| {k} | {tp + fn} / {tn + fp} | {tuned} | {_ratio(tp, tp + fn):.3f} | "
              f"{_ratio(tp, tp + fp):.3f} | {cells[0]} | {cells[1]} | {_ratio(rtp, rtp + rfn):.3f} | "
              f"{_ratio(rtp, rtp + rfp):.3f} |")
    if untouched:
        tp = sum(sum(f and r["flagged"] == "1" for r, f in zip(rows, per["_flagged"], strict=True))
                 for _k, per, rows in untouched)
        pos = sum(sum(r["flagged"] == "1" for r in rows) for _k, _p, rows in untouched)
        fp = sum(sum(f and r["flagged"] != "1" for r, f in zip(rows, per["_flagged"], strict=True))
                 for _k, per, rows in untouched)
        names = ", ".join(str(k) for k, _p, _r in untouched)
        print(f"\n**Untouched rounds ({names}) pooled: recall {_ratio(tp, pos):.3f} ({tp}/{pos}), "
              f"precision {_ratio(tp, tp + fp):.3f} ({fp} false alarms)**")
    for k, per, rows in untouched:
        _print_untouched_categories(k, per, rows)
    if show_errors and all_errors:
        _print_errors(all_errors)
    print()


def bench_untouched(screener: DisclosureScreener, show_errors: bool) -> None:
    """Only the untouched fresh rounds (not in ``FRESH_TUNED``): recall and precision, pooled."""
    rows = []
    for path in sorted(DATA.glob("screening_fresh_round_*.csv"), key=_round_number):
        if _round_number(path) not in FRESH_TUNED:
            rows += list(csv.DictReader(path.open(encoding="utf-8")))
    tp, fp, fn, tn, _per, errors = _score(rows, screener.transform([r["text"] for r in rows]))
    names = ", ".join(str(k) for k in sorted(set(range(1, 100)) - FRESH_TUNED)
                      if (DATA / f"screening_fresh_round_{k}.csv").exists())
    print(f"## Untouched rounds ({names}): recall {_ratio(tp, tp + fn):.3f} ({tp}/{tp + fn}), "
          f"precision {_ratio(tp, tp + fp):.3f} ({fp} false alarms in {fp + tn} look-alikes)\n")
    if show_errors and errors:
        _print_errors(errors)


def _print_untouched_categories(k: int, per, rows) -> None:
    """Per-category recall and look-alike false alarms of an untouched round."""
    lookalike: dict[str, list[int]] = {}
    for r, flagged in zip(rows, per["_flagged"], strict=True):
        if r["flagged"] != "1" and r.get("lookalike_of"):
            cell = lookalike.setdefault(r["lookalike_of"], [0, 0])
            cell[0] += flagged
            cell[1] += 1
    print(f"\nRound {k} (untouched) by category: recall of its disclosures, and false alarms on the "
          "ordinary answers written to look like that category.\n")
    print("| category | disclosures | recall (category named) | look-alikes | false alarms |")
    print("|---|---|---|---|---|")
    for c in CATEGORIES:
        t, _f, m = per[c]
        fa, n = lookalike.get(c, [0, 0])
        print(f"| {c} | {t + m} | {_ratio(t, t + m):.2f} | {n} | {fa} |")


def bench_redaction(path: Path, show_errors: bool) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    red = PersonalDataRedactor().fit()
    found = total = kept = keep_total = 0
    per: dict[str, list[int]] = {}
    errors = []
    for r in rows:
        out = red.redact(r["text"])
        for item in filter(None, r["pii"].split(";;")):
            kind, value = item.split("=", 1)
            total += 1
            ok = value not in out and PLACEHOLDERS[kind] in out
            found += ok
            per.setdefault(kind, [0, 0])
            per[kind][0] += ok
            per[kind][1] += 1
            if not ok:
                errors.append(("MISSED", kind, value, out))
        for keep in filter(None, r["keep"].split(";;")):
            keep_total += 1
            if keep in out:
                kept += 1
            else:
                errors.append(("OVER-REDACTED", "keep", keep, out))
    print(f"## Redaction ({len(rows)} cases, {total} personal-data items)\n")
    print(f"- recall {_ratio(found, total):.3f} ({found}/{total})")
    print(f"- kept place/agency/job words {kept}/{keep_total}\n")
    print("| kind | items | recall |")
    print("|---|---|---|")
    for kind, (ok, n) in sorted(per.items()):
        print(f"| {PLACEHOLDERS[kind]} | {n} | {_ratio(ok, n):.2f} |")
    if show_errors and errors:
        print("\n### Errors\n")
        for e in errors:
            print(f"- {e[0]} {e[1]} {e[2]!r} -> {e[3]!r}")
    print()


FIT_SNIPPET = """
import time
t0 = time.process_time(); w0 = time.perf_counter()
import analysis.screening as s
t1 = time.process_time(); w1 = time.perf_counter()
screener = s.DisclosureScreener().fit()
t2 = time.process_time(); w2 = time.perf_counter()
screener.screen("my dad hits me when he is drunk and i am scared to go home")
t3 = time.process_time(); w3 = time.perf_counter()
print(t1 - t0, w1 - w0, t2 - t1, w2 - w1, t3 - t2, w3 - w2)
"""


def bench_fit_time(runs: int = 3) -> float:
    """Fit the default screen in fresh processes (import, fit and a first answer timed apart)."""
    import os
    import subprocess

    load = os.getloadavg()
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", FIT_SNIPPET], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
        rows.append([float(x) for x in out])
    best = min(rows, key=lambda r: r[2])
    print("## Fit time in a fresh process\n")
    print(f"Best of {runs} fresh processes (`DisclosureScreener().fit()`, the shipped pre-fitted net); "
          f"load average {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} before, "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())} after ({os.cpu_count()} CPUs):\n")
    print(f"- import of the package (spaCy, numpy): {best[0]:.2f} s CPU, {best[1]:.2f} s wall")
    print(f"- **fit: {best[2]:.2f} s CPU, {best[3]:.2f} s wall** "
          f"(all {runs}: {', '.join(f'{r[2]:.2f}' for r in rows)} s CPU)")
    print(f"- first answer screened (builds the matchers of the rules it triggers): "
          f"{1000 * best[4]:.0f} ms CPU, {1000 * best[5]:.0f} ms wall\n")
    return best[2]


def bench_real(screener: DisclosureScreener, show_errors: bool) -> None:
    """False alarms on real ordinary answers: the NHS comments, learn and score parts."""
    print("## False alarms on real ordinary answers (NHS feedback)\n")
    print("Split fixed in `benchmarks/realtext.py` (hash of `row_index`). The learned net is trained on the "
          "learn part's comments as ordinary answers; the score part is only scored.\n")
    print("| part | answers | flagged | alerts per 1,000 | rules only would flag |")
    print("|---|---|---|---|---|")
    rules_only = DisclosureScreener(learned=False).fit()
    flagged_score = []
    for part in ("learn", "score"):
        rows = load_nhs(part)
        res = screener.transform([r["feedback"] for r in rows])
        n = sum(r.flagged for r in res)
        ro = sum(rules_only.screen(r["feedback"]).flagged for r in rows)
        print(f"| {part}{' (trained on)' if part == 'learn' else ' (untouched)'} | {len(rows)} | {n} | "
              f"{1000 * n / len(rows):.1f} | {1000 * ro / len(rows):.1f} |")
        if part == "score":
            flagged_score = [(r, x) for r, x in zip(rows, res, strict=True) if x.flagged]
    if show_errors:
        print("\n### Flagged in the score part\n")
        for r, x in flagged_score:
            print(f"- row {r['row_index']}: {r['feedback'][:300]!r} -> "
                  f"{[(h.category, h.evidence) for h in x.hits]}")
    print()


def bench_blind(screener: DisclosureScreener, show_errors: bool, only_benign: bool = False,
                with_question: bool = True) -> None:
    """Sets written blind for issue 17 (benchmarks/data/blind_*.csv): scored, never tuned on."""
    print("## Blind sets for issue 17 (written without seeing the screen; the youth benign set's errors were "
          "read in the question session (December 2026): a development set since)\n")
    path = DATA / "blind_youth_benign.csv"
    if path.exists():
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        res = screener.transform([r["answer"] for r in rows],
                                 [r.get("question") if with_question else None for r in rows])
        n = sum(x.flagged for x in res)
        beside = " (beside their question)" if with_question else ""
        print(f"- youth benign answers{beside}: {n} of {len(rows)} flagged, **{1000 * n / len(rows):.1f} alerts "
              "per 1,000**\n")
        if show_errors:
            for r, x in zip(rows, res, strict=True):
                if x.flagged:
                    print(f"  - FALSE ALARM {r['answer']!r} -> {[(h.category, h.evidence) for h in x.hits]}")
            print()
    if only_benign:
        return
    path = DATA / "blind_youth_disclosures_contrast.csv"
    if path.exists():
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        res = screener.transform([r["answer"] for r in rows])
        _print_labelled("youth minimal pairs (first-hand vs general talk)", rows, res, show_errors)
    print("| language set | variety | disclosures | caught | recall | ordinary | flagged | "
          "flagged as not screened only |")
    print("|---|---|---|---|---|---|---|---|")
    for name in ("welsh", "urdu"):
        path = DATA / f"blind_{name}.csv"
        if not path.exists():
            continue
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        res = screener.transform([r["answer"] for r in rows])
        for variety in sorted({r["language"] for r in rows}) + ["all"]:
            sel = [(r, x) for r, x in zip(rows, res, strict=True) if variety in ("all", r["language"])]
            pos = [x for r, x in sel if r["label"] == "1"]
            neg = [x for r, x in sel if r["label"] != "1"]
            caught = sum(x.flagged for x in pos)
            fa = sum(x.flagged for x in neg)
            only = sum(x.flagged and all(c.startswith("not_screened") for c in x.categories) for x in neg)
            print(f"| {name} | {variety} | {len(pos)} | {caught} | {_ratio(caught, len(pos)):.3f} | {len(neg)} | "
                  f"{fa} | {only} |")
        if show_errors:
            for r, x in zip(rows, res, strict=True):
                if (r["label"] == "1") != x.flagged:
                    kind = "MISSED" if r["label"] == "1" else "FALSE ALARM"
                    print(f"  - {kind} [{r['language']}] {r['answer']!r} ({r['english_gloss']}) -> "
                          f"{list(x.categories)}")
    print()
    path = DATA / "blind_redaction.csv"
    if path.exists():
        bench_blind_redaction(path, show_errors)


def _print_labelled(title, rows, res, show_errors) -> None:
    tp = sum(x.flagged and r["label"] == "1" for r, x in zip(rows, res, strict=True))
    pos = sum(r["label"] == "1" for r in rows)
    fp = sum(x.flagged and r["label"] != "1" for r, x in zip(rows, res, strict=True))
    neg = len(rows) - pos
    print(f"- {title}: recall {_ratio(tp, pos):.3f} ({tp}/{pos}), precision {_ratio(tp, tp + fp):.3f}, "
          f"false alarms {fp}/{neg}\n")
    if show_errors:
        for r, x in zip(rows, res, strict=True):
            if (r["label"] == "1") != x.flagged:
                kind = "MISSED" if r["label"] == "1" else "FALSE ALARM"
                print(f"  - {kind} {r['answer']!r} -> {[(h.category, h.evidence) for h in x.hits]}")
        print()


def bench_blind_redaction(path: Path, show_errors: bool) -> None:
    """Items that must go (exact substrings) and context that must stay."""
    red = PersonalDataRedactor().fit()
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    gone = total = kept = keep_total = 0
    errors = []
    for r in rows:
        out = red.redact(r["text"])
        for item in filter(None, r["must_remove"].split("|")):
            total += 1
            ok = item not in out
            gone += ok
            if not ok:
                errors.append(("KEPT", item, out))
        for item in filter(None, r["must_keep"].split("|")):
            keep_total += 1
            ok = item in out
            kept += ok
            if not ok:
                errors.append(("OVER-REDACTED", item, out))
    print(f"- blind redaction set ({len(rows)} texts): **removed {_ratio(gone, total):.3f}** ({gone}/{total}), "
          f"**context kept {_ratio(kept, keep_total):.3f}** ({kept}/{keep_total})\n")
    if show_errors:
        for kind, item, out in errors:
            print(f"  - {kind} {item!r} -> {out!r}")
        print()


def bench_ablate(n_real: int = 800) -> None:
    """What each veto, rule group and answer signal is worth: recall on the untouched rounds and false
    alarms on the NHS score part (first ``n_real`` answers) with it switched off (the rounds have no
    question column, so the question-aware signals show no change here: see ``screening_dev.py``)."""
    from analysis.screening.answers import NAMES as SIGNAL_NAMES
    from analysis.screening.rules import RULE_GROUPS
    from analysis.screening.vetoes import NAMES

    rounds = []
    for k in sorted(set(range(1, 100)) - FRESH_TUNED):
        path = DATA / f"screening_fresh_round_{k}.csv"
        if path.exists():
            rounds += list(csv.DictReader(path.open(encoding="utf-8")))
    real = [r["feedback"] for r in load_nhs("score")[:n_real]]
    pos = [r["text"] for r in rounds if r["flagged"] == "1"]
    neg = [r["text"] for r in rounds if r["flagged"] != "1"]

    def measure(s):
        caught = sum(s.screen(t).flagged for t in pos)
        fa = sum(s.screen(t).flagged for t in neg)
        alerts = sum(s.screen(t).flagged for t in real)
        return caught, fa, alerts

    print(f"## Ablation (untouched rounds: {len(pos)} disclosures, {len(neg)} look-alikes; "
          f"first {len(real)} NHS score-part answers)\n")
    print("| switched off | recall | change | look-alike false alarms | change | NHS alerts per 1,000 | change |")
    print("|---|---|---|---|---|---|---|")
    base = measure(DisclosureScreener().fit())
    print(f"| (nothing) | {base[0] / len(pos):.3f} | | {base[1]} | | {1000 * base[2] / len(real):.1f} | |")
    for name in [*NAMES, *(f"rules:{g}" for g in RULE_GROUPS), *SIGNAL_NAMES, "last resort", "reader", "reader floor",
                 "reader hits", "agreement", "learned hits", "learned net"]:
        s = (DisclosureScreener(learned=False) if name == "learned net" else DisclosureScreener(ablate={name})).fit()
        c, f, a = measure(s)
        print(f"| {name} | {c / len(pos):.3f} | {(c - base[0]) / len(pos):+.3f} | {f} | {f - base[1]:+d} | "
              f"{1000 * a / len(real):.1f} | {1000 * (a - base[2]) / len(real):+.1f} |")
    print()


def bench_pathological() -> None:
    """Time the screen and the redactor on hostile input (the tests only check the output)."""
    from analysis.redaction import redact_text
    from analysis.screening import screen_text

    cases = {"'a.' x 50,000": "a." * 50000, "'Sarah ' x 20,000": "Sarah " * 20000,
             "'1 ' x 50,000": "1 " * 50000, "'@' x 100,000": "@" * 100000,
             "emoji x 20,000": "\U0001f602" * 20000, "'<script>' x 5,000": "<script>alert(1)</script>" * 5000,
             # An answer as long as a text area allows (5,000 characters) with a rule hit on every line: the vetoes
             # asked of every hit re-read the whole answer (12 s until 3 December; now once per sentence).
             "'my dad hits me' x 300 lines": "my dad hits me\n" * 300}
    print("## Pathological input (CPU seconds)\n")
    print("| input | redact | screen |")
    print("|---|---|---|")
    for name, text in cases.items():
        t0 = time.process_time()
        redact_text(text)
        t1 = time.process_time()
        screen_text(text)
        t2 = time.process_time()
        print(f"| {name} | {t1 - t0:.2f} | {t2 - t1:.2f} |")
    print()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=Path, default=DATA / "screening_cases.csv")
    p.add_argument("--redaction", type=Path, default=DATA / "redaction_cases.csv")
    p.add_argument("--show-errors", action="store_true")
    p.add_argument("--no-fresh", action="store_true", help="skip the fresh rounds")
    p.add_argument("--holdout", action="store_true",
                   help="also retrain the net without each tuned round (slow: a refit per round)")
    p.add_argument("--only-real", action="store_true", help="only the fit time and the real ordinary answers")
    p.add_argument("--only-fit", action="store_true", help="only the fit time in fresh processes")
    p.add_argument("--only-pathological", action="store_true", help="only the times on hostile and very long input")
    p.add_argument("--only-blind", action="store_true", help="only the issue 17 blind sets")
    p.add_argument("--only-heldout", action="store_true",
                   help="only the held-out sets (benchmarks/data/heldout_*.csv) and the blind youth benign set")
    p.add_argument("--only-untouched", action="store_true", help="only the untouched fresh rounds (19, 20)")
    p.add_argument("--only-third-writer", action="store_true",
                   help="only the third blind writer's sets (benchmarks/data/fresh3_*.csv)")
    p.add_argument("--only-new-writers", action="store_true",
                   help="only the fourth and fifth blind writers' sets (benchmarks/data/fresh4_*, fresh5_*)")
    p.add_argument("--only-latest-writers", action="store_true",
                   help="only the sixth and seventh blind writers' sets (benchmarks/data/fresh6_*, fresh7_*)")
    p.add_argument("--only-eighth-writer", action="store_true",
                   help="only the eighth blind writer's sets (benchmarks/data/fresh8_*)")
    p.add_argument("--only-ninth-tenth-writers", action="store_true",
                   help="only the ninth and tenth blind writers' sets (benchmarks/data/fresh9_*, fresh10_*)")
    p.add_argument("--only-twelfth-thirteenth-writers", action="store_true",
                   help="only the twelfth and thirteenth blind writers' sets (benchmarks/data/fresh12_*, fresh13_*)")
    p.add_argument("--only-fourteenth-fifteenth-writers", action="store_true",
                   help="only the fourteenth and fifteenth blind writers' sets (benchmarks/data/fresh14_*, fresh15_*)")
    p.add_argument("--only-sixteenth-seventeenth-writers", action="store_true",
                   help="only the sixteenth and seventeenth blind writers' sets (benchmarks/data/fresh16_*, fresh17_*)")
    p.add_argument("--only-eighteenth-nineteenth-writers", action="store_true",
                   help="only the eighteenth and nineteenth blind writers' sets (fresh18_*, fresh19_*)")
    p.add_argument("--only-twentieth-twentyfirst-writers", action="store_true",
                   help="only the twentieth and twenty-first blind writers' sets (fresh20_*, fresh21_*)")
    p.add_argument("--only-twentysecond-twentythird-writers", action="store_true",
                   help="only the twenty-second and twenty-third blind writers' sets (fresh22_*, fresh23_*)")
    p.add_argument("--only-twentyfourth-twentyfifth-writers", action="store_true",
                   help="only the twenty-fourth and twenty-fifth blind writers' sets (fresh24_*, fresh25_*)")
    p.add_argument("--only-twentysixth-twentyseventh-writers", action="store_true",
                   help="only the twenty-sixth and twenty-seventh blind writers' sets (fresh26_*, fresh27_*)")
    p.add_argument("--only-writers-28-32", action="store_true",
                   help="only blind writers 28-32 (fresh28_* to fresh32_*; first sight: 5 December)")
    p.add_argument("--only-writers-33-37", action="store_true",
                   help="only blind writers 33-37 (fresh33_* to fresh37_*; kept for first sight after tuning on 28-32)")
    p.add_argument("--only-writers-38-42", action="store_true",
                   help="only blind writers 38-42 (fresh38_* to fresh42_*; first sight: 5 December, evening)")
    p.add_argument("--only-writers-43-47", action="store_true",
                   help="only blind writers 43-47 (fresh43_* to fresh47_*; first sight: 5 December, late evening)")
    p.add_argument("--only-writers-48-52", action="store_true",
                   help="only blind writers 48-52 (fresh48_* to fresh52_*, each ordinary answer tagged everyday or "
                        "hard-topic by its writer; first sight: 6 December)")
    p.add_argument("--only-writers-53-57", action="store_true",
                   help="only blind writers 53-57 (fresh53_* to fresh57_*, tagged as 48-52; first sight: 6 December)")
    p.add_argument("--only-writers-58-62", action="store_true",
                   help="only blind writers 58-62 (fresh58_* to fresh62_*: real kinds of group answering as they "
                        "really would, the second brief; never scored)")
    p.add_argument("--only-writers-63-67", action="store_true",
                   help="only blind writers 63-67 (fresh63_* to fresh67_*: five more kinds of group, the same task as "
                        "58-62; first sight: 6 December, afternoon)")
    p.add_argument("--only-writers-68-72", action="store_true",
                   help="only blind writers 68-72 (fresh68_* to fresh72_*: care, special schools, young carers, "
                        "a Welsh school in English; first sight: 6 December, afternoon)")
    p.add_argument("--only-writers-73-80", action="store_true",
                   help="only blind writers 73-80 (fresh73_* to fresh80_*: youth justice, LGBTQ+, refugees, rural, "
                        "Traveller, a Muslim youth club, young parents, physical disabilities; committed unread)")
    p.add_argument("--only-writers-81-88", action="store_true",
                   help="only blind writers 81-88 (fresh81_* to fresh88_*: year 6, football, cadets, a wellbeing "
                        "group, a PRU, a Black-led youth project, a gurdwara youth group, a boarding school)")
    p.add_argument("--only-writers-89-96", action="store_true",
                   help="only blind writers 89-96 (fresh89_* to fresh96_*: a seaside school, a Jewish youth movement, "
                        "deaf pupils, a youth theatre, temporary accommodation, a girls' school, Eastern European "
                        "families, young workers)")
    p.add_argument("--only-writers-97-104", action="store_true",
                   help="only blind writers 97-104 (fresh97_* to fresh104_*: Explorer Scouts, service children, "
                        "Hong Kong families, an esports club, a hospital school, a Lincolnshire seaside school, a "
                        "Pentecostal youth group, a youth homelessness project)")
    p.add_argument("--only-writers-105-112", action="store_true",
                   help="only blind writers 105-112 (fresh105_* to fresh112_*: Young Farmers, home education, a "
                        "boxing gym, a mining village, Ukrainian families, a drug and alcohol service, Duke of "
                        "Edinburgh, a youth parliament)")
    p.add_argument("--only-writers-113-114", action="store_true",
                   help="only blind writers 113-114 (fresh113_*, fresh114_*: a gurdwara youth group, a girls' "
                        "football team)")
    p.add_argument("--only-writers-117-118", action="store_true",
                   help="only blind writers 117-118 (boys at a mosque-based youth club in Blackburn; pupils at a "
                        "school on the Isle of Wight): first sight at stop 47")
    p.add_argument("--only-writers-117-122", action="store_true",
                   help="only blind writers 117-122 (as 117-118, and a Sheffield academy, a Norfolk youth club, a "
                        "music project in Nottingham, a Surrey school): first sight at stop 47")
    p.add_argument("--only-writers-113-116", action="store_true",
                   help="only blind writers 113-116 (as 113-114, and a Catholic school's year 9, Gypsy, Roma and "
                        "Traveller young people)")
    p.add_argument("--new-writers-part", choices=("all", "tune", "check"), default="all",
                   help="with --only-new-writers or --only-latest-writers: all rows, the tuning two thirds, or the "
                        "set-aside third "
                        "(fixed by a hash of each row id: benchmarks/screening_heldout.new_writer_part)")
    p.add_argument("--no-question", action="store_true",
                   help="screen the youth sets' answers alone, without their question column")
    p.add_argument("--ablate", action="store_true",
                   help="only the ablation table: each veto and rule group switched off in turn")
    args = p.parse_args(argv)
    if args.ablate:
        bench_ablate()
        return 0
    with_q = not args.no_question
    if args.only_untouched:
        bench_untouched(DisclosureScreener().fit(), args.show_errors)
        return 0
    if args.only_blind:
        bench_blind(DisclosureScreener().fit(), args.show_errors, with_question=with_q)
        return 0
    if args.only_third_writer:
        bench_third_writer(DisclosureScreener().fit(), args.show_errors, with_question=with_q)
        return 0
    if args.only_new_writers:
        bench_new_writers(DisclosureScreener().fit(), args.show_errors, with_question=with_q,
                          part=args.new_writers_part)
        return 0
    for flag, writers in (("only_eighth_writer", EIGHTH_WRITER), ("only_ninth_tenth_writers", NINTH_TENTH_WRITERS),
                          ("only_twelfth_thirteenth_writers", TWELFTH_THIRTEENTH_WRITERS),
                          ("only_fourteenth_fifteenth_writers", FOURTEENTH_FIFTEENTH_WRITERS),
                          ("only_sixteenth_seventeenth_writers", SIXTEENTH_SEVENTEENTH_WRITERS),
                          ("only_eighteenth_nineteenth_writers", EIGHTEENTH_NINETEENTH_WRITERS),
                          ("only_twentieth_twentyfirst_writers", TWENTIETH_TWENTYFIRST_WRITERS),
                          ("only_twentysecond_twentythird_writers", TWENTYSECOND_TWENTYTHIRD_WRITERS),
                          ("only_twentyfourth_twentyfifth_writers", TWENTYFOURTH_TWENTYFIFTH_WRITERS),
                          ("only_twentysixth_twentyseventh_writers", TWENTYSIXTH_TWENTYSEVENTH_WRITERS),
                          ("only_writers_28_32", WRITERS_28_32), ("only_writers_33_37", WRITERS_33_37),
                          ("only_writers_38_42", WRITERS_38_42), ("only_writers_43_47", WRITERS_43_47),
                          ("only_writers_48_52", WRITERS_48_52), ("only_writers_53_57", WRITERS_53_57),
                          ("only_writers_58_62", WRITERS_58_62), ("only_writers_63_67", WRITERS_63_67),
                          ("only_writers_68_72", WRITERS_68_72), ("only_writers_73_80", WRITERS_73_80),
                          ("only_writers_81_88", WRITERS_81_88), ("only_writers_89_96", WRITERS_89_96),
                          ("only_writers_97_104", WRITERS_97_104), ("only_writers_105_112", WRITERS_105_112),
                          ("only_writers_113_114", WRITERS_113_114), ("only_writers_113_116", WRITERS_113_116),
                          ("only_writers_117_118", WRITERS_117_118), ("only_writers_117_122", WRITERS_117_122)):
        if getattr(args, flag):
            bench_new_writers(DisclosureScreener().fit(), args.show_errors, with_question=with_q, writers=writers)
            return 0
    if args.only_latest_writers:
        bench_new_writers(DisclosureScreener().fit(), args.show_errors, with_question=with_q, writers=LATEST_WRITERS,
                          part=args.new_writers_part)
        return 0
    if args.only_heldout:
        screener = DisclosureScreener().fit()
        bench_heldout(screener, args.show_errors, with_question=with_q)
        bench_blind(screener, args.show_errors, only_benign=True, with_question=with_q)
        return 0
    if args.only_pathological:
        bench_pathological()
        return 0
    t_fit = bench_fit_time()
    if args.only_fit:
        return 0
    screener = DisclosureScreener().fit()
    bench_real(screener, args.show_errors)
    if args.only_real:
        return 0
    bench_screening(args.cases, args.show_errors, screener, t_fit)
    if not args.no_fresh:
        bench_fresh(screener, args.show_errors, args.holdout)
    bench_blind(screener, args.show_errors, with_question=with_q)
    bench_heldout(screener, args.show_errors, with_question=with_q)
    bench_third_writer(screener, args.show_errors, with_question=with_q)
    bench_new_writers(screener, args.show_errors, with_question=with_q)
    bench_new_writers(screener, args.show_errors, with_question=with_q, writers=LATEST_WRITERS)
    bench_redaction(args.redaction, args.show_errors)
    bench_pathological()
    return 0


if __name__ == "__main__":
    sys.exit(main())
