"""Would a learned token classifier close the gap on young people's text? An experiment, not shipped (stop 48).

    python benchmarks/experiments/redaction_learned/tokens.py [THRESHOLD]

Each word the shipped redactor leaves is a candidate. Its label: inside an item to remove (1) or not (0). Features:
the word's case and shape, whether name lists, the surname lists, the dictionary and the place list hold it, and the
two words either side (placeholders included). A logistic regression is trained on the read waves; its threshold
is chosen by 5-fold cross-validation on the read waves alone (the threshold where items-to-keep lost stay under a
quarter of the items gained; folds by writer); then it is scored on the waves never read (totals only, as
``benchmarks/redaction.py`` prints them), on the ordinary answers and on the NHS comments.

Stop 48, the 39 read waves (11,700 texts, 227,000 candidate words), folds by writer:

| threshold | read waves, cross-validated | never read (15 writers): all / young people / adults | NHS changed |
|---|---|---|---|
| (rules alone) | 0.9306 / 0.9747 | 0.906 / 0.871 / 0.943, kept 0.974 | 460 |
| 0.9 (chosen) | 0.9321 (+27) / 0.9745 (-5) | 0.908 / 0.872 / 0.946, kept 0.974 | +87 |
| 0.7 | 0.9386 (+144) / 0.9721 (-64) | 0.915 / 0.877 / 0.955, kept 0.972 | +123 |
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
import redaction as B  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from analysis.redaction import PersonalDataRedactor  # noqa: E402
from analysis.redaction.names import all_surnames, english_words, first_names, names_after_cue  # noqa: E402
from analysis.redaction.people import uk_places  # noqa: E402

TOKEN = re.compile(r"\[[a-z\-]+\]|[A-Za-z][A-Za-z'\-]*")
RED = PersonalDataRedactor().fit()
V, G, C, S, P = english_words(), first_names(), names_after_cue(), all_surnames(), uk_places()


def tokens(text):
    """Words of the text the redactor leaves, with their place in the text, and the placeholders around them."""
    spans = RED.find(text)
    taken = [(a, b) for a, b, _ in spans]
    toks = []
    for m in TOKEN.finditer(text):
        a, b = m.start(), m.end()
        inside = any(x <= a < y for x, y in taken)
        toks.append((m.group(), a, b, inside))
    return toks


def feats(toks, i):
    w, a, b, _ = toks[i]
    lw = w.lower().strip("'")
    f = {"lw=" + lw: 1, "title": w.istitle(), "upper": w.isupper() and len(w) > 1, "lower": w.islower(),
         "given": lw in G, "cued": lw in C, "sur": lw in S, "vocab": lw in V, "place": lw in P,
         "len": min(len(w), 12) / 12, "suf=" + lw[-3:]: 1, "poss": lw.endswith("s") and lw[:-1] in C}
    for k in (-2, -1, 1, 2):
        j = i + k
        if 0 <= j < len(toks):
            nw = toks[j][0].lower()
            f[f"w{k}=" + ("[RED]" if toks[j][3] else nw)] = 1
            if k in (-1, 1):
                f[f"c{k}"] = toks[j][0][:1].isupper()
        else:
            f[f"w{k}=<edge>"] = 1
    return f


def rows_of(sets):
    rows = []
    for s in sets:
        rows += B.load(B.SETS[s])
    return rows


def dataset(rows):
    X, y, where = [], [], []
    for ri, r in enumerate(rows):
        text = r["text"]
        items = [i for i in r["must_remove"].split("|") if i]
        cover = set()
        for it in items:
            for m in re.finditer(re.escape(it), text):
                cover.update(range(m.start(), m.end()))
        toks = tokens(text)
        for i, (w, a, b, inside) in enumerate(toks):
            if inside or w.startswith("["):
                continue
            X.append(feats(toks, i))
            y.append(int(a in cover))
            where.append((ri, a, b))
    return X, np.array(y), where


def score(rows, where, flagged):
    """Items removed and kept, adding the flagged token spans to the shipped redactor's."""
    extra = {}
    for (ri, a, b), f in zip(where, flagged, strict=True):
        if f:
            extra.setdefault(ri, []).append((a, b))
    gone = total = kept = ktotal = 0
    for ri, r in enumerate(rows):
        text = r["text"]
        out = RED.redact(text)
        if ri in extra:
            chars = list(text)
            for a, b in extra[ri]:
                for k in range(a, b):
                    chars[k] = "\0"
            masked = "".join(chars)
            out = RED.redact(masked).replace("\0", "")  # the flagged words gone, the rules' spans as before
        for it in filter(None, r["must_remove"].split("|")):
            total += 1
            gone += it not in out
        for it in filter(None, r["must_keep"].split("|")):
            ktotal += 1
            kept += it in out
    return gone, total, kept, ktotal


