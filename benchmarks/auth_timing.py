"""How long a failed sign-in and a reset request take for each kind of account: they should match.

    python benchmarks/auth_timing.py [--rounds 30]

Builds the app on a temporary SQLite database with production's password hashing (argon2-cffi's
defaults), makes an active, a disabled and a formerly locked account, then times through the test
client: a failed sign-in for an unknown email, a wrong password, a disabled account and a locked
one; and a reset request for a known and an unknown email (the link itself is made and sent by a
background job, which is not timed: here it is replaced by a no-op so only the request is measured).
Prints the median and 90th percentile per case and the largest difference between medians.
Rate limits are switched off for the run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    from flask_migrate import upgrade

    from feedback_app import create_app, jobs
    from feedback_app.config import TestConfig
    from feedback_app.extensions import db
    from feedback_app.services import accounts

    folder = tempfile.mkdtemp()
    off = dict.fromkeys(TestConfig.RATE_LIMITS, "0/1")
    app = create_app(type("Timing", (TestConfig,), {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/timing.sqlite", "PASSWORD_HASH_PARAMETERS": {},
        "RATE_LIMITS": off, "WTF_CSRF_ENABLED": False}))
    password = "correct horse battery staple"
    with app.app_context():
        upgrade()
        accounts.create_user("active@x.org", password, ["dsl"])
        disabled = accounts.create_user("disabled@x.org", password, ["dsl"])
        locked = accounts.create_user("locked@x.org", password, ["dsl"])
        disabled.active = False
        locked.locked_until = datetime.now(UTC) + timedelta(days=1)
        db.session.commit()
    jobs.enqueue = lambda *a, **k: "not-run"  # time the request only, not the job it queues

    client = app.test_client()
    cases = {
        "sign-in, unknown email": ("/staff/sign-in", {"email": "nobody@x.org", "password": "wrong password"}),
        "sign-in, wrong password": ("/staff/sign-in", {"email": "active@x.org", "password": "wrong password"}),
        "sign-in, disabled account": ("/staff/sign-in", {"email": "disabled@x.org", "password": password}),
        "sign-in, locked account": ("/staff/sign-in", {"email": "locked@x.org", "password": "wrong password"}),
        "reset, known email": ("/staff/reset-password", {"email": "active@x.org"}),
        "reset, unknown email": ("/staff/reset-password", {"email": "nobody@x.org"}),
    }
    timings = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, (url, data) in cases.items():
            started = time.perf_counter()
            status = client.post(url, data=data).status_code
            timings[name].append((time.perf_counter() - started) * 1000)
            assert status in (200, 401), (name, status)
    print(f"{'case':30} {'median ms':>10} {'p90 ms':>8}")
    medians = {}
    for name, values in timings.items():
        values.sort()
        medians[name] = statistics.median(values)
        print(f"{name:30} {medians[name]:10.1f} {values[int(len(values) * 0.9) - 1]:8.1f}")
    for prefix in ("sign-in", "reset"):
        group = [value for name, value in medians.items() if name.startswith(prefix)]
        print(f"{prefix}: largest difference between medians {max(group) - min(group):.1f} ms")


if __name__ == "__main__":
    main()
