"""Experiment (issue 17, stop 46): a learned second look at words the redactor's rules left, leaving one blind
writer out at a time.

Candidates: capitalised words (and lower-case words no dictionary holds) the shipped redactor left in an answer.
A logistic regression over each word's shape, the lists it is in and its neighbours learns, from the other
writers' labelled sets, whether the word is part of an item to remove; for the writer left out, a word it
scores at least ``t`` is redacted too. Prints removed / context kept per threshold, summed over the writers.

    python benchmarks/experiments/redaction_tokens/tokens.py [--sets r12 ... r23]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from redaction import SETS, load  # noqa: E402

from analysis.redaction import PersonalDataRedactor  # noqa: E402
from analysis.redaction.names import _noun_index, all_surnames, english_words, first_names, names_after_cue  # noqa: E402
from analysis.redaction.people import fold, keep_proper, uk_places  # noqa: E402

WORD = re.compile(r"[A-Za-z\u00c0-\u017f][A-Za-z\u00c0-\u017f'\u2019\-]*")
PH = re.compile(r"\[[a-z\-]+\]")


def features(text: str, m: re.Match, vocab, given, cued, sur, nouns, keep, places) -> dict:
    w = m.group()
    lw = fold(w)
    before = text[:m.start()]
    after = text[m.end():]
    prev = WORD.findall(before[-40:])
    nxt = WORD.findall(after[:40])
    p1 = prev[-1].lower() if prev else "<s>"
    n1 = nxt[0].lower() if nxt else "</s>"
    stripped = before.rstrip(" \t\"'(")
    start = not stripped or stripped[-1] in ".!?\n:;"
    f = {
        "cap": w[0].isupper(), "upper": w.isupper() and len(w) > 1, "lower": w.islower(),
        "vocab": lw in vocab, "given": lw in given, "cued": lw in cued, "sur": lw in sur, "noun": lw in nouns,
        "keep": lw in keep, "place": lw in places, "start": start, "len>6": len(w) > 6, "hyphen": "-" in w,
        "suf=" + lw[-2:]: 1, "p1=" + p1: 1, "n1=" + n1: 1,
        "p1cap": bool(prev) and prev[-1][0].isupper(), "n1cap": bool(nxt) and nxt[0][0].isupper(),
        "paren_after": after.lstrip().startswith("("), "comma_after": after.startswith(","),
        "digit_after": bool(re.match(r"[ \t,(]*\d", after)), "ph_before": bool(PH.search(before[-12:])),
        "ph_after": bool(PH.search(after[:12])),
    }
    f["cap&!vocab"] = f["cap"] and not f["vocab"]
    f["cap&!start"] = f["cap"] and not start
    return f


def candidates(red, rows, lists):
    """(features, label, row index, start, end) for each candidate word the rules left."""
    out = []
    vocab, given, cued, sur, nouns, keep, places = lists
    for i, r in enumerate(rows):
        text = r["text"]
        spans = red.find(text)
        removes = [x for x in (r["must_remove"] or "").split("|") if x]
        for m in WORD.finditer(text):
            if any(a < m.end() and m.start() < b for a, b, _ in spans):
                continue
            w = m.group()
            lw = fold(w)
            if not (w[0].isupper() or lw not in vocab) or len(w) < 2:
                continue
            label = any(text.find(item) != -1 and any(text[k:k + len(item)] == item and k <= m.start() and
                                                        m.end() <= k + len(item) for k in _all(text, item))
                        for item in removes)
            out.append((features(text, m, *lists), label, i, m.start(), m.end()))
    return out


def _all(text, item):
    k = text.find(item)
    while k != -1:
        yield k
        k = text.find(item, k + 1)


def redacted(text, spans, extra):
    cuts = sorted([(a, b) for a, b, _ in spans] + extra)
    out, last = [], 0
    for a, b in cuts:
        if a < last:
            continue
        out.append(text[last:a])
        out.append("[x]")
        last = b
    out.append(text[last:])
    return "".join(out)


def main(argv=None) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    p = argparse.ArgumentParser()
    p.add_argument("--sets", nargs="*", default=[f"r{n}" for n in range(12, 24)])
    p.add_argument("--thresholds", nargs="*", type=float, default=[0.5, 0.6, 0.7, 0.8, 0.9])
    args = p.parse_args(argv)
    red = PersonalDataRedactor().fit()
    lists = (english_words(), first_names(), names_after_cue(), all_surnames(), _noun_index(), keep_proper(),
             uk_places())
    data = {s: load(SETS[s]) for s in args.sets}
    cands = {s: candidates(red, rows, lists) for s, rows in data.items()}
    totals = {t: [0, 0, 0, 0] for t in [None] + args.thresholds}
    for s in args.sets:
        train = [c for o in args.sets if o != s for c in cands[o]]
        vec = DictVectorizer()
        X = vec.fit_transform([c[0] for c in train])
        y = [c[1] for c in train]
        model = LogisticRegression(C=0.5, max_iter=2000, class_weight=None).fit(X, y)
        probs = model.predict_proba(vec.transform([c[0] for c in cands[s]]))[:, 1] if cands[s] else []
        for t in totals:
            for i, r in enumerate(data[s]):
                text = r["text"]
                extra = [] if t is None else [(c[3], c[4]) for c, pr in zip(cands[s], probs, strict=True)
                                              if c[2] == i and pr >= t]
                out = redacted(text, red.find(text), extra)
                for item in filter(None, (r["must_remove"] or "").split("|")):
                    totals[t][0] += item not in out
                    totals[t][1] += 1
                for item in filter(None, (r["must_keep"] or "").split("|")):
                    totals[t][2] += item in out
                    totals[t][3] += 1
    for t, (g, n, k, kn) in totals.items():
        print(f"threshold {t}: removed {g / n:.3f} ({g}/{n}), context kept {k / kn:.3f} ({k}/{kn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
