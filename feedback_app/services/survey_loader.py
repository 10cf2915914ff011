"""Load survey files into the database, idempotently.

A changed file (different content hash) becomes a new version of its survey;
responses keep the version they answered.
"""

import secrets
from dataclasses import dataclass

from feedback_app import queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.survey_definitions import load_file, survey_files, translate


@dataclass(frozen=True)
class LoadResult:
    slug: str
    outcome: str  # "created", "new version", "unchanged"
    version: int


def load_definition(definition, source_file):
    """Create or update one survey from a validated definition. No commit."""
    survey = survey_queries.get_survey_by_slug(definition.slug)
    title = translate(definition.data["title"], "en")
    if survey is None:
        survey = survey_queries.add_survey(
            definition.slug, title, definition.audience, definition.initial_status,
            definition.opens, definition.closes, source_file,
        )
        outcome = "created"
        latest = None
    else:
        latest = survey_queries.get_latest_version(survey)
        outcome = "unchanged" if latest and latest.content_hash == definition.content_hash else "new version"
        survey.title, survey.audience, survey.source_file = title, definition.audience, source_file
        survey.opens_on, survey.closes_on = definition.opens, definition.closes
    if outcome != "unchanged":
        number = (latest.number + 1) if latest else 1
        latest = survey_queries.add_version(survey, number, definition.content_hash, definition.data)
    for cohort in definition.cohorts:
        existing = survey_queries.get_cohort_by_code(survey, cohort["code"])
        if existing is None:
            survey_queries.add_cohort(survey, cohort["code"], cohort["label"], secrets.token_urlsafe(9))
        else:
            existing.label = cohort["label"]
    return LoadResult(definition.slug, outcome, latest.number)


def load_directory(directory):
    """Validate every file first, then load them all in one transaction."""
    definitions = [(load_file(path), path.name) for path in survey_files(directory)]
    with queries.transaction():
        return [load_definition(definition, name) for definition, name in definitions]
