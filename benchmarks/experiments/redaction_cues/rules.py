"""Candidate rules (text -> extra spans ``(start, end, kind)``), scored by ``harness.py`` before any goes into
``analysis/redaction``. The candidates that were shipped at stop 47 live in ``analysis/redaction/cues.py``; what
is left here was measured and not shipped:

* ``list_neighbour``: a word beside a found name in a list ("[name], Ruby and me"). On writers 12-41: 15 more
  items removed, 83 items to keep lost (job titles, places and languages beside a name: "[name], Early Help
  Practitioner", "[name], Portuguese speaker"), 16 NHS comments changed.
"""
from __future__ import annotations

import re

from analysis.redaction.names import english_words

BASE = None  # set by the harness: text -> the shipped redactor's spans
ALL = ["list_neighbour"]

_NOT_NEIGHBOUR = frozenset("me i my mum dad mam nan her him his their our she he they we you them us the a "
                           "baby kids children family friends mates sister brother nana grandad gran grandma auntie "
                           "uncle cousin cousins twin twins partner husband wife boyfriend girlfriend carer carers "
                           "staff police school".split())
_SEP = r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|n|an|&|or)[ \t]+)"


def list_neighbour(t):
    vocab = english_words()
    out = []
    for a, b, kind in BASE(t):
        if kind != "name":
            continue
        right = re.match(_SEP + r"([A-Za-z][a-z'\-]+)\b", t[b:])
        left = re.search(r"\b([A-Za-z][a-z'\-]+)" + _SEP + "$", t[max(0, a - 30):a])
        for m, base in ((right, b), (left, max(0, a - 30))):
            if m:
                w = m.group(1)
                if w.lower() not in _NOT_NEIGHBOUR and (w[0].isupper() or w.lower() not in vocab):
                    out.append((base + m.start(1), base + m.end(1), "name"))
    return out
