"""``flask scheduler``: the service's own clock, so nothing depends on someone setting up cron.

Run one beside ``flask worker`` (or beside gunicorn on a single server). It runs the periodic
commands on the intervals below, each exactly as ``flask <command>`` would run it (the same
click command, so whatever a command does now or later is what the scheduler does):

============================  =================  ==============================================
command                       default interval   what
============================  =================  ==============================================
``safeguarding notify``       5 minutes          emails DSLs about new alerts, retrying failures
``safeguarding escalate``     15 minutes         sends overdue alerts to the escalation contact
``mail retry``                5 minutes          sends emails kept while the mail server was down
``drafts purge``              daily              deletes expired, unsent drafts
``exports purge``             10 minutes         deletes response files past their time
``retention purge``           daily              deletes free text past each survey's retention
``training send-followups``   daily              emails the 3-month follow-up links that are due
============================  =================  ==============================================

Every command runs once at start, then on its interval. ``SCHEDULE`` changes intervals
(``"mail retry=120, retention purge=0"``: seconds, 0 switches one off). With ``REDIS_URL`` set,
each run is claimed in Redis first, so two schedulers (say, one per machine) never run the same
command twice in one interval; without Redis, run exactly one scheduler.
"""

import threading
import time

import click
from flask import current_app
from flask.cli import ScriptInfo

DEFAULT_SCHEDULE = {
    "safeguarding notify": 5 * 60,
    "safeguarding escalate": 15 * 60,
    "mail retry": 5 * 60,
    "drafts purge": 24 * 3600,
    "exports purge": 10 * 60,
    "retention purge": 24 * 3600,
    "training send-followups": 24 * 3600,
}
LONGEST_SLEEP = 30


def schedule(config):
    """``{command: seconds}``: the defaults with ``SCHEDULE``'s changes, switched-off ones left out."""
    merged = {**DEFAULT_SCHEDULE, **(config.get("SCHEDULE") or {})}
    return {name: seconds for name, seconds in merged.items() if seconds > 0}


def command_for(app, name):
    """The click command ``flask <name>`` runs, e.g. ``"mail retry"``."""
    context = click.Context(app.cli, obj=ScriptInfo(create_app=lambda: app))
    command = app.cli
    for part in name.split():
        found = command.get_command(context, part) if isinstance(command, click.Group) else None
        if found is None:
            raise click.ClickException(f"no such command: flask {name}")
        command = found
    return command


def run_command(app, name):
    """Run ``flask <name>`` in this process; returns its exit code (never raises)."""
    with app.app_context():
        try:
            command_for(app, name).main(args=[], prog_name=f"flask {name}", standalone_mode=False,
                                        obj=ScriptInfo(create_app=lambda: app))
            return 0
        except SystemExit as exit_:
            return exit_.code if isinstance(exit_.code, int) else 1
        except Exception:  # noqa: BLE001 - one command failing must not stop the others
            app.logger.exception("scheduler: flask %s failed", name)
            return 1
        finally:
            from feedback_app.extensions import db

            db.session.remove()


class Scheduler:
    def __init__(self, app):
        self.app = app
        self.next_at = {}
        self.stopping = threading.Event()

    def _claim(self, name, seconds, now):
        """With Redis, only one scheduler runs a command per interval; without it, always this one."""
        url = self.app.config.get("REDIS_URL")
        if not url:
            return True
        try:
            from redis import Redis

            client = Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
            slot = int(now // seconds)
            return bool(client.set(f"feedback:scheduler:{name}:{slot}", "1", nx=True, ex=seconds + 60))
        except Exception:  # noqa: BLE001 - Redis down: run it here (twice is better than never)
            self.app.logger.warning("scheduler: Redis unavailable, running %s without a claim", name)
            return True

    def run_due(self, now=None):
        """Run every command whose time has come; returns ``[(command, exit code)]``."""
        now = time.time() if now is None else now
        ran = []
        for name, seconds in schedule(self.app.config).items():
            if now < self.next_at.get(name, 0):
                continue
            self.next_at[name] = now + seconds
            if self._claim(name, seconds, now):
                code = run_command(self.app, name)
                self.app.logger.info("scheduler: flask %s exited %s", name, code)
                ran.append((name, code))
        return ran

    def run_forever(self):
        while not self.stopping.is_set():
            self.run_due()
            wait = min(self.next_at.values(), default=time.time() + LONGEST_SLEEP) - time.time()
            self.stopping.wait(max(1, min(LONGEST_SLEEP, wait)))

    def stop(self):
        self.stopping.set()


@click.command("scheduler")
@click.option("--once", is_flag=True, help="Run every command once, then stop.")
def scheduler_command(once):
    """Run the periodic commands (escalation, mail retry, purges, reminders) on their intervals."""
    app = current_app._get_current_object()
    scheduler = Scheduler(app)
    for name, seconds in schedule(app.config).items():
        click.echo(f"flask {name}: every {seconds} seconds")
    if once:
        failed = [name for name, code in scheduler.run_due() if code]
        raise SystemExit(1 if failed else 0)
    scheduler.run_forever()


def init_app(app):
    app.cli.add_command(scheduler_command)
