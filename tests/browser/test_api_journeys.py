"""The open-data API in a real browser: a journalist reads its documentation without a login (Swagger
UI, served from this site under its Content-Security-Policy), and a staff member makes a personal
token on their profile page, sees it once, reads an internal commitment with it, and revokes it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, screenshot
from tracker.models import ApiToken, Commitment

pytestmark = pytest.mark.django_db(transaction=True)


def csp_errors(page) -> list[str]:
    errors = []
    page.on("console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None)
    return errors


def test_a_journalist_reads_the_api_documentation_without_logging_in(page, demo_site):
    errors = csp_errors(page)
    page.goto(f"{demo_site.url}/api/v1/docs/")
    expect(page.get_by_role("heading", name=re.compile("Commitment tracker open-data API"))).to_be_visible()
    operation = page.locator(".opblock-summary-path", has_text="/api/v1/commitments/{id}/")
    expect(operation).to_be_visible()
    screenshot(page, "70-api-docs")
    page.locator(".opblock-summary", has_text="/api/v1/commitments/").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_have_text("200")
    screenshot(page, "71-api-docs-try-it-out")
    assert errors == []

    page.goto(f"{demo_site.url}/api/v1/commitments/?status=in_progress&page_size=2")
    expect(page.get_by_text('"results"')).to_be_visible()
    screenshot(page, "72-api-browsable")


def test_a_staff_member_makes_a_token_reads_internal_data_with_it_and_revokes_it(page, demo_site):
    internal = Commitment.objects.filter(published=False).order_by("pk").first()
    api = page.context.request
    assert api.get(f"{demo_site.url}/api/v1/commitments/{internal.pk}/").status == 404

    log_in(page, demo_site.url, username="viewer", next_path="/profile/")
    page.get_by_label("What it is for (optional)").fill("newsroom script")
    page.get_by_role("button", name="Make a token").click()
    key = page.get_by_label("Your new token. Copy it now: it is shown only this once.").input_value()
    assert key.startswith("trk_")
    screenshot(page, "73-profile-api-token")

    headers = {"Authorization": f"Token {key}"}
    answer = api.get(f"{demo_site.url}/api/v1/commitments/{internal.reference}/", headers=headers)
    assert answer.status == 200
    assert answer.json()["internal"]["published"] is False

    page.reload()
    expect(page.get_by_label("Your new token. Copy it now: it is shown only this once.")).to_have_count(0)
    page.get_by_role("button", name="Revoke").click()
    expect(page.locator(".app-messages")).to_contain_text("The token is revoked")
    assert not ApiToken.objects.active().exists()
    assert api.get(f"{demo_site.url}/api/v1/commitments/{internal.reference}/", headers=headers).status == 401
