"""``analysis`` must import, find themes, screen and redact with Flask, SQLAlchemy and the app unavailable (one
subprocess for all of it: each costs seconds)."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import importlib.abc, sys

    BLOCKED = ("flask", "sqlalchemy", "flask_sqlalchemy", "feedback_app")

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"blocked: {name}")

    sys.meta_path.insert(0, Block())
    import analysis
    import analysis.cli
    heavy = [m for m in ("spacy", "sentence_transformers", "torch") if m in sys.modules]
    assert not heavy, f"imported at import time: {heavy}"
    result = analysis.find_themes(["waiting lists", "long waiting lists", "staff turnover", "nothing"], k=2)
    assert result.non_answers == 1
    import analysis.redaction, analysis.screening
    assert analysis.screening.screen_text("my dad hits me").flagged
    assert analysis.redaction.redact_text("call jo on 07700 900123") != "call jo on 07700 900123"
    assert not [m for m in sys.modules if m.split(".")[0] in BLOCKED]
    print("ok")
    """
)


def test_analysis_imports_without_flask_or_sqlalchemy():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
