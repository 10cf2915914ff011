"""Reports for the Board: theme summaries and the audit programme, printable and as CSV.

Admins and analysts see reports live and publish snapshots of them; the viewer
role (Board members) sees only published snapshots. Publishing, withdrawing and
downloading are written to the audit log.
"""

import re
from datetime import date

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import roles_required
from feedback_app.forms.audits import ConfirmForm, IndicatorForm, PublishForm
from feedback_app.queries import audits as audit_queries
from feedback_app.queries import reports as report_queries
from feedback_app.queries import scorecard as scorecard_queries
from feedback_app.queries import themes as theme_queries
from feedback_app.services import audit
from feedback_app.services import audit_planning as planning
from feedback_app.services import reports as reports_service
from feedback_app.services import results as results_service
from feedback_app.services import scorecard as scorecard_service

bp = Blueprint("reports", __name__, url_prefix="/staff/reports")
PUBLISHERS = ("analyst",)
READERS = ("analyst", "viewer")


def _can_publish():
    return current_user.has_role(*PUBLISHERS)


def _year_arg():
    value = request.args.get("year", "")
    if value.isdigit() and 2000 <= int(value) <= 2100:
        return int(value)
    return planning.programme_year_of(date.today())


def _csv(content, name):
    response = Response(reports_service.to_csv(content), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{re.sub(r"[^a-z0-9-]", "", name)}.csv"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _complete_run_or_404(run_id):
    run = theme_queries.get_run(run_id)
    if run is None or run.status.value != "complete":
        abort(404)
    return run


@bp.route("/")
@roles_required(*READERS)
def index():
    publisher = _can_publish()
    years = planning.year_choices(existing=audit_queries.list_programme_years()) if publisher else []
    reports = reports_service.versions(report_queries.list_reports(include_withdrawn=publisher))
    return render_template("views/reports/index.html", reports=reports,
                           runs=theme_queries.list_complete_runs() if publisher else [], years=years,
                           scorecard_years=[date.today().year - 1, date.today().year] if publisher else [],
                           can_publish=publisher)


@bp.route("/published/<int:report_id>")
@roles_required(*READERS)
def published(report_id):
    report = report_queries.get_report(report_id)
    if report is None or (report.withdrawn_at and not _can_publish()):
        abort(404)
    newer = [r for r in report_queries.list_versions(report, include_withdrawn=_can_publish())
             if r.version > report.version]
    return render_template("views/reports/report.html", content=report.content, report=report,
                           newest=newer[0] if newer else None,
                           csv_url=url_for("reports.published_csv", report_id=report.id),
                           withdraw_form=ConfirmForm(), can_publish=_can_publish())


@bp.route("/published/<int:report_id>.csv")
@roles_required(*READERS)
def published_csv(report_id):
    report = report_queries.get_report(report_id)
    if report is None or (report.withdrawn_at and not _can_publish()):
        abort(404)
    audit.record(current_user, "reports.downloaded", f"published_report:{report.id}", format="csv")
    return _csv(report.content, f"report-{report.id}")


@bp.route("/published/<int:report_id>/withdraw", methods=["POST"])
@roles_required(*PUBLISHERS)
def withdraw(report_id):
    report = report_queries.get_report(report_id) or abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if report.withdrawn_at is None:
        reports_service.withdraw(report, current_user)
        flash(_("Report withdrawn: viewers can no longer see it."))
    return redirect(url_for("reports.published", report_id=report_id))


def _live(content, csv_url):
    form = PublishForm(formdata=None, kind=content["kind"], subject=str(content["subject"]))
    return render_template("views/reports/report.html", content=content, report=None, csv_url=csv_url,
                           publish_form=form, can_publish=True)


@bp.route("/themes/<int:run_id>")
@roles_required(*PUBLISHERS)
def theme_summary(run_id):
    content = reports_service.theme_summary(_complete_run_or_404(run_id))
    return _live(content, url_for("reports.theme_summary_csv", run_id=run_id))


@bp.route("/themes/<int:run_id>.csv")
@roles_required(*PUBLISHERS)
def theme_summary_csv(run_id):
    content = reports_service.theme_summary(_complete_run_or_404(run_id))
    audit.record(current_user, "reports.downloaded", f"theme_run:{run_id}", format="csv", kind="theme_summary")
    return _csv(content, f"themes-{run_id}")


@bp.route("/programme")
@roles_required(*PUBLISHERS)
def programme():
    year = _year_arg()
    content = reports_service.audit_programme(year, g.get("language", "en"))
    return _live(content, url_for("reports.programme_csv", year=year))


@bp.route("/programme.csv")
@roles_required(*PUBLISHERS)
def programme_csv():
    year = _year_arg()
    content = reports_service.audit_programme(year)
    audit.record(current_user, "reports.downloaded", f"audit_programme:{year}", format="csv",
                 kind="audit_programme")
    return _csv(content, f"audit-programme-{year}")


def _calendar_year_arg():
    value = request.args.get("year", "")
    if value.isdigit() and 2000 <= int(value) <= 2100:
        return int(value)
    return date.today().year


@bp.route("/scorecard")
@roles_required(*PUBLISHERS)
def scorecard():
    year = _calendar_year_arg()
    content = scorecard_service.scorecard(year, g.get("language", "en"))
    return _live(content, url_for("reports.scorecard_csv", year=year))


@bp.route("/scorecard.csv")
@roles_required(*PUBLISHERS)
def scorecard_csv():
    year = _calendar_year_arg()
    content = scorecard_service.scorecard(year, g.get("language", "en"))
    audit.record(current_user, "reports.downloaded", f"scorecard:{year}", format="csv", kind="scorecard")
    return _csv(content, f"scorecard-{year}")


@bp.route("/scorecard/indicators", methods=["GET", "POST"])
@roles_required(*PUBLISHERS)
def indicators():
    language = g.get("language", "en")
    form = IndicatorForm()
    form.question.choices = [("", _("Select a question"))] + scorecard_service.question_choices(language)
    _survey, item = scorecard_service.find_item(form.question.data, language)
    form.answers.choices = scorecard_service.answer_choices(item) if item else []
    if form.is_submitted() and form.validate() and item is not None:
        if not form.answers.data and request.form.get("step") != "answers":
            pass  # the question was just chosen: offer its answers
        else:
            try:
                scorecard_service.add_indicator(current_user, form.title.data, form.question.data,
                                                form.answers.data or [], form.target.data, language)
            except scorecard_service.IndicatorRefused as refused:
                getattr(form, refused.field).errors.append(refused.message)
            else:
                flash(_("Indicator added to the scorecard."))
                return redirect(url_for("reports.indicators"))
    status = 400 if form.errors else 200
    return render_template("views/reports/indicators.html", form=form, item=item,
                           indicators=scorecard_queries.list_indicators(), remove_form=ConfirmForm()), status


@bp.route("/scorecard/indicators/<int:indicator_id>/remove", methods=["POST"])
@roles_required(*PUBLISHERS)
def remove_indicator(indicator_id):
    indicator = scorecard_queries.get_indicator(indicator_id) or abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    scorecard_service.remove_indicator(current_user, indicator)
    flash(_("Indicator removed from the scorecard."))
    return redirect(url_for("reports.indicators"))


@bp.route("/publish", methods=["POST"])
@roles_required(*PUBLISHERS)
def publish():
    form = PublishForm()
    if not form.validate_on_submit() or form.kind.data not in reports_service.KINDS or not form.subject.data.isdigit():
        abort(400)
    try:
        report = reports_service.publish(form.kind.data, int(form.subject.data), current_user,
                                         g.get("language", "en"))
    except reports_service.ReportRefused:
        abort(404)
    except results_service.NotReady:  # its figures' audit is worked out in the background, never here
        flash(_("The report was not published: some of its figures are still being prepared, so that no small "
                "group can be worked out from them. Try again in a few minutes."), "notice")
        return redirect(url_for("reports.index"))
    flash(_("Report published. Board members with the viewer role can now read it."))
    return redirect(url_for("reports.published", report_id=report.id))
