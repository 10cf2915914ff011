"""``flask frameworks check|load``: standards frameworks for self-assessments and case audits."""

import click
from flask import current_app
from flask.cli import AppGroup

from feedback_app.frameworks import FrameworkError, load_file

frameworks_cli = AppGroup("frameworks", help="Load and check standards framework files.")


@frameworks_cli.command("load")
@click.option("--directory", type=click.Path(file_okay=False), default=None,
              help="Folder of framework files (default: FRAMEWORKS_DIR).")
def load_frameworks(directory):
    """Add or update every framework file, idempotently. Running rounds keep their own copy."""
    from feedback_app.services.assurance import frameworks

    try:
        results = frameworks.load_directory(directory or current_app.config["FRAMEWORKS_DIR"])
    except FrameworkError as error:
        raise click.ClickException(str(error)) from None
    for result in results:
        click.echo(f"{result.slug}: {result.outcome}")


@frameworks_cli.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
def check_frameworks(files):
    """Validate framework files without loading them."""
    failed = False
    for name in files:
        try:
            definition = load_file(name)
        except FrameworkError as error:
            click.echo(str(error), err=True)
            failed = True
        else:
            click.echo(f"{name}: valid ({definition.slug}, {len(definition.standards)} standards)")
    if failed:
        raise SystemExit(1)


def init_app(app):
    app.cli.add_command(frameworks_cli)
