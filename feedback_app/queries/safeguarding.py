"""Safeguarding alerts, and the rule that keeps flagged answers inside the safeguarding area."""

from sqlalchemy import and_, case, exists, func, or_, select, update

from feedback_app.extensions import db
from feedback_app.models import AlertStatus, Answer, OutboxEmail, Response, SafeguardingAlert, User, UserRole

ALERT_EMAIL = "safeguarding_alert"  # outbox purpose "safeguarding_alert:<alert id>"
# One email for many answers the screen cannot read: "safeguarding_digest:<first alert id>"; the alerts it
# covers are those queued for mail at the same moment (one transaction sets one value, ``queued_with``).
DIGEST_EMAIL = "safeguarding_digest"

# An answer whose alert is still open, or was referred on, stays with the DSL: it is left out of
# theme runs, the free-text list, exports, reports and audit evidence. A DSL's "no concern" or
# "false alarm" releases it.
WITHHELD_STATUSES = (AlertStatus.new, AlertStatus.referred)


def withheld_clause(answer=Answer):
    """SQL true for an answer (row of ``answer``) held back for safeguarding review."""
    return exists().where(and_(SafeguardingAlert.response_id == answer.response_id,
                               SafeguardingAlert.question_id == answer.question_id,
                               SafeguardingAlert.status.in_(WITHHELD_STATUSES)))


def released_clause(answer=Answer):
    """SQL true for an answer that may leave the safeguarding area."""
    return ~withheld_clause(answer)


def count_withheld(survey_ids=None, question_ids=None, start=None, end=None, cohort_ids=None, cohort_none=False):
    """How many answers are held back, narrowed like the place that leaves them out."""
    query = (select(func.count()).select_from(SafeguardingAlert)
             .join(Response, Response.id == SafeguardingAlert.response_id)
             .where(SafeguardingAlert.status.in_(WITHHELD_STATUSES)))
    if survey_ids is not None:
        query = query.where(SafeguardingAlert.survey_id.in_(list(survey_ids)))
    if question_ids is not None:
        query = query.where(SafeguardingAlert.question_id.in_(list(question_ids)))
    if start is not None:
        query = query.where(Response.submitted_at >= start)
    if end is not None:
        query = query.where(Response.submitted_at < end)
    if cohort_none:
        query = query.where(Response.cohort_id.is_(None))
    elif cohort_ids:
        query = query.where(Response.cohort_id.in_(list(cohort_ids)))
    return db.session.scalar(query) or 0


def add_alert(response_id, survey_id, question_id, original_text, categories, evidence, due_at):
    alert = SafeguardingAlert(response_id=response_id, survey_id=survey_id, question_id=question_id,
                              original_text=original_text, categories=list(categories), evidence=list(evidence),
                              status=AlertStatus.new, due_at=due_at)
    db.session.add(alert)
    db.session.flush()
    return alert


def get_alert(alert_id):
    return db.session.get(SafeguardingAlert, alert_id)


def list_alerts(status=None):
    query = select(SafeguardingAlert).order_by(
        case((SafeguardingAlert.status == AlertStatus.new, 0), else_=1), SafeguardingAlert.created_at.desc()
    )
    if status is not None:
        query = query.where(SafeguardingAlert.status == status)
    return list(db.session.scalars(query))


def list_unqueued():
    """Open alerts whose emails to the DSLs have not yet been put in the outbox."""
    return list(db.session.scalars(select(SafeguardingAlert).where(SafeguardingAlert.mail_queued_at.is_(None),
                                                                   SafeguardingAlert.status == AlertStatus.new)
                                   .order_by(SafeguardingAlert.id)))


def claim_for_mail(alert_id, now):
    """Mark an alert's emails as queued unless another sender already has; ``True`` if this one did."""
    result = db.session.execute(update(SafeguardingAlert).where(
        SafeguardingAlert.id == alert_id, SafeguardingAlert.mail_queued_at.is_(None)).values(mail_queued_at=now))
    return result.rowcount == 1


def list_open():
    """Alerts not yet reviewed, oldest first."""
    return list(db.session.scalars(select(SafeguardingAlert).where(SafeguardingAlert.status == AlertStatus.new)
                                   .order_by(SafeguardingAlert.created_at, SafeguardingAlert.id)))


def list_open_times():
    """``(id, created_at, notified_at, due_at)`` of alerts not yet reviewed: what the delivery banner on every
    admin's and DSL's page needs, without loading each alert's words."""
    return db.session.execute(select(SafeguardingAlert.id, SafeguardingAlert.created_at, SafeguardingAlert.notified_at,
                                     SafeguardingAlert.due_at)
                              .where(SafeguardingAlert.status == AlertStatus.new)).all()


def queued_with(alert):
    """Alerts queued for mail at the same moment as ``alert`` (itself included): one digest's alerts."""
    if alert.mail_queued_at is None:
        return [alert]
    return list(db.session.scalars(select(SafeguardingAlert).where(
        SafeguardingAlert.mail_queued_at == alert.mail_queued_at).order_by(SafeguardingAlert.id)))


def failing_alert_ids():
    """Ids of alerts with an email in the outbox that the mail server has refused at least once."""
    rows = db.session.scalars(select(OutboxEmail.purpose).where(
        or_(OutboxEmail.purpose.like(f"{ALERT_EMAIL}:%"), OutboxEmail.purpose.like(f"{DIGEST_EMAIL}:%")),
        OutboxEmail.attempts > 0))
    failing = set()
    for purpose in rows:
        kind, _sep, reference = purpose.partition(":")
        if not reference.isdigit():
            continue
        if kind == ALERT_EMAIL:
            failing.add(int(reference))
        elif (head := db.session.get(SafeguardingAlert, int(reference))) is not None:
            failing |= {alert.id for alert in queued_with(head)}
    return failing


def count_active_dsls():
    return db.session.scalar(select(func.count(func.distinct(User.id))).select_from(User)
                             .join(UserRole, UserRole.user_id == User.id)
                             .where(UserRole.role == "dsl", User.active.is_(True))) or 0


def answers_of_response(response_id):
    return list(db.session.scalars(select(Answer).where(Answer.response_id == response_id).order_by(Answer.id)))


def alerts_of_response(response_id):
    return list(db.session.scalars(select(SafeguardingAlert).where(SafeguardingAlert.response_id == response_id)
                                   .order_by(SafeguardingAlert.id)))


def list_overdue(now):
    return list(db.session.scalars(select(SafeguardingAlert).where(
        SafeguardingAlert.status == AlertStatus.new, SafeguardingAlert.due_at < now,
        SafeguardingAlert.escalated_at.is_(None),
    ).order_by(SafeguardingAlert.id)))


def withheld_texts():
    """The stored (redacted) words of every held-back answer: to keep them out of copies made earlier."""
    query = select(Answer.text).where(Answer.text.is_not(None), withheld_clause())
    return {text.strip() for text in db.session.scalars(query) if text}