def main():
    read = [s for s in B.SETS if s.startswith("r") and s[1:].isdigit() and s not in B.UNREAD]
    unread = sorted(B.UNREAD)
    rows = rows_of(read)
    X, y, where = dataset(rows)
    print(f"read waves: {len(read)}, texts {len(rows)}, candidate words {len(y)}, positives {y.sum()}")
    vec = DictVectorizer()
    Xv = vec.fit_transform(X)
    # threshold by 5-fold cross-validation over texts
    # folds by writer (a wave is one writer), so a fold's texts come from writers the model was not trained on
    wave_of = [s for s in read for _ in B.load(B.SETS[s])]
    folds = np.array([read.index(wave_of[w[0]]) % 5 for w in where])
    probs = np.zeros(len(y))
    for k in range(5):
        m = LogisticRegression(C=0.5, max_iter=2000, class_weight=None)
        m.fit(Xv[folds != k], y[folds != k])
        probs[folds == k] = m.predict_proba(Xv[folds == k])[:, 1]
    base = score(rows, where, [False] * len(y))
    print(f"read waves, shipped redactor: removed {base[0] / base[1]:.4f}, kept {base[2] / base[3]:.4f}")
    best = None
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        s = score(rows, where, probs >= t)
        gain, loss = s[0] - base[0], base[2] - s[2]
        print(f"  cross-validated, threshold {t}: removed {s[0] / s[1]:.4f} (+{gain}), kept {s[2] / s[3]:.4f} "
              f"(-{loss})")
        if best is None and loss * 4 <= gain:
            best = t
    best = float(sys.argv[1]) if len(sys.argv) > 1 else (best or 0.9)
    model = LogisticRegression(C=0.5, max_iter=2000).fit(Xv, y)
    # once: the waves never read
    urows = rows_of(unread)
    UX, uy, uwhere = dataset(urows)
    up = model.predict_proba(vec.transform(UX))[:, 1]
    b0 = score(urows, uwhere, [False] * len(uy))
    b1 = score(urows, uwhere, up >= best)
    print(f"never read ({len(unread)} waves), threshold {best}: removed {b0[0] / b0[1]:.4f} -> {b1[0] / b1[1]:.4f}, "
          f"kept {b0[2] / b0[3]:.4f} -> {b1[2] / b1[3]:.4f}")
    for label, group in (("young people", {"r51", "r52", "r53", "r56", "r57", "r59", "r61", "r63"}),
                         ("adults", {"r42", "r44", "r45", "r46", "r47", "r64", "r65"})):
        g = [s for s in unread if s in group]
        grows = rows_of(g)
        GX, gy, gw = dataset(grows)
        gp = model.predict_proba(vec.transform(GX))[:, 1]
        a0, a1 = score(grows, gw, [False] * len(gy)), score(grows, gw, gp >= best)
        print(f"  {label}: removed {a0[0] / a0[1]:.4f} -> {a1[0] / a1[1]:.4f}, kept {a0[2] / a0[3]:.4f} -> "
              f"{a1[2] / a1[3]:.4f}")
    # ordinary answers and NHS comments: how many more are changed
    for label, texts in (("ordinary answers", [r["answer"] for p in B.ORDINARY if p.exists() for r in B.load(p)]),
                         ("NHS comments", [r["feedback"] for r in csv.DictReader(
                             (ROOT.parent / "shared" / "data" / "px_phase1_text_data.csv").open(encoding="utf-8"))
                             if r.get("feedback")])):
        changed = 0
        for t in texts:
            toks = tokens(t)
            cand = [feats(toks, i) for i, tk in enumerate(toks) if not tk[3] and not tk[0].startswith("[")]
            if cand and (model.predict_proba(vec.transform(cand))[:, 1] >= best).any():
                changed += 1
        print(f"{label}: {changed} of {len(texts)} more changed")


if __name__ == "__main__":
    main()
