"""audit planning

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 09:00:00

"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _json():
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade():
    op.create_table(
        "priority_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_priority_area")),
        sa.UniqueConstraint("code", name=op.f("uq_priority_area_code")),
    )

    op.create_table(
        "audit_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("status", sa.Enum("proposed", "agreed", "scheduled", "completed", "dropped",
                                    name="proposal_status", native_enum=False, length=20), nullable=False),
        sa.Column("programme_year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=True),
        sa.Column("lead_agency", sa.String(length=200), nullable=True),
        sa.Column("theme_run_id", sa.Integer(), nullable=True),
        sa.Column("generated_evidence", _json(), nullable=False),
        sa.Column("evidence", _json(), nullable=False),
        sa.Column("evidence_edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("drop_reason", sa.Text(), nullable=True),
        sa.Column("findings", sa.Text(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("follow_up_survey", sa.String(length=80), nullable=True),
        sa.Column("follow_up_question", sa.String(length=80), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"],
                                name=op.f("fk_audit_proposal_created_by_id_staff_user"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["theme_run_id"], ["theme_run.id"],
                                name=op.f("fk_audit_proposal_theme_run_id_theme_run"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_proposal")),
    )
    with op.batch_alter_table("audit_proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_proposal_programme_year"), ["programme_year"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_proposal_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_proposal_theme_run_id"), ["theme_run_id"], unique=False)

    op.create_table(
        "audit_proposal_priority",
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("priority_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["priority_id"], ["priority_area.id"],
                                name=op.f("fk_audit_proposal_priority_priority_id_priority_area"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["proposal_id"], ["audit_proposal.id"],
                                name=op.f("fk_audit_proposal_priority_proposal_id_audit_proposal"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("proposal_id", "priority_id", name=op.f("pk_audit_proposal_priority")),
    )

    op.create_table(
        "audit_proposal_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["proposal_id"], ["audit_proposal.id"],
                                name=op.f("fk_audit_proposal_theme_proposal_id_audit_proposal"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], name=op.f("fk_audit_proposal_theme_theme_id_theme"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_proposal_theme")),
        sa.UniqueConstraint("proposal_id", "theme_id", name=op.f("uq_audit_proposal_theme_proposal_id")),
    )
    with op.batch_alter_table("audit_proposal_theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_proposal_theme_proposal_id"), ["proposal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_proposal_theme_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "audit_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["proposal_id"], ["audit_proposal.id"],
                                name=op.f("fk_audit_action_proposal_id_audit_proposal"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_action")),
    )
    with op.batch_alter_table("audit_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_action_proposal_id"), ["proposal_id"], unique=False)

    op.create_table(
        "published_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("content", _json(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["published_by_id"], ["staff_user.id"],
                                name=op.f("fk_published_report_published_by_id_staff_user"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_report")),
    )
    with op.batch_alter_table("published_report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_published_report_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_published_report_published_at"), ["published_at"], unique=False)


def downgrade():
    with op.batch_alter_table("published_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_published_report_published_at"))
        batch_op.drop_index(batch_op.f("ix_published_report_kind"))
    op.drop_table("published_report")
    with op.batch_alter_table("audit_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_action_proposal_id"))
    op.drop_table("audit_action")
    with op.batch_alter_table("audit_proposal_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_proposal_theme_theme_id"))
        batch_op.drop_index(batch_op.f("ix_audit_proposal_theme_proposal_id"))
    op.drop_table("audit_proposal_theme")
    op.drop_table("audit_proposal_priority")
    with op.batch_alter_table("audit_proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_proposal_theme_run_id"))
        batch_op.drop_index(batch_op.f("ix_audit_proposal_status"))
        batch_op.drop_index(batch_op.f("ix_audit_proposal_programme_year"))
    op.drop_table("audit_proposal")
    op.drop_table("priority_area")
