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


def _catalogues():
    return sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))


@pytest.mark.parametrize("catalogue", _catalogues(), ids=lambda path: path.parts[-3])
def test_translations_keep_every_placeholder_and_are_compiled(catalogue):
    """Placeholders survive translation; the compiled .mo (built at install) matches the .po."""
    from babel.messages.mofile import read_mo

    language = catalogue.parts[-3]
    with open(catalogue, "rb") as handle:
        messages = read_po(handle, locale=language)
    problems = [(message.id, [str(error) for error in errors]) for message, errors in messages.check()]
    assert problems == []
    compiled = catalogue.with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: run make translations"
    def table(catalogue):
        return {_hashable(m.id): _hashable(m.string) for m in catalogue if m.id}

    with open(compiled, "rb") as handle:
        built = table(read_mo(handle))
    assert built == table(messages), f"{compiled} is out of date: run make translations"


def _hashable(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


def test_every_survey_language_has_an_interface_catalogue():
    from feedback_app.config import Config
    from feedback_app.survey_definitions import load_file, survey_files

    catalogued = {path.parts[-3] for path in _catalogues()} | {"en"}
    assert set(Config.LANGUAGES) == catalogued, "LANGUAGES in config.py and the catalogues differ"
    for folder in (ROOT / "surveys", ROOT / "tests" / "fixtures" / "surveys"):
        for path in survey_files(folder):
            offered = set(load_file(path).languages)
            assert offered <= catalogued, f"{path.name} offers {offered - catalogued}, which has no catalogue"


def _survey_texts(node, path=()):
    """Each piece of wording in a survey file that is given in more than one language."""
    if isinstance(node, dict):
        if "en" in node and all(isinstance(value, str) for value in node.values()):
            yield path, set(node)
            return
        for key, value in node.items():
            yield from _survey_texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _survey_texts(value, (*path, index))


@pytest.mark.parametrize("path", sorted((ROOT / "surveys").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "fixtures" / "surveys").glob("*.yaml")), ids=lambda path: path.stem)
def test_survey_wording_is_in_exactly_the_languages_the_survey_offers(path):
    """Missing translations are refused on load; translations for a language not offered are unused."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    offered = set(data.get("languages", ["en"]))
    wrong = [(".".join(map(str, place)), sorted(languages ^ offered)) for place, languages in _survey_texts(data)
             if languages != offered and place[:1] != ("cohorts",)]
    assert wrong == [], f"{path.name}: wording not in exactly {sorted(offered)}: {wrong[:5]}"
