"""NUL bytes and absurdly large numbers are the sender's fault: a 4xx from one guard, never a 500."""

import pytest

from tests.feedback_app import journey

pytestmark = pytest.mark.usefixtures("surveys_loaded")
HUGE = "12345678901234567890123"


@pytest.mark.parametrize("url", [
    f"/s/{journey.SLUG}%00", f"/s/{journey.SLUG}?c=abc%00def", "/t/abc%00def", "/t/abc%00/reminder",
    f"/s/{journey.SLUG}/q/intro%00",
])
def test_a_nul_byte_in_a_respondent_address_is_a_4xx(client, url):
    assert client.get(url).status_code in (400, 404)


@pytest.mark.parametrize("url", [
    f"/staff/results/{journey.SLUG}?year={HUGE}", f"/staff/results/{journey.SLUG}/answers?page={HUGE}",
    f"/staff/results/{journey.SLUG}/answers?year={HUGE}", f"/staff/audit-log?page={HUGE}",
    f"/staff/reports?year={HUGE}", f"/staff/users/{HUGE}", f"/staff/training/report/{HUGE}",
    f"/staff/audit-log?page=-{HUGE}", "/staff/audit-log?page=%00",
])
def test_absurd_numbers_and_nul_bytes_in_staff_addresses_are_a_4xx(client_request, sign_in, url):
    sign_in("admin")
    assert client_request.client.get(url).status_code in (400, 404), url


@pytest.mark.parametrize(("url", "data"), [
    ("/staff/sign-in", {"email": "a\x00@x.org", "password": "x\x00y"}),
    ("/staff/reset-password", {"email": "a\x00@x.org"}),
])
def test_a_nul_byte_in_a_staff_form_is_a_400(client_request, url, data):
    client_request.submit(url, data, _expected_status=400)


def test_a_nul_byte_in_a_free_text_answer_is_a_400_and_the_draft_is_kept(client_request):
    journey.answer_all(client_request)
    page = journey.answer(client_request, "better", {"do_better": "more\x00youth workers"}, _expected_status=400,
                          change=True)
    assert page.select_one("h1").text.strip() == "Sorry, there is a problem with that request"
    check = client_request.get(f"/s/{journey.SLUG}/check")
    assert "More youth workers in the evenings" in check.text
