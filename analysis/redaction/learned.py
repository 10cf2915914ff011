"""A learned second stage: which words the rules left are still personal data (stop 51).

The rules find what has a shape or a cue. What young people's blind writers showed they leave is a long tail of
one-off contexts: a school by its short name ("the head of year at ridgeway"), an estate ("we lived on the
nunny"), a name that is also a word after a kin word ("my mum lisa just let him"), a handle with no @
("her @ is summer.rayy"). Each context alone is too rare for a rule. ``LearnedSpans`` is a logistic regression over
each word the rules left, with the word's shape, the name and place lists it is in, its neighbours and whether the
sentence talks of school; it is trained on the read blind writers (never on the unread ones) and only ever adds
spans to the rules' own.

scikit-learn style: ``fit(texts, labels, base=...)`` learns ``coef_`` and ``intercept_``; ``combine(text, base)``
returns the rules' spans plus the learned ones. The fitted weights ship in ``data/learned_spans.npz`` (built by
``python -m analysis.redaction.build_learned``; its ``--check`` is tested), so nothing is fitted at run time.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from .context_lists import common_given, listed_given
from .names import _noun_index, all_surnames, english_words, names_after_cue
from .people import _words, fold, keep_proper, uk_places

N_FEATURES = 2 ** 18
TOKEN = re.compile(r"[A-Za-z0-9@#][A-Za-z0-9'\u2019\-._@]*[A-Za-z0-9]|[A-Za-z0-9]")
SCHOOL_TALK = re.compile(r"\b(?:school|teachers?|head(?:teacher|[ \t]+of[ \t]+year)?|form[ \t]+tutor|tutor|"
                         r"year[ \t]*\d{1,2}s?|yr[ \t]*\d{1,2}|pupils?|sixth[ \t]+form|6th[ \t]+form|sir|miss|"
                         r"class|lessons?|detention|excluded|primary|secondary|academy|college|uniform)\b",
                         re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")
_YEAR = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=1)
def never_taken() -> frozenset[str]:
    """Titles, ranks and type words: context the rules leave beside a name (``data/learned_stage.txt``), and the
    chat words, ranks and family words never part of a name (``data/name_rules.txt``: "ty", "lol", "nain")."""
    data = Path(__file__).parent / "data"
    return _words(data / "learned_stage.txt", "never taken") | _words(data / "name_rules.txt", "not part of a name")


def candidate(tok: str) -> bool:
    """A word the second stage may take: no title or type word, no year, no run of words joined by dots or
    underscores ("helpful.the", "i.e", "care...very": a missing space, not a handle)."""
    w = fold(tok)
    if w in never_taken() or _YEAR.fullmatch(tok):
        return False
    if _derived(w):
        return False
    parts = [p for p in re.split(r"[._]+", w) if p]
    return not (len(parts) > 1 or "." in tok) or not all(p in english_words() or len(p) == 1 for p in parts)


_PREFIXES = ("un", "re", "dis", "non", "over", "under", "pre", "mis", "im", "in", "ir", "il", "out", "self")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "ness", "ment", "ments", "able", "ible", "ful", "less", "er", "ers",
             "est", "ity", "ive", "ism", "ist", "ists", "ise", "ize", "ised", "ized", "al", "ally")


def _derived(w: str) -> bool:
    """An English word the word list lacks, made from one it holds ("unsustainable", "overthinking"), and no name
    (blind youth ordinary answers, stop 51: "Workload is unsustainable" lost its last word)."""
    lists = _lists()
    if len(w) < 6 or not w.isalpha() or any(w in lists[k] for k in "GCQS"):
        return False
    vocab = lists["V"]
    stems = [w[len(p):] for p in _PREFIXES if w.startswith(p)] + [w]
    for stem in stems:
        if stem != w and stem in vocab:
            return True
        for suf in _SUFFIXES:
            if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                root = stem[:-len(suf)]
                if root in vocab or root + "e" in vocab or (len(root) > 3 and root[-1] == root[-2]
                                                              and root[:-1] in vocab):
                    return True
    return False


@lru_cache(maxsize=1)
def _lists():
    return {"V": english_words(), "G": listed_given(), "C": common_given(), "Q": names_after_cue(),
            "S": all_surnames(), "P": uk_places(), "K": keep_proper(), "N": _noun_index()}


def _flags(word: str) -> str:
    w = fold(word)
    return "".join(k for k, s in _lists().items() if w in s) or "-"


def _shape(tok: str) -> str:
    if any(c.isdigit() for c in tok):
        return "digit" if tok.isdigit() else "alnum"
    if "." in tok or "_" in tok or "@" in tok:
        return "handle"
    if tok.isupper() and len(tok) > 1:
        return "upper"
    if tok[0].isupper():
        return "cap"
    return "lower"


def tokens(text: str, base: Sequence[tuple[int, int, str]]):
    """Tokens ``(start, end, features)`` outside the rules' spans; ``features`` is a list of strings."""
    taken = np.zeros(len(text) + 1, dtype=bool)
    for a, b, _ in base:
        taken[a:b] = True
    all_toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    # all in small letters (a phone answer), in capitals, or mixed as in ordinary writing
    doc = "doc_lower" if not upper else "doc_upper" if upper > 0.7 * len(letters) else "doc_mixed"
    school = {}
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    out = []
    low = [t[2].lower() for t in all_toks]
    red = [bool(taken[a:b].any()) for a, b, _ in all_toks]
    flags: dict[int, str] = {}  # each word's lists, looked up once though three words read them

    def fl_of(j: int) -> str:
        if j not in flags:
            flags[j] = _flags(all_toks[j][2])
        return flags[j]
    for i, (a, b, tok) in enumerate(all_toks):
        if red[i] or not candidate(tok) or (len(tok) == 1 and tok.islower()):
            continue  # "</b>", "flat b": a lone small letter is markup or the rules' to read
        if doc != "doc_lower" and tok.islower() and low[i] in english_words():
            continue  # where a writer uses capitals, a word in small letters is a word: "answer the call bell"
        if i > 0 and red[i - 1] and not text[all_toks[i - 1][1]:a].strip() and low[i] in english_words():
            continue  # a word straight after a found name is its type word: "[service] Boxing Club"
        if i + 1 < len(all_toks) and low[i + 1] in ("ward", "wards") or i > 0 and low[i - 1] in ("ward", "bay"):
            continue  # a hospital ward's name or number is context, as the rules judge it: "the staff at Ashby ward"
        if text[b:b + 1] == "/" and text[b + 1:b + 2].isalpha():
            continue  # an abbreviation: "my H/V", "A/E"
        k = bisect_right(ends, a)
        s0 = ends[k - 1] if k else 0
        if s0 not in school:
            e = _SENTENCE_END.search(text, b)
            school[s0] = bool(SCHOOL_TALK.search(text, s0, e.end() if e else len(text)))
        w, shape, fl = low[i], _shape(tok), fl_of(i)
        initial = not text[s0:a].strip()
        p1 = "<red>" if i > 0 and red[i - 1] else low[i - 1] if i > 0 else "<s>"
        p2 = "<red>" if i > 1 and red[i - 2] else low[i - 2] if i > 1 else "<s>"
        n1 = "<red>" if i + 1 < len(all_toks) and red[i + 1] else low[i + 1] if i + 1 < len(all_toks) else "</s>"
        n2 = "<red>" if i + 2 < len(all_toks) and red[i + 2] else low[i + 2] if i + 2 < len(all_toks) else "</s>"
        f1 = fl_of(i - 1) if i > 0 else "<s>"
        g1 = fl_of(i + 1) if i + 1 < len(all_toks) else "</s>"
        between = text[all_toks[i - 1][1]:a].strip() if i > 0 else ""
        feats = [f"w={w}", f"suf={w[-3:]}", f"suf2={w[-2:]}", f"suf4={w[-4:]}", f"pre3={w[:3]}",
                 f"shape={shape}", f"fl={fl}", f"shape_fl={shape}|{fl}",
                 f"doc_shape={doc}|{shape}", f"doc_shape_fl={doc}|{shape}|{fl}",
                 f"p1={p1}", f"p2={p2}", f"n1={n1}", f"n2={n2}", f"p2p1={p2} {p1}", f"n1n2={n1} {n2}",
                 f"p1_fl={p1}|{fl}", f"n1_fl={n1}|{fl}", f"p1_shape={p1}|{shape}", f"n1_shape={n1}|{shape}",
                 f"f1={f1}", f"g1={g1}", f"f1_fl={f1}|{fl}", f"fl_g1={fl}|{g1}", f"punct_before={between[-1:]}",
                 f"initial={initial}|{shape}", f"len={min(len(w), 12)}"]
        if school[s0]:
            feats += ["school", f"school_fl={fl}", f"school_p1={p1}", f"school_p1_fl={p1}|{fl}"]
        out.append((a, b, feats))
    return out


