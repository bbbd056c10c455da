"""Slippage in a real browser: an editor moves the buddy project's deadline, reads how far it
slipped beside the deadline, finds it among the moved commitments, and sees the minister's record."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, screenshot
from tracker.models import Commitment, DeadlineChange

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_moves_a_deadline_twice_and_follows_the_slippage_to_the_list_and_the_dashboard(page, demo_site):
    base = demo_site.url
    log_in(page, base)
    commitment = Commitment.objects.get(title__startswith="Projectoproep voor buddywerkingen")
    # The demo may have moved it already (a re-statement): the figures count on from there.
    first, moved = commitment.first_deadline or commitment.deadline, commitment.deadline_moves + 2
    page.goto(f"{base}/commitments/{commitment.pk}/")
    for deadline, reason in (("2020-06-30", "Herhaald in vraag nr. 12 (2019-2020)."), ("2020-12-31", "Minister vroeg uitstel.")):
        page.locator("#deadline summary").click()
        page.get_by_label("New deadline").fill(deadline)
        page.locator("#deadline").get_by_label("Reason").fill(reason)
        page.get_by_role("button", name="Change deadline").click()
        expect(page.locator(".app-messages")).to_contain_text("Deadline changed")

    facts = page.locator(".slippage-line")
    expect(facts).to_contain_text(f"first promised {first.day} {first.strftime('%b')} {first.year}")
    expect(facts).to_contain_text(f"moved {moved}×")
    moves = page.locator("#deadline-moves")
    expect(moves.get_by_role("heading", name="How the deadline moved")).to_be_visible()
    expect(moves.locator("tbody tr")).to_have_count(moved)
    expect(moves).to_contain_text("Minister vroeg uitstel.")
    expect(moves).to_contain_text("+184")
    screenshot(page, "50-slippage-commitment")
    assert DeadlineChange.objects.filter(commitment=commitment).count() == moved

    page.goto(f"{base}/commitments/")
    page.locator(".more-filters summary").click()
    page.get_by_label("Deadline moved at least (times)").fill("2")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"moved=2"))
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(f"moved {moved}×")
    screenshot(page, "51-slippage-list-filter")

    page.goto(f"{base}/")
    record = (
        page.locator("#ministers-title")
        .locator("xpath=ancestor::section")
        .locator("tr", has_text=commitment.responsible_person.full_name)
    )
    expect(record).to_contain_text(f"{moved}× · +")
    screenshot(page, "52-slippage-dashboard")

    page.goto(f"{base}/reports/minister/?minister={commitment.responsible_person_id}")
    expect(page.locator(".report-figures")).to_contain_text(f"promise whose deadline moved: {moved} moves")
    screenshot(page, "53-slippage-minister-report")
