"""Plain analysis library: theme clustering and safeguarding screening.

Never imports Flask, SQLAlchemy or feedback_app.
"""
