"""Benchmark personal-data redaction on labelled sets: how much personal data goes, how much context stays.

Usage::

    python benchmarks/redaction.py [--show-errors] [--sets blind heldout dev] [CSV ...]

Each set is a CSV with columns ``id,text,must_remove,must_keep`` (``|``-separated exact
substrings of ``text``).  An item to remove counts as removed when it no longer appears in
the redacted text; an item to keep counts as kept when it still appears.  Items to remove
are given a type here from their own text (``item_type``) so the misses can be broken down
by type; the redactor never sees these types.

Sets:

* ``blind``: ``benchmarks/data/blind_redaction.csv`` (written blind; its aggregate was
  looked at while developing, its rows were not used for tuning);
* ``heldout``: ``benchmarks/data/heldout_redaction.csv`` (written blind, scored once,
  never tuned on);
* ``dev``: ``benchmarks/data/redaction_dev.csv`` (written by the redaction developer and
  used for tuning: its figure is optimistic);
* ``cases``: ``benchmarks/data/redaction_cases.csv`` (the screening benchmark's redaction cases,
  ``pii``/``keep`` columns, converted on load);
* ``dev3`` and ``probe3`` to ``probe3e``: round-3 sets written by the round-3 developer (the
  probes were scored before the rules they exposed were written, then tuned on: optimistic).

Since round 3 every set above has been looked at while developing: none of them is held out.

Ordinary answers: how many of the ordinary answers (``ORDINARY``, no personal data) are changed.

Speed: CPU milliseconds per answer (and per 1,000 answers) over 1,000 ordinary youth answers
(``blind_youth_benign.csv``), after a warm-up.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.redaction import PersonalDataRedactor  # noqa: E402

DATA = Path(__file__).parent / "data"
SETS = {"blind": DATA / "blind_redaction.csv", "heldout": DATA / "heldout_redaction.csv",
        "dev": DATA / "redaction_dev.csv", "cases": DATA / "redaction_cases.csv",
        "dev3": DATA / "redaction_dev_round3.csv", "probe3": DATA / "redaction_probe_round3.csv",
        "probe3b": DATA / "redaction_probe2_round3.csv", "probe3c": DATA / "redaction_probe3_round3.csv",
        "probe3d": DATA / "redaction_probe4_round3.csv", "probe3e": DATA / "redaction_probe5_round3.csv",
        "fresh3": DATA / "fresh3_redaction.csv",
        "fresh11": DATA / "fresh11_redaction.csv",  # the eleventh blind writer (3 December), scored once
        # twelve blind writers of 7 December (stop 46), brief `blind_brief_redaction.md`, each with its own voices;
        # scored at first sight with the redactor before and after that session's changes; 12-14 then tuned on
        **{f"r{n}": DATA / f"blindr{n}_redaction.csv" for n in range(12, 102)
           if (DATA / f"blindr{n}_redaction.csv").exists()}}
# never printed row by row, even with --show-errors: kept unread for a later first sight (writers 42-57 of stop 47,
# less r43, r48, r49, r50, r54 and r55, read for tuning after their first sight; 36-41, unread at stop 46, became tuning
# data at stop 47; 66-69, young people's writers of stop 50, were scored at first sight before and after that stop's
# first changes, then read for tuning; 70-73, young people's writers of stop 50, were scored at first sight with that
# stop's last code and stop 49's, and are kept unread; 74-79, young people's writers of stop 51, were scored at first
# sight with that stop's learned stage and stop 50's code, then read and trained on; 80-87, young people's writers of
# stop 51, were scored at its end and are kept unread; 88-101, young people's writers of stop 51, were written as the
# learned stage's training data and never scored at first sight)
UNREAD = frozenset({f"r{n}" for n in (42, 44, 45, 46, 47, 51, 52, 53, 56, 57, 59, 61, 63, 64, 65, 70, 71, 72, 73,
                                      80, 81, 82, 83, 84, 85, 86, 87)})
# Ordinary answers with no personal data: any change the redactor makes to them is over-redaction.
ORDINARY = [DATA / "blind_youth_benign.csv", DATA / "heldout_youth_ordinary.csv",
            DATA / "heldout_practitioner_ordinary.csv"]

_TYPES = [
    ("email", re.compile(r"@\S+\.|\b(?:at|\(at\))\s.*\b(?:dot|\(dot\))\b|\bdot\s+com\b", re.I)),
    ("handle", re.compile(r"^@|#\d|_|\b(?:snap|insta|tiktok|discord)\b", re.I)),
    ("ni-number", re.compile(r"^[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]?$", re.I)),
    ("vehicle-reg", re.compile(r"^(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])$",
                               re.I)),
    ("postcode", re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.I)),
    ("date-of-birth", re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                                 r"nov|dec)[a-z]*\b.*\d|\d.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
                                 re.I)),
    ("phone/nhs-number", re.compile(r"(?:\d\D{0,3}){9,}|\b(?:oh|zero|seven|double)\b.*\b(?:one|two|three|four|"
                                    r"five|six|seven|eight|nine)\b", re.I)),
    ("url", re.compile(r"https?://|www\.|\.(?:com|co\.uk|org)\b", re.I)),
    ("school", re.compile(r"\b(?:school|academy|primary|college|high|ysgol|grammar|juniors?|infants?)\b", re.I)),
    ("service", re.compile(r"\b(?:surgery|practice|cent(?:re|er)|clinic|home|house|lodge|club|pharmacy|"
                           r"nursery|hostel|gp|dental|hub)\b", re.I)),
    ("address", re.compile(r"^\d|\b(?:road|street|avenue|lane|close|drive|way|court|crescent|estate|flat)\b",
                           re.I)),
]


def item_type(item: str) -> str:
    """The type of a personal-data item, guessed from its own text (for the breakdown only)."""
    for name, pattern in _TYPES:
        if pattern.search(item):
            return name
    return "name"


def load(path: Path) -> list[dict]:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    if rows and "pii" in rows[0]:  # redaction_cases.csv: "kind=value;;kind=value" and ";;"-separated keeps
        return [{"text": r["text"], "must_remove": "|".join(p.split("=", 1)[1] for p in r["pii"].split(";;") if p),
                 "must_keep": "|".join(k for k in r["keep"].split(";;") if k)} for r in rows]
    return rows


def score(red: PersonalDataRedactor, rows: list[dict]) -> dict:
    per: dict[str, list[int]] = {}
    gone = total = kept = keep_total = 0
    errors = []
    for r in rows:
        out = red.redact(r["text"])
        for item in filter(None, r["must_remove"].split("|")):
            kind = item_type(item)
            ok = item not in out
            per.setdefault(kind, [0, 0])
            per[kind][0] += ok
            per[kind][1] += 1
            total += 1
            gone += ok
            if not ok:
                errors.append(("KEPT", kind, item, r["text"], out))
        for item in filter(None, r["must_keep"].split("|")):
            ok = item in out
            keep_total += 1
            kept += ok
            if not ok:
                errors.append(("OVER-REDACTED", "keep", item, r["text"], out))
    return {"rows": len(rows), "gone": gone, "total": total, "kept": kept, "keep_total": keep_total,
            "per": per, "errors": errors}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _rel(path: Path) -> Path:
    try:
        return path.relative_to(ROOT)
    except ValueError:
        return path


def report(name: str, path: Path, s: dict, show_errors: bool) -> None:
    print(f"### {name}: `{_rel(path)}` ({s['rows']} texts)\n")
    print(f"- **removed {_ratio(s['gone'], s['total']):.3f}** ({s['gone']}/{s['total']}), "
          f"**context kept {_ratio(s['kept'], s['keep_total']):.3f}** ({s['kept']}/{s['keep_total']})\n")
    print("| type (guessed from the item) | items | removed |")
    print("|---|---|---|")
    for kind, (ok, n) in sorted(s["per"].items(), key=lambda kv: -kv[1][1]):
        print(f"| {kind} | {n} | {_ratio(ok, n):.2f} ({ok}/{n}) |")
    print()
    if show_errors and s["errors"] and name not in UNREAD:
        for what, kind, item, text, out in s["errors"]:
            print(f"- {what} [{kind}] {item!r}: {text!r} -> {out!r}")
        print()


def bench_speed(red: PersonalDataRedactor, n: int = 1000) -> None:
    path = DATA / "blind_youth_benign.csv"
    texts = [r["answer"] for r in load(path)][:n] if path.exists() else []
    while len(texts) < n:
        texts += texts or ["my social worker Sarah, call 07700 900123"]
    texts = texts[:n]
    for t in texts[:50]:
        red.redact(t)
    t0 = time.process_time()
    for t in texts:
        red.redact(t)
    cpu = time.process_time() - t0
    ms = 1000 * cpu / len(texts)
    load_avg = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"### Speed\n\n- {ms:.2f} ms CPU per answer, {ms * 1000:.0f} ms CPU per 1,000 answers, over "
          f"{len(texts)} ordinary answers (load average {load_avg})\n")


def ordinary_changes(red: PersonalDataRedactor, show: bool) -> None:
    """Ordinary answers (no personal data expected) that the redactor changes."""
    texts = []
    for path in ORDINARY:
        if path.exists():
            texts += [r["answer"] for r in load(path)]
    changed = [(t, red.redact(t)) for t in texts]
    changed = [(t, o) for t, o in changed if t != o]
    print(f"### Ordinary answers changed\n\n- {len(changed)} of {len(texts)} "
          f"({', '.join(p.name for p in ORDINARY)})\n")
    if show:
        for t, o in changed:
            print(f"- {t!r} -> {o!r}")
        print()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("paths", nargs="*", type=Path, help="extra CSV files to score")
    p.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    p.add_argument("--show-errors", action="store_true")
    p.add_argument("--rules-only", action="store_true", help="without the learned second stage (stop 51)")
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    red = PersonalDataRedactor(learned=not args.rules_only).fit()
    red.redact("warm up Sarah Smith")
    fit_ms = 1000 * (time.perf_counter() - t0)
    print(f"## Redaction\n\nFit and first call: {fit_ms:.0f} ms wall.\n")
    totals = {"gone": 0, "total": 0, "kept": 0, "keep_total": 0}
    for name in args.sets:
        path = SETS[name]
        if path.exists():
            s = score(red, load(path))
            report(name, path, s, args.show_errors)
            for k in totals:
                totals[k] += s[k]
        else:
            print(f"### {name}: `{path.relative_to(ROOT)}` not present\n")
    for path in args.paths:
        report(path.stem, path.resolve(), score(red, load(path)), args.show_errors)
    if len(args.sets) > 1:
        print(f"### All sets above\n\n- removed {_ratio(totals['gone'], totals['total']):.3f} "
              f"({totals['gone']}/{totals['total']}), context kept {_ratio(totals['kept'], totals['keep_total']):.3f} "
              f"({totals['kept']}/{totals['keep_total']})\n")
    ordinary_changes(red, args.show_errors)
    bench_speed(red)
    return 0


if __name__ == "__main__":
    sys.exit(main())
