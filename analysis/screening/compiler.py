"""Compile the readable rule language into spaCy ``Matcher`` patterns."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache

from .lexicon import SETS

_TOKEN_RE = re.compile(r"(?:\([^)]*\)|[^\s(])+")
_SENT_END = [".", "!", "?", "\n", "\n\n"]


def _alternatives(item: str) -> list[str]:
    """Split ``a|(b c|d)|e`` at the top level and flatten the groups."""
    alts, depth, cur = [], 0, ""
    for ch in item:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            alts.append(cur)
            cur = ""
        else:
            cur += ch
    alts.append(cur)
    out: list[str] = []
    for a in alts:
        if a.startswith("(") and a.endswith(")"):
            out.extend(x.strip() for x in a[1:-1].split("|"))
        else:
            out.append(a)
    return [a for a in out if a]


@lru_cache(maxsize=4096)
def expand(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Expand multi-word alternatives into separate token sequences.

    Returns sequences of simple items (``word``, ``a|b``, ``@SET``, ``~N``,
    optionally ending with ``?``).  Cached: fitting expands each pattern twice
    (its words are spelling targets before it is compiled).
    """
    choices: list[list[list[str]]] = []
    for item in _TOKEN_RE.findall(pattern):
        optional = item.endswith("?") and len(item) > 1
        body = item[:-1] if optional else item
        if "(" not in body and ("=" not in body or "|" not in body):
            choices.append([[item]])
            continue
        alts = _alternatives(body)
        # a word as written (``=gone``) is matched on its own: one token cannot be both
        if all(" " not in a and not a.startswith("=") for a in alts):
            choices.append([["|".join(alts) + ("?" if optional else "")]])
            continue
        singles = [a for a in alts if " " not in a and not a.startswith("=")]
        opts = [["|".join(singles)]] if singles else []
        opts += [a.split() for a in alts if " " in a or a.startswith("=")]
        if optional:
            opts.append([])
        choices.append(opts)
    return tuple(tuple(itertools.chain.from_iterable(combo)) for combo in itertools.product(*choices))


def _words(item: str) -> list[str]:
    """Words of a simple item; ``@SET`` parts are looked up in the lexicon."""
    out: list[str] = []
    for part in item.split("|"):
        if part.startswith("@"):
            out.extend(SETS[part[1:]])
        elif part.startswith("="):
            out.append(part[1:])
        elif part:
            out.append(part)
    return out


def compile_item(item: str, norm: Callable[[str], str]) -> dict:
    optional = item.endswith("?") and len(item) > 1
    if optional:
        item = item[:-1]
    if item.startswith("~"):
        n = int(item[1:])
        return {"ORTH": {"NOT_IN": _SENT_END}, "IS_SENT_START": False, "OP": f"{{0,{n}}}"}
    if item.startswith("="):
        # the word as written, not its lemma: "gone" (absent) is not "going" or "went"
        spec = {"LOWER": item[1:]}
        if optional:
            spec["OP"] = "?"
        return spec
    words = _words(item)
    # Both the normalised form and the word itself: the lookup lemma table
    # is not always consistent ("feed" -> "fee" but "feeds" -> "feed").
    forms = {norm(w) for w in words} | {w.lower() for w in words}
    spec: dict = {"NORM": {"IN": sorted(forms)}}
    if optional:
        spec["OP"] = "?"
    return spec


def compile_pattern(pattern: str, norm: Callable[[str], str]) -> list[tuple[list[dict], list[bool]]]:
    """Return ``(matcher_pattern, is_gap)`` pairs for one rule pattern."""
    out = []
    for seq in expand(pattern):
        if not seq:
            continue
        specs = [compile_item(i, norm) for i in seq]
        gaps = [i.startswith("~") for i in seq]
        out.append((specs, gaps))
    return out


def literal_words(pattern: str) -> set[str]:
    """All plain words used in a pattern (for spelling correction targets)."""
    words: set[str] = set()
    for seq in expand(pattern):
        for item in seq:
            item = item.rstrip("?")
            if item.startswith("~"):
                continue
            words.update(_words(item))
    return words
