"""training courses

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 09:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade():
    op.create_table('training_course',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('objectives', JSON, nullable=False),
    sa.Column('priority_codes', JSON, nullable=False),
    sa.Column('trainer_id', sa.Integer(), nullable=True),
    sa.Column('pairing_salt', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['trainer_id'], ['staff_user.id'], name=op.f('fk_training_course_trainer_id_staff_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_course'))
    )
    with op.batch_alter_table('training_course', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_course_trainer_id'), ['trainer_id'], unique=False)

    op.create_table('training_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('delivery', sa.String(length=20), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=True),
    sa.Column('trainer_id', sa.Integer(), nullable=True),
    sa.Column('attendance', sa.Integer(), nullable=True),
    sa.Column('before_token', sa.String(length=40), nullable=False),
    sa.Column('after_token', sa.String(length=40), nullable=False),
    sa.Column('followup_token', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['training_course.id'], name=op.f('fk_training_session_course_id_training_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['trainer_id'], ['staff_user.id'], name=op.f('fk_training_session_trainer_id_staff_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_session')),
    sa.UniqueConstraint('after_token', name=op.f('uq_training_session_after_token')),
    sa.UniqueConstraint('before_token', name=op.f('uq_training_session_before_token')),
    sa.UniqueConstraint('followup_token', name=op.f('uq_training_session_followup_token'))
    )
    with op.batch_alter_table('training_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_session_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_session_trainer_id'), ['trainer_id'], unique=False)

    op.create_table('training_response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=10), nullable=False),
    sa.Column('pairing_hash', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], name=op.f('fk_training_response_response_id_response'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_training_response_session_id_training_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_response')),
    sa.UniqueConstraint('response_id', name=op.f('uq_training_response_response_id'))
    )
    with op.batch_alter_table('training_response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_response_session_id'), ['session_id'], unique=False)

    op.create_table('training_followup_reminder',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_training_followup_reminder_session_id_training_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_followup_reminder'))
    )
    with op.batch_alter_table('training_followup_reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_followup_reminder_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_followup_reminder_session_id'), ['session_id'], unique=False)

    # A draft remembers what it was started from (a course session's learning objectives).
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.add_column(sa.Column('context', JSON, nullable=True))


def downgrade():
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_column('context')

    with op.batch_alter_table('training_followup_reminder', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_followup_reminder_session_id'))
        batch_op.drop_index(batch_op.f('ix_training_followup_reminder_due_on'))
    op.drop_table('training_followup_reminder')

    with op.batch_alter_table('training_response', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_response_session_id'))
    op.drop_table('training_response')

    with op.batch_alter_table('training_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_session_trainer_id'))
        batch_op.drop_index(batch_op.f('ix_training_session_course_id'))
    op.drop_table('training_session')

    with op.batch_alter_table('training_course', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_course_trainer_id'))
    op.drop_table('training_course')
