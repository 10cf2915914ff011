"""Command-line tasks: ``flask surveys load|check``, ``flask drafts purge``, ``flask exports purge``."""

import sys

import click
from flask import current_app
from flask.cli import AppGroup

from feedback_app.models import ROLES
from feedback_app.services import accounts, journey, safeguarding, survey_loader
from feedback_app.survey_definitions import SurveyDefinitionError, load_file

surveys_cli = AppGroup("surveys", help="Load and check survey definition files.")
drafts_cli = AppGroup("drafts", help="Housekeeping of unsubmitted answers.")
users_cli = AppGroup("users", help="Staff accounts.")
safeguarding_cli = AppGroup("safeguarding", help="Possible disclosures: notify DSLs and escalate.")
exports_cli = AppGroup("exports", help="Files of every response prepared for download.")


@surveys_cli.command("load")
@click.option("--directory", type=click.Path(file_okay=False), default=None,
              help="Folder of survey files (default: SURVEYS_DIR).")
def load_surveys(directory):
    """Load or update every survey file, idempotently."""
    directory = directory or current_app.config["SURVEYS_DIR"]
    try:
        results = survey_loader.load_directory(directory)
    except SurveyDefinitionError as error:
        raise click.ClickException(str(error)) from None
    for result in results:
        click.echo(result.describe())


@surveys_cli.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
def check_surveys(files):
    """Validate survey files without loading them."""
    failed = False
    for name in files:
        try:
            definition = load_file(name)
        except SurveyDefinitionError as error:
            click.echo(str(error), err=True)
            failed = True
        else:
            click.echo(f"{name}: valid ({definition.slug}, {len(definition.questions)} questions)")
    if failed:
        raise SystemExit(1)


@drafts_cli.command("purge")
def purge_drafts():
    """Delete expired drafts that were never submitted."""
    click.echo(f"Deleted {journey.purge_expired_drafts()} expired drafts")


@exports_cli.command("purge")
def purge_exports():
    """Delete export files past their time."""
    from feedback_app.services import export_files

    click.echo(f"Deleted {export_files.purge()} expired export files")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice(ROLES),
              help="A role for the account; repeat for several.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user(email, roles, password_stdin):
    """Create a staff account non-interactively."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_user(email, password, list(roles))
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {user.email} with roles: {', '.join(sorted(user.roles))}")


@safeguarding_cli.command("notify")
def notify_dsls():
    """Email the DSLs about alerts not yet notified (retries failed emails)."""
    sent, failed = safeguarding.notify_new_alerts()
    click.echo(f"Notified {sent} alerts, {failed} still to send")
    if failed:
        raise SystemExit(1)


@safeguarding_cli.command("escalate")
def escalate_alerts():
    """Send alerts not reviewed by their deadline to the escalation contact."""
    escalated, failed = safeguarding.escalate_overdue()
    click.echo(f"Escalated {escalated} alerts, {failed} could not be sent")
    if failed:
        raise SystemExit(1)


mail_cli = AppGroup("mail", help="Emails kept in the outbox until the mail server takes them.")
retention_cli = AppGroup("retention", help="Delete free text past each survey's retention period.")


@mail_cli.command("retry")
def retry_mail():
    """Send emails still waiting in the outbox (schedule every few minutes)."""
    from feedback_app.services import outbox

    outcomes = outbox.send_due()
    click.echo(f"Sent {outcomes['sent']}, {outcomes['waiting']} still waiting, {outcomes['given_up']} given up")
    if outcomes["waiting"] or outcomes["given_up"]:
        raise SystemExit(1)


@retention_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Only count what would be deleted.")
def purge_retention(dry_run):
    """Delete raw free text older than each survey's retention_months (schedule daily)."""
    from feedback_app.services import retention

    for result in retention.purge(dry_run=dry_run):
        verb = "would delete" if dry_run else "deleted"
        click.echo(f"{result.slug}: {verb} {result.total} free-text answers submitted before "
                   f"{result.cutoff:%Y-%m-%d} (kept {result.months} months)")


priorities_cli = AppGroup("priorities", help="The partnership's priority areas, which audit proposals serve.")


@priorities_cli.command("load")
@click.option("--file", "path", type=click.Path(dir_okay=False, exists=True), default=None,
              help="YAML file of priorities (default: PRIORITIES_FILE).")
def load_priorities(path):
    """Add or update priority areas from the file; ones no longer listed stop being offered."""
    from feedback_app.services import audit_planning

    added, updated = audit_planning.load_priorities(path or current_app.config["PRIORITIES_FILE"])
    click.echo(f"Priority areas: {added} added, {updated} updated")


def init_app(app):
    app.cli.add_command(priorities_cli)
    app.cli.add_command(mail_cli)
    app.cli.add_command(retention_cli)
    app.cli.add_command(safeguarding_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(surveys_cli)
    app.cli.add_command(drafts_cli)
    app.cli.add_command(exports_cli)
