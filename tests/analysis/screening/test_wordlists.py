"""The screen's word lists are data (data/lexicon.yaml, data/frames.yaml), each group with its reason."""

import ast
from pathlib import Path

import pytest

from analysis.screening import areas, frames, lexicon, reasons, things
from analysis.screening.wordlists import KINDS, load_groups

PACKAGE = Path(lexicon.__file__).parent


@pytest.mark.parametrize("name", ["lexicon", "frames", "questions", "answers", "coded", "plain", "indirect",
                                  "reasons", "areas", "stated", "revealed", "things"])
def test_every_group_records_its_reason_and_motivating_case(name):
    groups = load_groups(name)
    assert groups
    for key, group in groups.items():
        assert group["kind"] in KINDS, key
        assert len(group.get("reason", "").strip()) >= 15, f"{name}.yaml {key}: give the reason it exists"
        assert group.get("case", "").strip(), f"{name}.yaml {key}: give the case that motivated it"
        assert group["words"], f"{name}.yaml {key}: no words"
        words = group["words"].items() if group["kind"] == "map" else [(w, w) for w in group["words"]]
        for k, v in words:
            assert isinstance(k, str) and isinstance(v, str), f"{name}.yaml {key}: {k!r} must be quoted text"


@pytest.mark.parametrize("module", [lexicon, frames, reasons, areas, things],
                         ids=["lexicon", "frames", "reasons", "areas", "things"])
def test_no_word_list_is_left_in_the_code(module):
    """Module-level collections of words live in the data files, not as Python literals."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") in {"frozenset", "set", "tuple"}:
                value = value.args[0] if value.args else value
            assert not isinstance(value, ast.Set | ast.Tuple | ast.List | ast.Dict), ast.unparse(node)[:80]


def test_lists_keep_their_python_types():
    assert isinstance(lexicon.SLANG, dict) and lexicon.SLANG["ppl"] == "people"
    assert isinstance(lexicon.NEGATIONS, frozenset) and "never" in lexicon.NEGATIONS
    assert isinstance(lexicon.HYPOTHETICAL_CUES, tuple)
    assert isinstance(lexicon.SETS["KIN"], tuple) and "dad" in lexicon.SETS["KIN"]
    assert set(lexicon.LEARNED_BENIGN) >= {"neglect", "secrets_adult"}
    assert isinstance(frames.JOKE_WORDS, frozenset) and isinstance(frames.CHOICE, tuple)
