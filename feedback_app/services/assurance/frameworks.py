"""Load framework files into the database (``flask frameworks load``), and read a round's copy."""

from dataclasses import dataclass
from functools import lru_cache

from feedback_app import queries
from feedback_app.frameworks import definition_from_data, framework_files, load_file
from feedback_app.models import Framework
from feedback_app.queries import assurance as q
from feedback_app.survey_definitions import translate


@dataclass(frozen=True)
class LoadResult:
    slug: str
    outcome: str  # "created", "updated", "unchanged"


def load_directory(directory):
    """Validate every file first, then add or update them all in one transaction."""
    definitions = [(load_file(path), path.name) for path in framework_files(directory)]
    results = []
    with queries.transaction():
        for definition, name in definitions:
            row = q.get_framework_by_slug(definition.slug)
            title = translate(definition.data["title"], "en")
            if row is None:
                q.add(Framework(slug=definition.slug, title=title, kind=definition.kind,
                                content_hash=definition.content_hash, definition=definition.data, source_file=name))
                results.append(LoadResult(definition.slug, "created"))
            elif row.content_hash == definition.content_hash:
                results.append(LoadResult(definition.slug, "unchanged"))
            else:
                row.title, row.kind, row.definition = title, definition.kind, definition.data
                row.content_hash, row.source_file = definition.content_hash, name
                results.append(LoadResult(definition.slug, "updated"))
    return results


@lru_cache(maxsize=64)
def _cached(hash_key, frozen):
    import json

    return definition_from_data(json.loads(frozen))


def definition_of(data):
    """The validated definition of a stored copy (a round's or a case audit's)."""
    import json

    frozen = json.dumps(data, sort_keys=True)
    return _cached(hash(frozen), frozen)
