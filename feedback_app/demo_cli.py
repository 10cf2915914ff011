"""``flask demo-data``: fill the loaded surveys with plausible, repeatable responses."""

import secrets

import click
from flask import current_app
from flask.cli import with_appcontext

from feedback_app.services import accounts, audit_planning, demo_data, safeguarding, theme_runs, training_demo

DEMO_ADMIN = "admin@demo.invalid"
DEMO_DSL = "dsl@demo.invalid"


@click.command("demo-data")
@click.option("--seed", type=int, default=2026, show_default=True, help="Same seed, same responses.")
@click.option("--responses", "per_year", type=click.IntRange(1, 5000), default=250, show_default=True,
              help="Responses per survey per survey year (two years are made).")
@click.option("--survey", "slugs", multiple=True, help="Only this survey (repeatable). Default: all loaded surveys.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date this year's survey window ends (default: today). Fix it to repeat a run exactly.")
@with_appcontext
def demo_data_command(seed, per_year, slugs, today):
    """Add demo responses to every loaded survey that has none yet.

    A survey that already has responses is skipped, so running this twice
    does not double the data and never mixes demo rows into real answers.
    """
    click.echo(training_demo.add_demo_course(seed, today.date() if today else None))  # before: fills the training forms
    outcomes = demo_data.generate(seed=seed, per_year=per_year, today=today.date() if today else None,
                                  slugs=set(slugs) or None)
    if not outcomes:
        raise click.ClickException("No surveys to fill: run 'flask surveys load' first.")
    for outcome in outcomes:
        if outcome.skipped_reason:
            click.echo(f"{outcome.slug}: skipped ({outcome.skipped_reason})")
        else:
            flagged = (
                f", {outcome.alerts} possible disclosures sent to the safeguarding queue" if outcome.alerts else ""
            )
            click.echo(f"{outcome.slug}: added {outcome.created} demo responses{flagged}")
    if theme_runs.add_demo_run():
        click.echo("Added a finished demo theme run (Themes in the staff menu)")
    if audit_planning.add_demo_programme(current_app.config["PRIORITIES_FILE"]):
        click.echo("Added demo audit proposals and a published programme (Audit programme, Reports)")
    from feedback_app.services.assurance import demo as assurance_demo

    if assurance_demo.add_demo(current_app.config["FRAMEWORKS_DIR"], today.date() if today else None):
        click.echo("Added a Section 11 round part-way through and a moderated case audit (Assurance)")


@click.command("demo-admin")
@with_appcontext
def demo_admin_command():
    """Create (or reset) the demo admin and DSL and print their sign-in details: embedded demo only."""
    if not current_app.config.get("EMBEDDED_DEMO"):
        raise click.ClickException("The demo admin is only for the embedded SQLite demo.")
    password = secrets.token_urlsafe(12)
    accounts.reset_demo_admin(DEMO_ADMIN, password)
    click.echo(f"Demo staff sign-in: {DEMO_ADMIN} / {password}  (http://127.0.0.1:5000/staff/sign-in)")
    # Alerts and their words are for the DSL alone: the admin cannot read them, so the demo has a DSL too.
    dsl_password = secrets.token_urlsafe(12)
    accounts.reset_demo_admin(DEMO_DSL, dsl_password, roles=["dsl"])
    click.echo(f"Demo safeguarding lead (DSL) sign-in: {DEMO_DSL} / {dsl_password}  (the safeguarding queue)")
    queued, _failed = safeguarding.notify_new_alerts()
    folder = current_app.config.get("MAIL_FOLDER")
    if queued and folder:
        click.echo(f"Emailed the DSL about {queued} alerts: the emails are in {folder}")


def init_app(app):
    app.cli.add_command(demo_data_command)
    app.cli.add_command(demo_admin_command)
