"""Pages that are the same for everyone who asks with the same key, rendered once per process.

The start page is where a whole assembly arrives in the same minute: it depends only on the survey version,
the language, the cohort link and whether this browser has answers in progress, so it is rendered once for
each of those and then served from memory. What differs in every response (the CSRF token, the CSP nonce:
long random strings found nowhere else in the page) is put in place of the first response's values.
The key must name everything else the page shows; a new survey version is a new key, so it is served at once.
"""

import threading

from flask import current_app

MAX_PAGES = 256
_LOCK = threading.Lock()


def _pages():
    return current_app.extensions.setdefault("rendered_pages", {})


def render_once(key, render, per_request):
    """``render()`` for ``key``, rendered on the first call only. ``per_request``: functions giving the
    values that differ in every response, each the same within a request (``generate_csrf``, ``csp_nonce``)."""
    values = [value() for value in per_request]
    pages = _pages()
    cached = pages.get(key)
    if cached is None:
        page = render()
        with _LOCK:
            if len(pages) >= MAX_PAGES:
                pages.clear()
            pages[key] = (page, values)
        return page
    page, first_values = cached
    for first, current in zip(first_values, values, strict=True):
        page = page.replace(first, current)
    return page
