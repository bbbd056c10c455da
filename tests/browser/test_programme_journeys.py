"""Programmes and duplicates, in a real browser: the action plan's page shows how many of its
measures were kept; an editor merges a duplicate after comparing both side by side, the
duplicate's page then leads to the one kept; an administrator undoes the merge."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, screenshot
from tracker.models import Commitment

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_programme_shows_its_progress_and_an_editor_merges_a_duplicate_an_administrator_undoes(page, demo_site):
    base = demo_site.url
    programme = Commitment.objects.get(title="Nieuw Vlaams actieplan armoedebestrijding")
    log_in(page, base, next_path=programme.get_absolute_url())
    parts = page.locator(".parts-panel")
    expect(parts).to_contain_text("1 of 4 parts kept")
    expect(parts).to_contain_text("1 partly kept")
    expect(parts.locator("svg.parts-progress")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"Also recorded as C-\d{5}"))).to_be_visible()
    screenshot(page, "40-programme-and-parts")

    kept = Commitment.objects.get(title="Evaluatie huurgarantie voor verhuurders")
    duplicate = Commitment.objects.get(title="Studie spreiding bibliotheekfilialen")
    page.goto(f"{base}{kept.get_absolute_url()}")
    page.get_by_text("Merge a duplicate into this commitment").click()
    page.get_by_label("Duplicate").fill(duplicate.reference)
    page.locator("#merge_reason").fill("Twee keer ingevoerd vanuit dezelfde vraag.")
    page.get_by_role("button", name="Compare before merging…").click()
    expect(page.locator(".merge-side")).to_have_count(2)
    screenshot(page, "41-merge-compare")
    page.get_by_role("button", name=f"Merge {duplicate.reference} into {kept.reference}").click()
    expect(page.locator(".app-messages")).to_contain_text(f"{duplicate.reference} was merged into {kept.reference}")
    expect(page.locator(".duplicate-panel")).to_contain_text(duplicate.quote)
    screenshot(page, "42-merged-kept")

    page.goto(f"{base}{duplicate.get_absolute_url()}")
    expect(page).to_have_url(f"{base}{kept.get_absolute_url()}")
    expect(page.locator(".app-messages")).to_contain_text(f"{duplicate.reference} was merged into {kept.reference}.")

    page.get_by_role("button", name="Log out").click()
    log_in(page, base, username="admin", next_path=kept.get_absolute_url())
    page.get_by_role("link", name="Undo this merge…").click()
    page.get_by_label("Reason").fill("Toch twee verschillende beloftes.")
    screenshot(page, "43-undo-merge")
    page.get_by_role("button", name="Undo the merge").click()
    expect(page.locator(".app-messages")).to_contain_text(f"{duplicate.reference} is a commitment of its own again")
    expect(page.locator(".timeline")).to_contain_text(f"Merge of {duplicate.reference} into {kept.reference} undone")
    assert Commitment.objects.filter(pk=duplicate.pk).exists()