def _index(feature: str) -> int:
    """A feature's column: CRC-32 (stable across processes and machines, and in the standard library)."""
    return zlib.crc32(feature.encode("utf8")) & (N_FEATURES - 1)


def token_labels(row: dict) -> list[tuple[int, int]]:
    """Character ranges of every occurrence of a row's items to remove."""
    text = row["text"]
    spans = []
    for item in filter(None, row["must_remove"].split("|")):
        for m in re.finditer(re.escape(item), text):
            spans.append((m.start(), m.end()))
    return spans


class LearnedSpans:
    """Logistic regression over the words the rules left (see the module's docstring)."""

    def __init__(self, threshold: float = 0.7, C: float = 0.5):
        self.threshold = threshold
        self.C = C

    def fit(self, texts, labels, base):
        """``labels``: for each text, the character ranges of its personal data; ``base``: the rules' spans."""
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        rows, cols, ys = [], [], []
        for text, spans, b in zip(texts, labels, base, strict=True):
            inside = np.zeros(len(text) + 1, dtype=bool)
            for a, e in spans:
                inside[a:e] = True
            for a, e, f in tokens(text, b):
                rows += [len(ys)] * len(f)
                cols += [_index(x) for x in f]
                ys.append(int(inside[a:e].all()))
        X = csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(ys), N_FEATURES))
        model = LogisticRegression(C=self.C, solver="liblinear", max_iter=300, random_state=0).fit(X, np.array(ys))
        self.coef_ = model.coef_[0].astype(np.float32)
        self.intercept_ = float(model.intercept_[0])
        return self

    def scores(self, text: str, base) -> list[tuple[int, int, float]]:
        """Each word the rules left, with the probability that it is personal data."""
        toks = tokens(text, base)
        if not toks:
            return []
        sizes = [len(f) for _, _, f in toks]
        idx = np.fromiter((_index(x) for _, _, f in toks for x in f), dtype=np.int64, count=sum(sizes))
        starts = np.zeros(len(sizes), dtype=np.int64)
        starts[1:] = np.cumsum(sizes[:-1])
        z = np.add.reduceat(self.coef_[idx].astype(np.float64), starts) + self.intercept_
        p = 1.0 / (1.0 + np.exp(-z))
        return [(a, b, float(q)) for (a, b, _), q in zip(toks, p, strict=True)]

    def find(self, text: str, base) -> list[tuple[int, int, str]]:
        """The learned spans alone: runs of words scored over the threshold, joined across spaces."""
        out: list[tuple[int, int, str]] = []
        for a, b, q in self.scores(text, base):
            if q < self.threshold:
                continue
            if out and not text[out[-1][1]:a].strip():
                a = out.pop()[0]
            out.append((a, b, "reference" if any(c.isdigit() for c in text[a:b]) else "name"))
        return out

    def combine(self, text: str, base) -> list[tuple[int, int, str]]:
        return sorted([*base, *self.find(text, base)])


@lru_cache(maxsize=1)
def load() -> LearnedSpans:
    """The shipped weights (``data/learned_spans.npz``). Their absence is an error, not a quieter redactor."""
    path = Path(__file__).parent / "data" / "learned_spans.npz"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run python -m analysis.redaction.build_learned")
    with np.load(path) as z:
        model = LearnedSpans(threshold=float(z["threshold"]))
        model.coef_ = z["coef"].astype(np.float32)
        model.intercept_ = float(z["intercept"])
    return model
