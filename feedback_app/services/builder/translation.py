"""Languages of a survey: every piece of wording, side by side with the English."""

from dataclasses import dataclass

from feedback_app.survey_definitions.loader import _place, _walk_texts
from feedback_app.survey_definitions.text import languages_of


@dataclass(frozen=True)
class Piece:
    path: tuple  # where it is, e.g. ("pages", 0, "questions", 1, "text")
    place: str  # the same as the loader names it: pages[0].questions[1].text
    english: str
    translations: dict


def pieces(data):
    """Every piece of respondent-facing wording, in the order of the file (cohort names are staff-only)."""
    found = []
    for path, text in _walk_texts(data, []):
        if path[:1] == ["cohorts"]:
            continue
        values = {"en": text} if isinstance(text, str) else dict(text)
        found.append(Piece(tuple(path), _place(path), values.get("en", ""), values))
    return found


def missing(data):
    """``[(place, language)]`` for wording not yet given in one of the survey's languages."""
    languages = [code for code in data.get("languages", ["en"]) if code != "en"]
    return [(piece.place, code) for piece in pieces(data) for code in languages
            if code not in languages_of(piece.translations)]


def earlier_wording(data, earlier, language):
    """``{path: wording}`` in ``language`` from ``earlier`` (the live version) for pieces that have none
    now because their English changed: shown to the translator as a starting point, never published."""
    if not earlier:
        return {}
    before = {piece.path: piece for piece in pieces(earlier)}
    found = {}
    for piece in pieces(data):
        old = before.get(piece.path)
        if (old is not None and language not in piece.translations and old.translations.get(language)
                and old.english != piece.english):
            found[piece.path] = old.translations[language]
    return found


def progress(data, language):
    """``(translated, total)`` pieces in ``language``."""
    found = pieces(data)
    return sum(1 for piece in found if piece.translations.get(language)), len(found)


def _node(data, path):
    node = data
    for part in path[:-1]:
        node = node[part]
    return node, path[-1]


def set_translations(data, language, values):
    """Apply ``{path: wording}`` in ``language``; an empty value removes that translation."""
    for path, value in values.items():
        parent, key = _node(data, path)
        current = parent[key]
        current = {"en": current} if isinstance(current, str) else dict(current)
        value = (value or "").strip()
        if value:
            current[language] = value
        else:
            current.pop(language, None)
        parent[key] = current["en"] if set(current) == {"en"} else current


def add_language(data, language):
    languages = list(data.get("languages", ["en"]))
    if language not in languages:
        languages.append(language)
    data["languages"] = languages


def remove_language(data, language):
    data["languages"] = [code for code in data.get("languages", ["en"]) if code != language]
    if data["languages"] == ["en"]:
        data.pop("languages")
    for piece in pieces(data):
        if language in piece.translations:
            set_translations(data, language, {piece.path: ""})
