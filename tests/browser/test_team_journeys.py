"""The team's daily journey, in a real browser: an editor takes on work from the list, opens My
work, follows a minister and records that a promise was kept; another editor (the administrator)
confirms it from their own My work, and rejects a second one with a note (the four-eyes check)."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.conftest import log_in, screenshot
from tracker.models import Commitment, Follow, Person, Status

pytestmark = pytest.mark.django_db(transaction=True)


def log_out(page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_editor_assigns_follows_and_closes_and_another_editor_confirms_and_rejects(page, demo_site, settings):
    settings.TRACKER_FOUR_EYES = True  # the live server runs in this process and reads it
    base = demo_site.url
    editor = get_user_model().objects.get(username="editor")

    # The list of open commitments nobody looks after: tick two, assign them to the editor.
    log_in(page, base, next_path="/commitments/")
    page.goto(f"{base}/commitments/?state=open&sort=overdue")
    page.get_by_label("Assigned to", exact=True).select_option(label="Nobody (unassigned)")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"assignee=none"))
    rows = page.locator("tbody tr")
    references = [rows.nth(index).locator("td.ref").inner_text() for index in (0, 1)]
    for reference in references:
        page.get_by_label(f"Select {reference}").check()
    page.get_by_label("Assign ticked to").select_option(value=str(editor.pk))
    screenshot(page, "30-list-bulk-assign")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator(".app-messages")).to_contain_text("2 commitments assigned to Editor.")
    expect(page).to_have_url(re.compile(r"assignee=none"))  # back on the same list, filters kept
    expect(page.locator("td.ref", has_text=references[0])).to_have_count(0)  # no longer unassigned
    mine = [Commitment.objects.get(pk=int(reference.removeprefix("C-"))) for reference in references]
    assert all(commitment.assignee == editor for commitment in mine)

    # My work: both are there, overdue first.
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="My work").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    assigned = page.get_by_role("table", name="Assigned to me")
    for reference in references:
        expect(assigned).to_contain_text(reference)
    screenshot(page, "31-my-work")

    # Follow the minister of the first one, from the list of that minister.
    minister = Person.objects.filter(follows__isnull=True, commitments__isnull=False).distinct().order_by("pk").first()
    page.goto(f"{base}/commitments/?minister={minister.pk}")
    page.get_by_role("button", name=f"Follow {minister.full_name}").click()
    expect(page.locator(".app-messages")).to_contain_text(f"You follow {minister.full_name}")
    expect(page.get_by_role("button", name=f"Unfollow {minister.full_name}")).to_be_visible()
    assert Follow.objects.filter(user=editor, minister=minister).exists()
    page.goto(f"{base}/my-work/")
    expect(page.get_by_role("region", name="What I follow")).to_contain_text(minister.full_name)

    # The editor records that both are settled: each awaits a second editor.
    for commitment, status in ((mine[0], "Fulfilled"), (mine[1], "Lapsed")):
        before = commitment.get_current_status_display()
        page.goto(base + commitment.get_absolute_url())
        page.get_by_label("Status", exact=True).select_option(label=status)
        page.locator("#id_note").fill("Afgerond volgens het jaarverslag 2026.")
        page.get_by_role("button", name="Save status").click()
        expect(page.locator(".app-messages")).to_contain_text("awaits confirmation by another editor")
        expect(page.locator(".detail-head .status-badge")).to_have_text(before)  # still the status that counts
        expect(page.locator(".detail-head")).to_contain_text("a closing status awaits confirmation")
        expect(page.locator(".event-awaiting")).to_contain_text("Awaiting confirmation by another editor")
    screenshot(page, "32-awaiting-confirmation")
    log_out(page)

    # Another editor confirms the first from their My work, and rejects the second with a note.
    log_in(page, base, username="admin", next_path="/my-work/")
    to_confirm = page.get_by_role("region", name="Closing statuses awaiting your confirmation")
    expect(to_confirm).to_contain_text(mine[0].reference)
    expect(to_confirm).to_contain_text(mine[1].reference)
    screenshot(page, "33-my-work-to-confirm")
    to_confirm.get_by_role("button", name=f"Confirm the status of {mine[0].reference}").click()
    expect(page.locator(".app-messages")).to_contain_text(f"Confirmed: {mine[0].reference} is now Fulfilled.")
    expect(page).to_have_url(f"{base}/my-work/")
    page.get_by_role("link", name=f"Reject the status of {mine[1].reference}").click()
    page.get_by_role("button", name="Reject", exact=True).click()
    expect(page.locator(".field-error")).to_contain_text("This field is required.")
    page.get_by_label("Why it is rejected").fill("Het jaarverslag vermeldt de oproep nog als lopend.")
    screenshot(page, "34-reject-closing-status")
    page.get_by_role("button", name="Reject", exact=True).click()
    expect(page.locator(".app-messages")).to_contain_text("Rejected")
    expect(page).to_have_url(f"{base}/my-work/")

    page.goto(base + mine[0].get_absolute_url())
    expect(page.locator(".detail-head .status-badge")).to_have_text("Fulfilled")
    confirmed = page.locator(".timeline-event.event-status").first
    expect(confirmed).to_contain_text(re.compile(r"recorded by Editor on .+; confirmed by Admin on "))
    screenshot(page, "35-timeline-confirmed")
    page.goto(base + mine[1].get_absolute_url())
    rejected = page.locator(".timeline-event.event-rejected")
    expect(rejected).to_contain_text("Rejected by Admin on")
    expect(rejected).to_contain_text("Het jaarverslag vermeldt de oproep nog als lopend.")
    mine[1].refresh_from_db()
    assert mine[1].current_status != Status.LAPSED


def test_my_work_and_the_profile_fit_a_phone(phone, demo_site):
    base = demo_site.url
    log_in(phone, base)
    for path, name in (("/my-work/", "36-phone-my-work"), ("/profile/", "37-phone-profile")):
        phone.goto(base + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width}px wide: it scrolls sideways on a phone"
        screenshot(phone, name)
