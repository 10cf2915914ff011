"""Submit time with a hanging mail server: three disclosures in a row, each timed.

Before issue 18 the alert emails were sent inside the respondent's request (10 s per email when the
mail server hangs, growing with the backlog). Now the request only queues a background job, so the
figures printed should be flat and independent of the mail server.

    PYTHONPATH=. .venv/bin/python benchmarks/safeguarding_submit.py

Measured 2026-12-02 on a shared 2-core machine under heavy load: 0.43 s, 0.27 s, 0.22 s with the
mail server hanging (the screen, fitted before the first request, took 55 s of that machine).
"""

import socket
import tempfile
import threading
import time
from pathlib import Path

from flask_migrate import upgrade

from feedback_app import create_app, jobs
from feedback_app.config import TestConfig
from feedback_app.extensions import db
from feedback_app.services import accounts, survey_loader
from tests.conftest import ClientRequest, IsolatedClient
from tests.feedback_app.journey import answer_all, submit

DISCLOSURES = ["my dad hits me when he is drunk", "my uncle touches me and says its our secret",
               "i want to kill myself"]


def hanging_smtp_server():
    """Accepts connections and never answers: the worst kind of mail server."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held = []
    threading.Thread(target=lambda: [held.append(listener.accept()) for _ in iter(int, 1)], daemon=True).start()
    return listener.getsockname()[1]


def main():
    folder = Path(tempfile.mkdtemp())
    port = hanging_smtp_server()
    config = type("Bench", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite",
                                           "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": port})
    app = create_app(config)
    app.test_client_class = IsolatedClient
    with app.app_context():
        upgrade()
        survey_loader.load_directory(app.config["SURVEYS_DIR"])
        accounts.create_user("dsl@bench.example", "correct horse battery staple", ["dsl"])
        from analysis.screening import default_screener

        started = time.perf_counter()
        default_screener()
        print(f"screen fitted (at start, not in a request): {time.perf_counter() - started:.1f} s")
        client = ClientRequest(app.test_client())
        for number, text in enumerate(DISCLOSURES, 1):
            answer_all(client, overrides={"better": {"do_better": text}})
            started = time.perf_counter()
            submit(client)
            print(f"disclosure {number}: submit answered in {time.perf_counter() - started:.3f} s "
                  f"(mail server hanging at 127.0.0.1:{port})")
            client.client.get("/exit")
        jobs.join_all(timeout=0)
        db.session.remove()


if __name__ == "__main__":
    main()
