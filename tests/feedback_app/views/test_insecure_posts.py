"""A form posted over plain HTTP to a production instance gets a message that says so, not "timed out"."""

import pytest
from bs4 import BeautifulSoup

from feedback_app import create_app
from feedback_app.config import TestConfig
from feedback_app.extensions import db
from tests.conftest import IsolatedClient


@pytest.fixture
def secure_client(app):
    secure = create_app(type("Secure", (TestConfig,), {
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], "SESSION_COOKIE_SECURE": True,
        "BASE_URL": "https://haveyoursay.partnership.example"}))
    secure.test_client_class = IsolatedClient
    yield secure.test_client()
    with secure.app_context():
        db.engine.dispose()


def _post_sign_in(client, base_url, headers=None):
    page = BeautifulSoup(client.get("/staff/sign-in", base_url=base_url).get_data(as_text=True), "html.parser")
    token = page.select_one("input[name=csrf_token]")["value"]
    if base_url.startswith("http:"):
        # A browser keeps no Secure cookie from a plain-HTTP page (the test client would).
        client.delete_cookie("session", domain=base_url.split("//")[1])
    return client.post("/staff/sign-in", base_url=base_url, headers=headers or {},
                       data={"csrf_token": token, "email": "a@x.org", "password": "x"})


def test_a_form_posted_over_plain_http_to_production_says_to_use_https(secure_client):
    response = _post_sign_in(secure_client, "http://haveyoursay.partnership.example")
    assert response.status_code == 400
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.select_one("h1").text.strip() == "Use the secure address of this service"
    assert page.select_one("main a[href='https://haveyoursay.partnership.example']")
    assert "timed out" not in page.text


def test_a_form_posted_over_https_without_a_referer_says_so(secure_client):
    response = _post_sign_in(secure_client, "https://haveyoursay.partnership.example")
    assert response.status_code == 400
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "did not say which page this form came from" in page.text
    assert "timed out" not in page.text


def test_over_https_with_a_referer_the_form_works(secure_client):
    base = "https://haveyoursay.partnership.example"
    response = _post_sign_in(secure_client, base, headers={"Referer": base + "/staff/sign-in"})
    assert response.status_code == 401
