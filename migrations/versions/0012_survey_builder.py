"""survey builder: drafts edited in the browser, and who made each version

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-02 01:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('survey_draft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=True),
    sa.Column('base_version_id', sa.Integer(), nullable=True),
    sa.Column('definition', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'),
              nullable=False),
    sa.Column('created_by', sa.String(length=254), nullable=True),
    sa.Column('updated_by', sa.String(length=254), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_survey_draft_survey_id_survey')),
    sa.ForeignKeyConstraint(['base_version_id'], ['survey_version.id'],
                            name=op.f('fk_survey_draft_base_version_id_survey_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_draft')),
    sa.UniqueConstraint('slug', name=op.f('uq_survey_draft_slug'))
    )
    with op.batch_alter_table('survey_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=20), nullable=False, server_default='file'))
        batch_op.add_column(sa.Column('created_by', sa.String(length=254), nullable=True))


def downgrade():
    with op.batch_alter_table('survey_version', schema=None) as batch_op:
        batch_op.drop_column('created_by')
        batch_op.drop_column('source')
    op.drop_table('survey_draft')
