"""Record staff actions in the append-only audit log."""

from feedback_app import queries
from feedback_app.queries import audit as audit_queries


def record(actor, action, target=None, **detail):
    """Write one audit event in its own transaction."""
    with queries.transaction():
        audit_queries.add_event(actor, action, target, detail)


def add(actor, action, target=None, **detail):
    """Add an audit event to the current transaction (committed with the change it records)."""
    audit_queries.add_event(actor, action, target, detail)
