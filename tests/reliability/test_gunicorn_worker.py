"""The project's gunicorn worker (feedback_app/server_worker.py) under this project's gunicorn.conf.py (issue 23).

These tests run the real gunicorn with this project's gunicorn.conf.py (one worker of 2 threads,
keep-alive 10 s) and a tiny app that answers with its process id.

Silent connections: a client that connects and sends nothing yet must not hold a worker thread while
requests on other connections wait.

Recycling: gunicorn.conf.py recycles a worker after max_requests. Phones (or the proxy) keep their
connection open while the young person reads a question, 5 to 15 s, longer than gunicorn's own 2 s stop
linger. With max_requests 12, the worker recycles while several kept-alive connections are idle, and
the next request on each of them is sent after the 2 s linger.
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IDLE_CONNECTIONS = 5
MAX_REQUESTS = 12
KEEPALIVE_S = 10
# gunicorn's gthread closes a stopping worker's idle connections after 2 s (STOP_KEEPALIVE_LINGER).
IDLE_AFTER_RECYCLE_S = 3.5


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid):
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _get(connection, close=False):
    connection.request("GET", "/", headers={"Connection": "close"} if close else {})
    response = connection.getresponse()
    return response.status, int(response.read()), (response.getheader("Connection") or "").lower()


def _wait_until_serving(port, server, log):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped: {log.read_text()[-2000:]}")
        try:
            _get(http.client.HTTPConnection("127.0.0.1", port, timeout=5), close=True)
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start")


@contextmanager
def _gunicorn(log, max_requests=MAX_REQUESTS):
    """gunicorn with gunicorn.conf.py: one worker of 2 threads, keep-alive 10 s. Yields (process, port)."""
    port = _free_port()
    env = {key: value for key, value in os.environ.items()
           if key not in ("FEEDBACK_APP_ENV", "SECRET_KEY", "DATABASE_URL", "BASE_URL")}
    env.update({"GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1", "GUNICORN_THREADS": "2",
                "GUNICORN_KEEPALIVE": str(KEEPALIVE_S), "GUNICORN_MAX_REQUESTS": str(max_requests),
                "GUNICORN_MAX_REQUESTS_JITTER": "0", "GUNICORN_ACCESS_LOG": "-", "GUNICORN_LOG_LEVEL": "info",
                "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))})
    with log.open("wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                                   "tests.reliability.recycle_app:app"], cwd=ROOT, env=env, stdout=output,
                                  stderr=subprocess.STDOUT)
    try:
        _wait_until_serving(port, server, log)
        yield server, port
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_a_silent_new_connection_does_not_hold_a_thread(tmp_path):
    """More silent connections than threads, then a request: answered at once, not after gunicorn's 5 s wait."""
    log = tmp_path / "gunicorn.log"
    with _gunicorn(log, max_requests=0) as (_, port):
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(6)]
        try:
            time.sleep(0.3)
            began = time.monotonic()
            status, _, _ = _get(http.client.HTTPConnection("127.0.0.1", port, timeout=20), close=True)
            elapsed = time.monotonic() - began
            # and a silent connection that speaks later is still served
            late = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            late.sock = silent[0]
            late_status, _, _ = _get(late)
        finally:
            for connection in silent:
                connection.close()
    assert status == 200
    assert elapsed < 2.5, f"{elapsed:.1f} s behind the silent connections"
    assert late_status == 200


@pytest.fixture(scope="module")
def recycle(tmp_path_factory):
    """One recycle, observed from the clients' side; returns what each step saw."""
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    connections = []
    with _gunicorn(log) as (server, port):
        seen = {"log": log, "master": server.pid}
        idle = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _ in range(IDLE_CONNECTIONS)]
        connections += idle
        first = [_get(connection) for connection in idle]
        seen["first"] = first
        old = first[0][1]
        # Keep-alive requests on one more connection until the worker announces it is stopping.
        trigger = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connections.append(trigger)
        for _ in range(MAX_REQUESTS + 2):
            status, pid, connection_header = _get(trigger)
            if connection_header == "close":
                break
        seen["trigger"] = (status, pid, connection_header)
        recycled_at = time.monotonic()
        # While the old worker drains, a new connection must be served by the replacement.
        seen["during_drain"] = []
        while time.monotonic() - recycled_at < 3 and not any(pid != old for _, pid, _ in seen["during_drain"]):
            fresh = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connections.append(fresh)
            try:
                seen["during_drain"].append(_get(fresh, close=True))
            except OSError as error:
                seen["during_drain"].append((repr(error), 0, ""))
        seen["drain_children"] = _children(server.pid)
        time.sleep(max(0.0, IDLE_AFTER_RECYCLE_S - (time.monotonic() - recycled_at)))
        seen["after_linger"] = []
        for connection in idle:
            try:
                seen["after_linger"].append(_get(connection))
            except (OSError, http.client.HTTPException) as error:
                seen["after_linger"].append((repr(error), 0, ""))
        for connection in connections:
            connection.close()
        # The old worker has nothing left to answer: it exits, and the master keeps one worker.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (old in _children(server.pid) or len(_children(server.pid)) != 1):
            time.sleep(0.1)
        seen["old"], seen["children_after"] = old, _children(server.pid)
        yield seen
        for connection in connections:
            connection.close()


def test_the_worker_recycles_while_connections_are_idle(recycle):
    assert [status for status, _, _ in recycle["first"]] == [200] * IDLE_CONNECTIONS
    assert {pid for _, pid, _ in recycle["first"]} == {recycle["old"]}
    assert all(header != "close" for _, _, header in recycle["first"]), "the connections were kept alive"
    assert recycle["trigger"] == (200, recycle["old"], "close"), recycle["log"].read_text()[-2000:]


def test_each_idle_connection_gets_a_full_answer_after_the_recycle(recycle):
    assert recycle["after_linger"] == [(200, recycle["old"], "close")] * IDLE_CONNECTIONS, (
        recycle["log"].read_text()[-2000:])


def test_the_replacement_serves_new_connections_while_the_old_worker_drains(recycle):
    answered_by = [pid for status, pid, _ in recycle["during_drain"] if status == 200]
    assert answered_by and answered_by[-1] != recycle["old"], recycle["during_drain"]
    assert recycle["old"] in recycle["drain_children"] and len(recycle["drain_children"]) == 2


def test_the_master_goes_back_to_the_configured_workers(recycle):
    children = recycle["children_after"]
    assert len(children) == 1 and recycle["old"] not in children, recycle["log"].read_text()[-2000:]
