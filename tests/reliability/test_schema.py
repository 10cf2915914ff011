"""Migration 0007 builds exactly what the reliability models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from feedback_app.extensions import db

MINE = {"rate_limit_counter", "mail_outbox"}


def _about_mine(diff):
    for item in diff if isinstance(diff, list) else [diff]:
        for part in item[1:] if isinstance(item, tuple) else []:
            table = getattr(part, "table", None)
            name = getattr(part, "name", None) if hasattr(part, "columns") else None
            if name in MINE or getattr(table, "name", None) in MINE:
                return True
            if isinstance(part, str) and part in MINE:
                return True
        if isinstance(item, tuple) and len(item) > 3 and item[2] == "answer" and item[3] == "text_deleted_at":
            return True
    return False


def test_reliability_tables_match_their_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [diff for diff in compare_metadata(context, db.metadata) if _about_mine(diff)]
    assert differences == []
