"""``flask training send-followups``: email the follow-up links that are due (schedule it daily)."""

import click
from flask.cli import AppGroup

from feedback_app.services import training_reminders

training_cli = AppGroup("training", help="Training courses: follow-up reminders.")


@training_cli.command("send-followups")
def send_followups():
    """Send follow-up reminder emails that are due; each address is deleted once sent."""
    result = training_reminders.send_due()
    click.echo(f"Sent {result.sent} follow-up reminders, {result.failed} kept to try again")
    if result.failed:
        raise SystemExit(1)


def init_app(app):
    app.cli.add_command(training_cli)
