"""Word lists as data: ``data/lexicon.yaml`` and ``data/frames.yaml``.

Every group in those files records its ``kind`` (``list``, ``set`` or
``map``), the ``reason`` it exists and the ``case`` (an answer) that
motivated it, so a maintainer can see what removing a word costs.  The
files are read once, when :mod:`.lexicon` and :mod:`.frames` are imported;
a group named ``SETS.KIN`` becomes ``SETS["KIN"]``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KINDS = {"list": tuple, "set": frozenset, "map": dict}


def load_groups(name: str) -> dict[str, dict]:
    """The raw groups of ``data/<name>.yaml`` (``kind``, ``reason``, ``case``, ``words``)."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader (C or pure Python)


def word_lists(name: str) -> dict[str, object]:
    """Each group of ``data/<name>.yaml`` as a tuple, frozenset or dict; ``A.b`` groups nest as ``A[b]``."""
    out: dict[str, object] = {}
    for key, group in load_groups(name).items():
        value = KINDS[group["kind"]](group["words"])
        if "." in key:
            top, sub = key.split(".", 1)
            out.setdefault(top, {})[sub] = value
        else:
            out[key] = value
    return out
