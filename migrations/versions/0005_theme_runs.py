"""theme runs

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 09:00:00

"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _json():
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade():
    op.create_table(
        "theme_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("sources", _json(), nullable=False),
        sa.Column("backend", sa.String(length=20), nullable=False),
        sa.Column("k", sa.Integer(), nullable=True),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("queued", "running", "complete", "failed", "cancelled", name="theme_run_status",
                                    native_enum=False, length=20), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=60), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column("job_id", sa.String(length=64), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("previous_run_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer_count", sa.Integer(), nullable=False),
        sa.Column("non_answer_count", sa.Integer(), nullable=False),
        sa.Column("original_output", _json(), nullable=True),
        sa.Column("narrative", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"],
                                name=op.f("fk_theme_run_created_by_id_staff_user"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["previous_run_id"], ["theme_run.id"],
                                name=op.f("fk_theme_run_previous_run_id_theme_run"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_run")),
    )
    with op.batch_alter_table("theme_run", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_run_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_theme_run_status"), ["status"], unique=False)

    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("original_label", sa.String(length=200), nullable=False),
        sa.Column("terms", _json(), nullable=False),
        sa.Column("quotes", _json(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("excluded", sa.Boolean(), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("narrative", sa.Text(), nullable=True),
        sa.Column("previous_number", sa.Integer(), nullable=True),
        sa.Column("previous_similarity", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["merged_into_id"], ["theme.id"], name=op.f("fk_theme_merged_into_id_theme"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["run_id"], ["theme_run.id"], name=op.f("fk_theme_run_id_theme_run"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
        sa.UniqueConstraint("run_id", "number", name=op.f("uq_theme_run_id")),
    )
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_run_id"), ["run_id"], unique=False)

    op.create_table(
        "theme_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("original_theme_id", sa.Integer(), nullable=True),
        sa.Column("non_answer", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["answer_id"], ["answer.id"], name=op.f("fk_theme_answer_answer_id_answer"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["original_theme_id"], ["theme.id"],
                                name=op.f("fk_theme_answer_original_theme_id_theme"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["run_id"], ["theme_run.id"], name=op.f("fk_theme_answer_run_id_theme_run"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], name=op.f("fk_theme_answer_theme_id_theme"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_answer")),
        sa.UniqueConstraint("run_id", "answer_id", name=op.f("uq_theme_answer_run_id")),
    )
    with op.batch_alter_table("theme_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_answer_answer_id"), ["answer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_theme_answer_run_id"), ["run_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_theme_answer_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "theme_review_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_email", sa.String(length=254), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("op", sa.String(length=30), nullable=False),
        sa.Column("payload", _json(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["theme_run.id"], name=op.f("fk_theme_review_event_run_id_theme_run"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["undone_by_id"], ["staff_user.id"],
                                name=op.f("fk_theme_review_event_undone_by_id_staff_user"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["user_id"], ["staff_user.id"],
                                name=op.f("fk_theme_review_event_user_id_staff_user"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_review_event")),
    )
    with op.batch_alter_table("theme_review_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_review_event_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_theme_review_event_run_id"), ["run_id"], unique=False)

    op.create_table(
        "theme_triangulation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=160), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"],
                                name=op.f("fk_theme_triangulation_created_by_id_staff_user"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["survey_id"], ["survey.id"], name=op.f("fk_theme_triangulation_survey_id_survey"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], name=op.f("fk_theme_triangulation_theme_id_theme"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_triangulation")),
        sa.UniqueConstraint("theme_id", "survey_id", "item_key", name=op.f("uq_theme_triangulation_theme_id")),
    )
    with op.batch_alter_table("theme_triangulation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_triangulation_theme_id"), ["theme_id"], unique=False)


def downgrade():
    with op.batch_alter_table("theme_triangulation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_triangulation_theme_id"))
    op.drop_table("theme_triangulation")
    with op.batch_alter_table("theme_review_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_review_event_run_id"))
        batch_op.drop_index(batch_op.f("ix_theme_review_event_at"))
    op.drop_table("theme_review_event")
    with op.batch_alter_table("theme_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_answer_theme_id"))
        batch_op.drop_index(batch_op.f("ix_theme_answer_run_id"))
        batch_op.drop_index(batch_op.f("ix_theme_answer_answer_id"))
    op.drop_table("theme_answer")
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_run_id"))
    op.drop_table("theme")
    with op.batch_alter_table("theme_run", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_run_status"))
        batch_op.drop_index(batch_op.f("ix_theme_run_created_at"))
    op.drop_table("theme_run")
