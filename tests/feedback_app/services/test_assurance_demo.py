"""Demo assurance data: a Section 11 round part-way through and a moderated case audit, added once."""

from datetime import date

from feedback_app.queries import assurance as q
from feedback_app.services.assurance import demo, summary


def test_demo_adds_a_round_part_way_through_and_a_moderated_case_audit(app):
    assert demo.add_demo(app.config["FRAMEWORKS_DIR"], date(2026, 11, 1)) is True
    current = next(r for r in q.list_rounds() if r.title == "Section 11 2027")
    statuses = sorted(s.status.value for s in current.submissions)
    assert statuses == ["draft", "draft", "not_started", "not_started", "submitted", "submitted"]
    assert current.previous_round.title == "Section 11 2025"
    content = summary.round_summary(current)
    assert len(content["agencies"]) == 6 and any(c["movement"] for a in content["agencies"] for c in a["cells"])
    [case_audit] = q.list_case_audits()
    moderated = [c for c in case_audit.cases if c.moderated_at]
    assert len(moderated) == 1 and moderated[0].agreed_grade == "good"
    assert all(r.submitted_at for r in moderated[0].returns) and len(moderated[0].returns) == 3
    assert demo.add_demo(app.config["FRAMEWORKS_DIR"], date(2026, 11, 1)) is False
