"""answer: at most one answer per question of a response

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 17:00:00

A response's answers are written once, together, from its draft (``queries.responses.add_response``), one per
question. Nothing stopped a second row for the same question, and every count would then count that response
twice. A plain unique index (not a table rebuild), so SQLite keeps the triggers of migration 0014 on ``answer``.
An existing database holding such a pair stops here, with the pairs named, rather than losing either row.
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0016'
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    doubled = op.get_bind().execute(sa.text(
        "SELECT response_id, question_id FROM answer GROUP BY response_id, question_id HAVING COUNT(*) > 1 "
        "LIMIT 10")).fetchall()
    if doubled:
        raise RuntimeError("These responses have two answers to one question; keep one of each pair, then migrate: "
                           + ", ".join(f"response {r} question {q}" for r, q in doubled))
    op.create_index("uq_answer_response_question", "answer", ["response_id", "question_id"], unique=True)


def downgrade():
    op.drop_index("uq_answer_response_question", table_name="answer")
