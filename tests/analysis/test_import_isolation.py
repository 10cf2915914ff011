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


APP_SCRIPT = textwrap.dedent(
    """
    import sys
    import feedback_app
    import analysis.screening
    assert analysis.screening.CATEGORY_LABELS and analysis.screening.QUESTION_KINDS
    loaded = [m for m in ("spacy", "thinc", "torch", "analysis.screening.engine") if m in sys.modules]
    assert not loaded, f"the web app's import loaded {loaded}"
    assert analysis.screening.DisclosureScreener.__name__ == "DisclosureScreener"  # the engine, on first use
    assert "spacy" in sys.modules
    print("ok")
    """
)


def test_the_web_app_starts_without_loading_the_screen_engine():
    """The screen's engine (spaCy, thinc, torch: seconds of a process's start) loads when first used, not when the
    app, a CLI command or a gunicorn worker imports ``feedback_app``."""
    proc = subprocess.run([sys.executable, "-c", APP_SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
