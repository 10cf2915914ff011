"""Helpers that walk the all-types fixture survey as a respondent would."""

from tests.conftest import path_of

SLUG = "all-types"

VALID = {
    "intro": {},
    "consent": {"agree": "y"},
    "age": {"age_band": "14_16"},
    "worries": {"worries": ["bullying", "online"]},
    "online-detail": {"online_detail": "Adverts for vapes and gambling"},
    "safety": {"safe_school": "4", "adults_listen": "agree"},
    "grid": {"services__police": "disagree", "services__school": "dont_know"},
    "number": {"sessions": "12"},
    "date": {"last_session-day": "3", "last_session-month": "9", "last_session-year": "2025"},
    "tell": {"told_someone": "yes"},
    "better": {"do_better": "More youth workers in the evenings & <b>safe</b> spaces"},
}


def start(client_request, query=""):
    response = client_request.submit(f"/s/{SLUG}/start", _form_url=f"/s/{SLUG}{query}")
    return path_of(response.location)


def page_url(page_id, change=False):
    return f"/s/{SLUG}/q/{page_id}" + ("?change=1" if change else "")


def answer(client_request, page_id, data=None, _expected_status=302, change=False):
    url = page_url(page_id, change)
    return client_request.submit(url, data if data is not None else VALID[page_id], _expected_status=_expected_status)


def answer_all(client_request, overrides=None, query=""):
    """Answer every page in order, following the service's redirects."""
    overrides = overrides or {}
    location = start(client_request, query)
    while location.startswith(f"/s/{SLUG}/q/"):
        page_id = location.rsplit("/", 1)[1]
        response = answer(client_request, page_id, overrides.get(page_id, VALID[page_id]))
        location = path_of(response.location)
    assert location == f"/s/{SLUG}/check"
    return location


def submit(client_request):
    response = client_request.submit(f"/s/{SLUG}/check", {})
    assert path_of(response.location) == f"/s/{SLUG}/confirmation"
    return response
