"""report versions and the scorecard's indicators

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 01:50:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


def _json():
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("published_report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("subject", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.create_index(batch_op.f("ix_published_report_subject"), ["subject"], unique=False)
    # Reports published before versions: their subject is in their content; versions in publishing order.
    bind = op.get_bind()
    report = sa.table("published_report", sa.column("id", sa.Integer), sa.column("kind", sa.String),
                      sa.column("content", _json()), sa.column("subject", sa.String),
                      sa.column("version", sa.Integer))
    seen = {}
    for row in bind.execute(sa.select(report.c.id, report.c.kind, report.c.content).order_by(report.c.id)):
        content = row.content or {}
        subject = str(content.get("subject", "")) if isinstance(content, dict) else ""
        seen[(row.kind, subject)] = seen.get((row.kind, subject), 0) + 1
        bind.execute(report.update().where(report.c.id == row.id).values(subject=subject,
                                                                        version=seen[(row.kind, subject)]))

    op.create_table("scorecard_indicator",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("title", sa.String(length=200), nullable=False),
    sa.Column("survey_id", sa.Integer(), nullable=False),
    sa.Column("item_key", sa.String(length=200), nullable=False),
    sa.Column("codes", _json(), nullable=False),
    sa.Column("target", sa.Integer(), nullable=True),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(["survey_id"], ["survey.id"], name=op.f("fk_scorecard_indicator_survey_id_survey"),
                            ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_scorecard_indicator")),
    )


def downgrade():
    op.drop_table("scorecard_indicator")
    with op.batch_alter_table("published_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_published_report_subject"))
        batch_op.drop_column("version")
        batch_op.drop_column("subject")
