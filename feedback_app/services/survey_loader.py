"""Load survey files into the database, idempotently.

A changed file (different content hash) becomes a new version of its survey;
responses keep the version they answered. A version made live in the survey builder is
not overwritten by an older file: the builder's version wins unless the file is newer.
"""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from feedback_app import queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.survey_definitions import load_file, survey_files, translate


@dataclass(frozen=True)
class LoadResult:
    slug: str
    outcome: str  # "created", "new version", "unchanged", "kept builder version"
    version: int
    note: str = ""

    def describe(self):
        line = f"{self.slug}: {self.outcome} (version {self.version})"
        return f"{line}; {self.note}" if self.note else line


def _builder_wins(latest, file_time):
    """Whether the live version, made in the builder, is newer than the file being loaded."""
    return (file_time is not None and latest is not None and latest.source == "builder"
            and file_time <= latest.created_at)


def load_definition(definition, source_file, file_time=None):
    """Create or update one survey from a validated definition. No commit.

    ``file_time``: when the file was last changed (loading from a file). A live version made in the
    survey builder after that is kept, and the result says so.
    """
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
        if outcome == "new version" and _builder_wins(latest, file_time):
            note = (f"kept the version made in the survey builder by {latest.created_by or 'unknown'} on "
                    f"{latest.created_at:%Y-%m-%d %H:%M} UTC, as the file is older; export it from the builder "
                    "to update the file")
            return LoadResult(definition.slug, "kept builder version", latest.number, note)
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
    definitions = [(load_file(path), path) for path in survey_files(directory)]
    with queries.transaction():
        return [load_definition(definition, path.name, datetime.fromtimestamp(path.stat().st_mtime, UTC))
                for definition, path in definitions]
