"""safeguarding delivery: when an alert's emails were queued, and who a referral went to

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-02 01:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("safeguarding_alert", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mail_queued_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("referred_to", sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table("safeguarding_alert", schema=None) as batch_op:
        batch_op.drop_column("referred_to")
        batch_op.drop_column("mail_queued_at")
