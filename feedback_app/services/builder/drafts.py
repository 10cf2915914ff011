"""Drafts kept while a survey is written, and making them live as a new version.

A survey's *working definition* is its draft if it has one, else its live version. The first change
to a live survey starts a draft from its live version; respondents keep answering the live version
until the draft is made live, and each response keeps the version it answered.
"""

import copy
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from feedback_app import queries
from feedback_app.queries import builder as builder_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit, survey_loader
from feedback_app.services.builder import editing, translation
from feedback_app.services.builder.editing import EditRefused
from feedback_app.survey_definitions import SurveyDefinitionError, definition_from_data

SLUG_MAX = 60
RESERVED = {"new", "copy", "import", "files"}  # the builder's own pages


@dataclass(frozen=True)
class Working:
    slug: str
    data: dict
    draft: object  # SurveyDraft or None
    survey: object  # Survey or None (a new survey not yet live)
    version: object  # the live SurveyVersion or None

    @property
    def is_draft(self):
        return self.draft is not None

    @property
    def title(self):
        return editing.english(self.data.get("title")) or self.slug


def working(slug):
    """The survey ``slug`` as the builder shows it, or ``None``."""
    draft = builder_queries.get_draft(slug)
    survey = survey_queries.get_survey_by_slug(slug)
    version = survey_queries.get_latest_version(survey) if survey else None
    if draft is not None:
        return Working(slug, draft.definition, draft, survey, version)
    if version is None:
        return None
    return Working(slug, version.definition, None, survey, version)


def slug_taken(slug):
    return (slug in RESERVED or survey_queries.get_survey_by_slug(slug) is not None
            or builder_queries.get_draft(slug) is not None)


def new_slug(title):
    base = editing.identifier(title, "-", fallback="survey")[:SLUG_MAX].strip("-")
    slug, number = base, 2
    while slug_taken(slug):
        slug, number = f"{base}-{number}", number + 1
    return slug


def _refusal(error):
    place = f"{error.place}: " if error.place else ""
    return EditRefused(f"{place}{error.problem}")


def _save(work, data, actor):
    if work.draft is None:
        return builder_queries.add_draft(work.slug, data, actor.email, work.survey.id if work.survey else None,
                                         work.version.id if work.version else None)
    return builder_queries.save_draft(work.draft, data, actor.email)


def change(slug, actor, action, mutate, **detail):
    """Apply ``mutate(data)`` to a copy of the working definition, check it, keep it as the draft.

    The audit event ``builder.<action>`` is written in the same transaction. Returns what ``mutate``
    returned; raises ``EditRefused`` (nothing is kept) when the change would break the survey.
    """
    with queries.transaction():
        work = working(slug)
        if work is None:
            raise EditRefused(_l("There is no survey %(slug)s.", slug=slug))
        data = copy.deepcopy(work.data)
        result = mutate(data)
        try:
            editing.check_draft(data)
        except SurveyDefinitionError as error:
            raise _refusal(error) from None
        _save(work, data, actor)
        audit.add(actor, f"builder.{action}", slug, **detail)
    return result


def create(data, actor, action="created", **detail):
    """Start a new survey as a draft; ``data`` must be a sound draft (its slug not taken)."""
    try:
        editing.check_draft(data)
    except SurveyDefinitionError as error:
        raise _refusal(error) from None
    with queries.transaction():
        if slug_taken(data["slug"]):
            raise EditRefused(_l("A survey with the short name %(slug)s already exists.", slug=data["slug"]), "slug")
        builder_queries.add_draft(data["slug"], data, actor.email)
        audit.add(actor, f"builder.{action}", data["slug"], **detail)
    return data["slug"]


def copy_of(source_slug, title, actor):
    """A new draft survey starting from another's working definition, without its dates."""
    source = working(source_slug)
    if source is None:
        raise EditRefused(_l("Choose a survey to copy."), "source")
    data = copy.deepcopy(source.data)
    slug = new_slug(title)
    data["slug"] = slug
    data["title"] = editing.merge_text(data.get("title"), title)
    for key in ("opens", "closes", "status"):
        data.pop(key, None)
    return create(data, actor, "copied", source=source_slug)


def replace(slug, data, actor, action, **detail):
    """Make ``data`` (a whole definition, e.g. an imported file) the draft of survey ``slug``."""
    def swap(current):
        current.clear()
        current.update(copy.deepcopy(data))

    return change(slug, actor, action, swap, **detail)


def discard(slug, actor):
    with queries.transaction():
        draft = builder_queries.get_draft(slug)
        if draft is None:
            raise EditRefused(_l("This survey has no draft to discard."))
        builder_queries.delete_draft(draft)
        audit.add(actor, "builder.draft_discarded", slug)


def publish_problems(work):
    """Why the working definition cannot go live yet: ``[(place, problem)]``, empty when it can."""
    problems = [(place, str(_l("No %(language)s wording yet", language=language)))
                for place, language in translation.missing(work.data)]
    if not work.data.get("pages") or any(not page.get("questions") for page in work.data["pages"]):
        problems.append(("pages", str(_l("Every page needs at least one question"))))
    if problems:
        return problems
    try:
        definition_from_data(work.data, work.slug)
    except SurveyDefinitionError as error:
        problems.append((error.place, error.problem))
    return problems


def publish(slug, actor):
    """Make the draft live as the survey's next version (a new survey opens). Returns the version number."""
    with queries.transaction():
        work = working(slug)
        if work is None or work.draft is None:
            raise EditRefused(_l("There is nothing to make live: the survey has no draft."))
        problems = publish_problems(work)
        if problems:
            raise EditRefused(_l("The survey cannot go live yet: %(problem)s", problem=problems[0][1]))
        definition = definition_from_data(work.data, slug)
        source_file = work.survey.source_file if work.survey else "(written in the builder)"
        result = survey_loader.load_definition(definition, source_file)
        version = survey_queries.get_latest_version(survey_queries.get_survey_by_slug(slug))
        if result.outcome != "unchanged":
            builder_queries.set_version_author(version, "builder", actor.email)
        builder_queries.delete_draft(work.draft)
        audit.add(actor, "builder.published", slug, version=version.number)
    return version.number
