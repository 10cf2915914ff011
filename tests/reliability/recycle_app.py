"""The smallest WSGI app for tests/reliability/test_worker_recycle.py: answers with the worker's process id."""

import os


def app(environ, start_response):
    body = str(os.getpid()).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
