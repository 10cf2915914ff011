"""Whether every open safeguarding alert has reached a DSL: what admins and DSLs are warned about.

An open alert has not reached a DSL when there is no active DSL account (nobody can sign in to read
it), when its email has not been taken by the mail server (refused at least once, or still not sent
after ``DELIVERY_GRACE``), or when it is past its review deadline. Counts and times only: never the
answer's words, which only the DSL reads.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from feedback_app.queries import safeguarding as alert_queries

# Longer than the outbox's first retry (5 minutes) and the scheduled `flask safeguarding notify`.
DELIVERY_GRACE = timedelta(minutes=15)
REASONS = ("no_dsl", "mail", "overdue")


@dataclass
class Reason:
    code: str
    count: int = 0
    since: datetime | None = None


@dataclass
class Undelivered:
    count: int
    since: datetime
    reasons: list = field(default_factory=list)

    def reason(self, code):
        return next((r for r in self.reasons if r.code == code), None)


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def undelivered(now=None):
    """``Undelivered`` when any open alert has not reached a DSL, else ``None``."""
    now = now or datetime.now(UTC)
    open_alerts = alert_queries.list_open_times()
    if not open_alerts:
        return None
    has_dsl = alert_queries.count_active_dsls() > 0
    failing = alert_queries.failing_alert_ids()
    reasons = {code: Reason(code) for code in REASONS}
    stuck = []
    for alert in open_alerts:
        created = _aware(alert.created_at)
        found = []
        if not has_dsl:
            found.append("no_dsl")
        elif alert.notified_at is None and (alert.id in failing or created < now - DELIVERY_GRACE):
            found.append("mail")
        if _aware(alert.due_at) < now:
            found.append("overdue")
        for code in found:
            reason = reasons[code]
            reason.count += 1
            reason.since = min(reason.since or created, created)
        if found:
            stuck.append(created)
    if not stuck:
        return None
    return Undelivered(len(stuck), min(stuck), [reasons[code] for code in REASONS if reasons[code].count])


def open_alert_ages(now=None):
    """``(count, [(alert, age)])`` of open alerts, oldest first: for admins, who never see their words."""
    now = now or datetime.now(UTC)
    alerts = alert_queries.list_open()
    return len(alerts), [(alert, now - _aware(alert.created_at)) for alert in alerts]
