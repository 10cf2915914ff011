"""results data version: a number per survey that the database moves with every change to what results count

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 14:00:00

The audit of a survey's breakdowns is cached under this number, so it must move with every write that changes
what the counts read, whichever code makes it (the respondent's submit, demo data, the retention purge, a DSL's
review, a bulk Core statement, someone at psql). Triggers do that in the writing transaction itself:

- ``response``: insert, delete, or an update of ``survey_id``, ``cohort_id`` or ``submitted_at``;
- ``answer``: insert, delete, or an update of ``response_id``, ``question_id`` or ``value``;
- ``safeguarding_alert`` (which answers are held back): insert, delete, or an update of ``status``,
  ``response_id``, ``question_id`` or ``survey_id``;
- ``survey`` deleted: its row goes, so a survey made later with the same id draws a new ``epoch``.

PostgreSQL runs one trigger per statement over its transition tables (a bulk insert of 100,000 answers moves
the number once, not 100,000 times); SQLite has only row triggers.
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# The columns whose change moves the number, per table.
COUNTED = {
    "response": ("survey_id", "cohort_id", "submitted_at"),
    "answer": ("response_id", "question_id", "value"),
    "safeguarding_alert": ("status", "response_id", "question_id", "survey_id"),
}

POSTGRES = """
CREATE FUNCTION results_data_changed(ids integer[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO results_data_version (survey_id, epoch, version)
    SELECT id, md5(random()::text || clock_timestamp()::text), 1
    FROM (SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL) AS changed ORDER BY id
    ON CONFLICT (survey_id) DO UPDATE SET version = results_data_version.version + 1
$$;

CREATE FUNCTION response_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM results_data_changed(ARRAY(SELECT survey_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM results_data_changed(ARRAY(SELECT survey_id FROM old_rows));
    ELSE
        PERFORM results_data_changed(ARRAY(
            SELECT unnest(ARRAY[o.survey_id, n.survey_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.survey_id, o.cohort_id, o.submitted_at)
                  IS DISTINCT FROM (n.survey_id, n.cohort_id, n.submitted_at)));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION answer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM results_data_changed(ARRAY(
            SELECT r.survey_id FROM new_rows a JOIN response r ON r.id = a.response_id));
    ELSIF TG_OP = 'DELETE' THEN
        -- answers deleted with their response: the response's own trigger moved the number
        PERFORM results_data_changed(ARRAY(
            SELECT r.survey_id FROM old_rows a JOIN response r ON r.id = a.response_id));
    ELSE
        PERFORM results_data_changed(ARRAY(
            SELECT r.survey_id FROM old_rows o JOIN new_rows n ON n.id = o.id
            JOIN response r ON r.id IN (o.response_id, n.response_id)
            WHERE (o.response_id, o.question_id, o.value::text)
                  IS DISTINCT FROM (n.response_id, n.question_id, n.value::text)));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION safeguarding_alert_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM results_data_changed(ARRAY(SELECT survey_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM results_data_changed(ARRAY(SELECT survey_id FROM old_rows));
    ELSE
        PERFORM results_data_changed(ARRAY(
            SELECT unnest(ARRAY[o.survey_id, n.survey_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.status, o.response_id, o.question_id, o.survey_id)
                  IS DISTINCT FROM (n.status, n.response_id, n.question_id, n.survey_id)));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION survey_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM results_data_version WHERE survey_id IN (SELECT id FROM old_rows);
    RETURN NULL;
END $$;
"""

POSTGRES_TRIGGERS = [
    f"CREATE TRIGGER {table}_{event.lower()}_results AFTER {event} ON {table} "
    f"REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION {table}_changed()"
    for table in COUNTED
    for event, transition in (("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
                              ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"))
] + ["CREATE TRIGGER survey_delete_results AFTER DELETE ON survey REFERENCING OLD TABLE AS old_rows "
     "FOR EACH STATEMENT EXECUTE FUNCTION survey_deleted()"]

# SQLite: row triggers. ``{survey}`` is a query for the changed row's survey id.
BUMP = ("INSERT INTO results_data_version (survey_id, epoch, version) SELECT {survey}, lower(hex(randomblob(16))), 1 "
        "WHERE {survey} IS NOT NULL ON CONFLICT (survey_id) DO UPDATE SET version = version + 1;")
SURVEY_OF = {
    "response": "{row}.survey_id",
    "answer": "(SELECT survey_id FROM response WHERE id = {row}.response_id)",
    "safeguarding_alert": "{row}.survey_id",
}


def _sqlite_triggers():
    for table, columns in COUNTED.items():
        survey = SURVEY_OF[table]
        yield (f"CREATE TRIGGER {table}_insert_results AFTER INSERT ON {table} BEGIN "
               f"{BUMP.format(survey=survey.format(row='NEW'))} END")
        yield (f"CREATE TRIGGER {table}_delete_results AFTER DELETE ON {table} BEGIN "
               f"{BUMP.format(survey=survey.format(row='OLD'))} END")
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        yield (f"CREATE TRIGGER {table}_update_results AFTER UPDATE OF {', '.join(columns)} ON {table} "
               f"WHEN {changed} BEGIN {BUMP.format(survey=survey.format(row='OLD'))} "
               f"{BUMP.format(survey=survey.format(row='NEW'))} END")
    yield ("CREATE TRIGGER survey_delete_results AFTER DELETE ON survey BEGIN "
           "DELETE FROM results_data_version WHERE survey_id = OLD.id; END")


def upgrade():
    op.create_table(
        "results_data_version",
        sa.Column("survey_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("epoch", sa.String(length=32), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("survey_id", name=op.f("pk_results_data_version")),
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    epoch = "md5(random()::text || id::text)" if postgres else "lower(hex(randomblob(16)))"
    op.execute(f"INSERT INTO results_data_version (survey_id, epoch, version) "  # noqa: S608 - constants only
               f"SELECT id, {epoch}, 1 FROM survey")
    if postgres:
        op.execute(POSTGRES)
        for statement in POSTGRES_TRIGGERS:
            op.execute(statement)
    else:
        for statement in _sqlite_triggers():
            op.execute(statement)


def downgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in COUNTED:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_{event}_results" + (f" ON {table}" if postgres else ""))
    op.execute("DROP TRIGGER IF EXISTS survey_delete_results" + (" ON survey" if postgres else ""))
    if postgres:
        for function in ("response_changed()", "answer_changed()", "safeguarding_alert_changed()",
                         "survey_deleted()", "results_data_changed(integer[])"):
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_table("results_data_version")
