"""Conventions the codebase keeps: one SQL layer, small modules, a complete catalogue."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "feedback_app"
TRANSLATIONS = APP / "translations"


def _python_files(*folders):
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", list(_python_files("feedback_app/views", "feedback_app/forms")), ids=str)
def test_views_and_forms_never_touch_the_database_session(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "feedback_app.extensions":
            assert "db" not in {alias.name for alias in node.names}, f"{path} imports db"
        if isinstance(node, ast.Attribute) and node.attr == "session" and getattr(node.value, "id", None) == "db":
            raise AssertionError(f"{path} uses db.session")


@pytest.mark.parametrize("path", list(_python_files("feedback_app", "analysis")), ids=str)
def test_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 450, f"{path} has {lines} lines: split it"


def _msgids(catalogue_path):
    with open(catalogue_path, "rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


def test_message_catalogue_has_every_interface_string_and_no_unused_ones(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(TRANSLATIONS / "babel.cfg"),
         "-k", "_l", "-k", "lazy_gettext", "--no-location", "--omit-header", "-o", str(fresh), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    committed = _msgids(TRANSLATIONS / "messages.pot")
    current = _msgids(fresh)
    assert not current - committed, f"missing from messages.pot (run make translations-update): {current - committed}"
    assert not committed - current, f"unused in messages.pot (run make translations-update): {committed - current}"


def test_every_translation_catalogue_is_complete():
    """Each catalogue under translations/ translates every message and no stale ones."""
    template = _msgids(TRANSLATIONS / "messages.pot")
    for catalogue in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        with open(catalogue, "rb") as handle:
            messages = {m.id: m for m in read_po(handle) if m.id}
        missing = sorted(msgid for msgid in template if msgid not in messages or not messages[msgid].string)
        unused = sorted(set(messages) - template)
        assert not missing, f"{catalogue}: untranslated {missing[:10]}"
        assert not unused, f"{catalogue}: unused {unused[:10]}"
