"""Changes to a survey definition, on the plain dicts a YAML file holds.

Every function changes ``data`` in place and raises :class:`EditRefused` when the change would break
the survey (a rule that refers to a removed question, say). The caller works on a copy and validates
the result with :func:`check_draft` before keeping it.
"""

import copy
import re

from flask_babel import lazy_gettext as _l

from feedback_app.survey_definitions import definition_from_data
from feedback_app.survey_definitions.conditions import referenced_questions

PAGE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
QUESTION_ID = re.compile(r"^[a-z][a-z0-9_]*$")
ID_MAX = 60
SETTING_TEXTS = {"title": ("title",), "summary": ("summary",), "time_to_complete": ("time_to_complete",),
                 "purpose": ("start", "purpose"), "privacy": ("start", "privacy"), "help": ("start", "help"),
                 "confirmation": ("confirmation", "body"), "confirmation_help": ("confirmation", "help")}
SETTING_VALUES = ("audience", "anonymous", "screening", "exit_this_page", "retention_months", "opens", "closes")


class EditRefused(Exception):
    """The change asked for cannot be made: ``message`` says why, ``field`` which answer to change."""

    def __init__(self, message, field=None):
        super().__init__(str(message))
        self.message, self.field = message, field


def identifier(text, separator="_", taken=(), fallback="item", letter_first=True):
    """An id made from ``text`` ("How safe do you feel?" -> ``how_safe_do_you_feel``), unique among ``taken``."""
    words = re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).split()
    base = separator.join(words)[:40].strip(separator) or fallback
    if letter_first and not base[0].isalpha():
        base = f"{fallback}{separator}{base}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}{separator}{number}", number + 1
    return candidate


def merge_text(old, english):
    """New English wording. The other languages' wording of ``old`` is kept only while the English is
    unchanged: a translation of the old English would tell respondents something else, so it goes and
    the survey cannot go live until it is translated again (the translation page shows what it said)."""
    if english in (None, ""):
        return None
    if isinstance(old, dict) and old.get("en") == english:
        return old
    return english


def english(text):
    if isinstance(text, dict):
        return text.get("en")
    return text


# -- settings --------------------------------------------------------------

def new_definition(slug, title, audience):
    return {"slug": slug, "title": title, "audience": audience, "languages": ["en"],
            "start": {"purpose": title}, "pages": []}


def settings(data):
    """The survey's settings as form data: English wording and plain values."""
    found = {key: english(_get(data, path)) for key, path in SETTING_TEXTS.items()}
    found.update({key: data.get(key) for key in SETTING_VALUES})
    found["cohorts"] = data.get("cohorts", [])
    return found


def _get(data, path):
    node = data
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    return node


def set_settings(data, values):
    """Apply settings: wording keeps its translations; an empty value removes the setting."""
    for key, path in SETTING_TEXTS.items():
        if key not in values:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent.setdefault(part, {})
        text = merge_text(parent.get(path[-1]), values[key])
        if text is None:
            parent.pop(path[-1], None)
        else:
            parent[path[-1]] = text
    for section in ("start", "confirmation"):
        if section in data and not data[section]:
            data.pop(section)
    for key in SETTING_VALUES:
        if key in values:
            if values[key] is None or values[key] == "":
                data.pop(key, None)
            else:
                data[key] = values[key]
    if "cohorts" in values:
        if values["cohorts"]:
            data["cohorts"] = values["cohorts"]
        else:
            data.pop("cohorts", None)


# -- pages -----------------------------------------------------------------

def page_index(data, page_id):
    for index, page in enumerate(data["pages"]):
        if page["id"] == page_id:
            return index
    raise EditRefused(_l("There is no page %(page)s in this survey.", page=page_id))


def add_page(data, title):
    taken = {page["id"] for page in data["pages"]}
    page_id = identifier(title, "-", taken, fallback="page") if title else identifier(
        f"page {len(data['pages']) + 1}", "-", taken, fallback="page")
    page = {"id": page_id}
    if title:
        page["title"] = title
    page["questions"] = []
    data["pages"].append(page)
    return page_id


def set_page_title(data, page_id, title):
    page = data["pages"][page_index(data, page_id)]
    text = merge_text(page.get("title"), title)
    if text is None:
        page.pop("title", None)
    else:
        page["title"] = text
        data["pages"][page_index(data, page_id)] = {"id": page["id"], "title": text,
                                                    **{k: v for k, v in page.items() if k not in ("id", "title")}}


