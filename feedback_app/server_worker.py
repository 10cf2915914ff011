"""gunicorn's threaded worker, with two changes for an assembly's worth of phones (issue 23).

1. A new connection waits for its first request in the poller, not in a thread.
2. A recycled worker hands its kept-alive connections over cleanly.

Silent new connections. gunicorn's gthread worker gives each accepted connection straight to one of its
threads, which waits up to 5 s (``DEFAULT_WORKER_DATA_TIMEOUT``) for the request before handing it back
to the poller. A client that connects before it has anything to send (a browser's speculative
preconnect; wrk, which opens every connection as it starts, while the journey script staggers the
first requests over 3 s) holds a thread
meanwhile, and requests already waiting on other connections queue behind it. With 4 threads and 300
phones arriving in the same seconds, the start page of an assembly's opening burst waited a median
1.1 s and a p95 of 2.6 s while the same page took 8 ms on a kept-alive connection a minute later.
:meth:`FeedbackWorker.accept` puts every new connection in the poller, as gunicorn already does after
those 5 s: a thread takes it only once its request has arrived. It may stay silent as long as before
(5 s plus the keep-alive timeout), and a connection whose request is already there is readable at
once: one more pass of the event loop.

Recycling. gunicorn recycles a worker after ``max_requests`` (gunicorn.conf.py): the worker stops accepting, answers
what it holds and exits. Its kept-alive connections are the problem. gunicorn's gthread worker keeps
them only ``STOP_KEEPALIVE_LINGER`` (2 s) once it stops, then closes them while they are idle. A phone
(or a proxy's upstream connection) reading a question for 5 to 15 s then sends its next request on a
connection that is gone: a GET may be retried by a browser, a POST is not, and a load generator counts
a socket error and loses step. With 300 respondents a recycle dropped about 150 connections at once.

:class:`FeedbackWorker` keeps each kept-alive connection for as long as a live worker would (its
keep-alive timeout), bounded by ``graceful_timeout``. Its next request is answered in full, with
"Connection: close" (gunicorn already does that for every response once the worker stops), and the
client opens a new connection to a live worker: the same as a keep-alive timeout, never a dropped
request.

Capacity during that drain: gunicorn's master starts the replacement only when the old worker has
exited (``Arbiter.manage_workers`` counts processes). Draining for up to the keep-alive timeout would
leave one worker fewer accepting connections all that time (with 2 workers, half the service), and
every connection the old worker hands over would land on the other one. So a worker that stops
because it reached ``max_requests`` asks the master for one more worker at once (SIGTTIN, gunicorn's
"add a worker" signal; the fork of the warmed master costs milliseconds). When a worker exits, the
master's ``child_exit`` hook (gunicorn.conf.py, :func:`after_worker_exit`) sets the number back to the
configured workers plus those still draining (a draining worker marks itself on its heartbeat file,
which the master holds open), so the extra worker goes when the drain ends; if the master happens to
handle the SIGTTIN only after reaping the worker that sent it, at the next exit.
For the seconds of the drain there is one worker more than configured, the old one serving only the
connections it still holds. A worker stopped by the master (shutdown, reload, SIGTTOU) asks for
nothing: the master is already deciding how many workers there should be.

Caveat: the master cannot tell this SIGTTIN from an operator's, so a worker added by hand with SIGTTIN
is taken back at the next worker exit; change ``GUNICORN_WORKERS`` and restart instead.
"""

import errno
import os
import selectors
import signal
import time
from functools import partial

from gunicorn.workers import gthread

# gunicorn has no setting for the stop linger: it is this module constant, read at call time by the two
# places that cap a stopping worker's kept-alive connections (ThreadWorker.run and finish_request).
# Setting it in the worker process is the smallest change that alters exactly that and nothing else;
# overriding those two methods would copy about 110 lines of gunicorn's shutdown logic and freeze them
# against its fixes. gunicorn is pinned (constraints.txt); tests/reliability/test_gunicorn_worker.py fails if
# an upgrade stops reading the constant, and this fails at start if it, or the first-request allowance that
# accept() below keeps, is gone.
for _constant in ("STOP_KEEPALIVE_LINGER", "DEFAULT_WORKER_DATA_TIMEOUT"):
    if not isinstance(getattr(gthread, _constant, None), float):
        raise ImportError(f"gunicorn.workers.gthread.{_constant} is gone: see feedback_app/server_worker.py")


# A draining worker sets this mode on its heartbeat file (gunicorn's WorkerTmp: an unlinked temporary file,
# created 0o600, shared with the master through the inherited descriptor; gunicorn uses only its mtime).
DRAINING_MODE = 0o400


class FeedbackWorker(gthread.ThreadWorker):
    """A gthread worker: new connections wait in the poller; kept-alive ones outlive a recycle until their next
    request."""

    def init_process(self):
        # In the worker process only (after the fork): the master never runs worker code.
        gthread.STOP_KEEPALIVE_LINGER = float(max(0, min(self.cfg.keepalive, self.cfg.graceful_timeout)))
        self._replacement_asked = False
        super().init_process()

    def accept(self, listener):
        """Accept a connection and wait in the poller for its first request (gunicorn: in a thread, up to 5 s).

        The same bookkeeping as gunicorn's own path for a connection that stayed silent for those 5 s
        (finish_request with _DEFER): counted in nr_conns, queued in pending_conns (every entry gets the
        same allowance, so the queue stays in timeout order for murder_pending), and given to a thread by
        on_pending_socket_readable, which marks the data as ready so the thread does not wait again."""
        try:
            client_sock, client_addr = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = gthread.TConn(self.cfg, client_sock, client_addr, listener.getsockname())  # non-blocking
        conn.timeout = time.monotonic() + gthread.DEFAULT_WORKER_DATA_TIMEOUT + self.cfg.keepalive
        self.pending_conns.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn))

    def set_accept_enabled(self, enabled):
        """run() stops accepting as the drain begins: then, if this is a recycle, ask for the replacement."""
        super().set_accept_enabled(enabled)
        if enabled or self.alive or self._replacement_asked:
            return
        if self.nr >= self.max_requests and self.ppid == os.getppid():
            self._replacement_asked = True
            self.log.info("Recycling after %s requests: asking the master for the replacement now", self.nr)
            os.fchmod(self.tmp.fileno(), DRAINING_MODE)
            os.kill(self.ppid, signal.SIGTTIN)


def _draining(worker):
    try:
        return os.fstat(worker.tmp.fileno()).st_mode & 0o777 == DRAINING_MODE
    except (OSError, ValueError):
        return False


def after_worker_exit(server):
    """In the master, when a worker has exited: back to the configured workers plus those still draining.

    Only ever lowers the number: the extra worker a recycling worker asked for goes once it has exited
    (or, if the master handled its SIGTTIN after reaping it, at the next exit)."""
    wanted = server.cfg.workers + sum(1 for worker in server.WORKERS.values() if _draining(worker))
    if server.num_workers > wanted:
        server.num_workers = wanted
