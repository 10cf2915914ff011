"""Command-line tasks: ``flask surveys load|check``, ``flask drafts purge``."""

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
        click.echo(f"{result.slug}: {result.outcome} (version {result.version})")


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


def init_app(app):
    app.cli.add_command(safeguarding_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(surveys_cli)
    app.cli.add_command(drafts_cli)