def _rule_users(data, question_ids):
    """Pages and questions whose rules refer to any of ``question_ids``."""
    users = []
    for page in data["pages"]:
        if referenced_questions(page.get("show_if")) & question_ids:
            users.append(page["id"])
        for question in page["questions"]:
            if referenced_questions(question.get("show_if")) & question_ids:
                users.append(question["id"])
    return users


def _refuse_if_used(data, question_ids, what):
    users = _rule_users(data, set(question_ids))
    if users:
        raise EditRefused(_l("%(what)s cannot be removed: the show or skip rule of %(users)s depends on it. "
                             "Change that rule first.", what=what, users=", ".join(users)))


def remove_page(data, page_id):
    index = page_index(data, page_id)
    _refuse_if_used(data, [q["id"] for q in data["pages"][index]["questions"]], _l("This page"))
    del data["pages"][index]


def move_page(data, page_id, offset):
    index = page_index(data, page_id)
    target = index + offset
    if not 0 <= target < len(data["pages"]):
        raise EditRefused(_l("This page cannot move further."))
    pages = data["pages"]
    pages[index], pages[target] = pages[target], pages[index]


# -- questions -------------------------------------------------------------

def question_ids(data):
    return [q["id"] for page in data["pages"] for q in page["questions"]]


def find_question(data, question_id):
    """``(page index, question index)`` of a question."""
    for p_index, page in enumerate(data["pages"]):
        for q_index, question in enumerate(page["questions"]):
            if question["id"] == question_id:
                return p_index, q_index
    raise EditRefused(_l("There is no question %(question)s in this survey.", question=question_id))


def get_question(data, question_id):
    p_index, q_index = find_question(data, question_id)
    return data["pages"][p_index]["questions"][q_index]


def new_question_id(data, text):
    return identifier(english(text), "_", set(question_ids(data)), fallback="question")


def add_question(data, page_id, spec):
    page = data["pages"][page_index(data, page_id)]
    if spec["id"] in question_ids(data):
        raise EditRefused(_l("Another question already uses the short name %(id)s.", id=spec["id"]), "id")
    page["questions"].append(spec)


def replace_question(data, question_id, spec):
    p_index, q_index = find_question(data, question_id)
    data["pages"][p_index]["questions"][q_index] = spec


def remove_question(data, question_id):
    _refuse_if_used(data, [question_id], _l("This question"))
    p_index, q_index = find_question(data, question_id)
    del data["pages"][p_index]["questions"][q_index]


def move_question(data, question_id, offset):
    """Move a question within its page, or onto the next or previous page at its edge."""
    p_index, q_index = find_question(data, question_id)
    pages = data["pages"]
    questions = pages[p_index]["questions"]
    target = q_index + offset
    if 0 <= target < len(questions):
        questions[q_index], questions[target] = questions[target], questions[q_index]
        return
    other = p_index + (1 if offset > 0 else -1)
    if not 0 <= other < len(pages):
        raise EditRefused(_l("This question cannot move further."))
    question = questions.pop(q_index)
    if offset > 0:
        pages[other]["questions"].insert(0, question)
    else:
        pages[other]["questions"].append(question)


def set_rule(data, kind, target_id, condition):
    """Set (or with ``None`` remove) the show-if rule of a page or question."""
    if kind == "page":
        target = data["pages"][page_index(data, target_id)]
    else:
        target = get_question(data, target_id)
    if condition:
        target["show_if"] = condition
    else:
        target.pop("show_if", None)


# -- checking --------------------------------------------------------------

def draft_copy(data):
    """``data`` as checked while it is a draft: wording may be untranslated and pages may be empty."""
    checked = copy.deepcopy(data)
    checked["languages"] = ["en"]
    checked["pages"] = [page for page in checked.get("pages", []) if page.get("questions")]
    if not checked["pages"]:
        checked["pages"] = [{"id": "placeholder", "questions": [
            {"id": "placeholder", "type": "statement", "text": "placeholder"}]}]
    return checked


def check_draft(data):
    """Raise ``SurveyDefinitionError`` if ``data`` is not a sound draft."""
    definition_from_data(draft_copy(data), "draft")
