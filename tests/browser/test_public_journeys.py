"""The public site in a real browser, without logging in: from the overview to a minister, to a
promise and its timeline; search; the same pages on a phone."""

import re

import pytest
from django.core.cache import caches
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def public_site(demo_site):
    caches["public"].clear()  # the cache table outlives the flush between transactional tests
    yield demo_site
    caches["public"].clear()


def test_a_visitor_without_a_login_goes_from_the_overview_to_a_promise_and_its_timeline(page, public_site):
    base = public_site.url
    page.goto(f"{base}/public/")
    expect(page).to_have_url(f"{base}/public/en/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Promises ministers made")
    expect(page.get_by_role("link", name="Log out")).to_have_count(0)
    screenshot(page, "60-public-home")

    page.get_by_role("link", name="Liesbeth Homans").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Liesbeth Homans")
    screenshot(page, "61-public-minister")
    page.get_by_role("link", name=re.compile("Projectoproep voor buddywerkingen")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("buddywerkingen")
    expect(page.get_by_role("heading", name="What became of it")).to_be_visible()
    expect(page.locator("mark#quote")).to_contain_text("projectoproep")
    screenshot(page, "62-public-commitment")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="NL").click()
    expect(page).to_have_url(re.compile(r"/public/nl/commitments/\d+/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.goto(f"{base}/public/en/search/")
    page.get_by_label("Search promises").fill("projectoproep")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"q=projectoproep"))
    expect(page.locator(".public-item").first).to_be_visible()
    screenshot(page, "63-public-search")


def test_the_public_pages_fit_a_phone(phone, public_site):
    base = public_site.url
    phone.goto(f"{base}/public/en/")
    expect(phone.get_by_role("heading", name="Per minister")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375 + 1, "no sideways scrolling"
    screenshot(phone, "64-public-home-phone")
    phone.get_by_role("link", name="Liesbeth Homans").first.click()
    phone.get_by_role("link", name=re.compile("Projectoproep voor buddywerkingen")).click()
    expect(phone.get_by_role("heading", name="What became of it")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375 + 1
    screenshot(phone, "65-public-commitment-phone")
