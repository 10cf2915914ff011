"""export files: response workbooks built in the background

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 14:00:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0015'
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('export_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=True),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['requested_by_id'], ['staff_user.id'], name=op.f('fk_export_file_requested_by_id_staff_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_export_file_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_file')),
    sa.UniqueConstraint('token', name=op.f('uq_export_file_token'))
    )
    with op.batch_alter_table('export_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_export_file_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_export_file_requested_by_id'), ['requested_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_export_file_survey_id'), ['survey_id'], unique=False)


def downgrade():
    with op.batch_alter_table('export_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_export_file_survey_id'))
        batch_op.drop_index(batch_op.f('ix_export_file_requested_by_id'))
        batch_op.drop_index(batch_op.f('ix_export_file_expires_at'))
    op.drop_table('export_file')
