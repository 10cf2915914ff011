"""``flask demo-data``: fill the loaded surveys with plausible, repeatable responses."""

import click
from flask.cli import with_appcontext

from feedback_app.services import demo_data


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
    outcomes = demo_data.generate(seed=seed, per_year=per_year, today=today.date() if today else None,
                                  slugs=set(slugs) or None)
    if not outcomes:
        raise click.ClickException("No surveys to fill: run 'flask surveys load' first.")
    for outcome in outcomes:
        if outcome.skipped_reason:
            click.echo(f"{outcome.slug}: skipped ({outcome.skipped_reason})")
        else:
            click.echo(f"{outcome.slug}: added {outcome.created} demo responses")


def init_app(app):
    app.cli.add_command(demo_data_command)
