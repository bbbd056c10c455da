"""The main journeys, in a real browser: log in, find what is overdue, record what became of a
promise, read it in Dutch, review an import's suggestions, log out."""

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import SCREENSHOTS, log_in, screenshot
from tracker.models import Commitment, Status, Suggestion, SuggestionState

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_records_a_status_update_on_the_buddy_project_and_reads_it_in_dutch(page, demo_site):
    base = demo_site.url
    page.goto(f"{base}/")
    expect(page).to_have_url(f"{base}/accounts/login/?next=/")
    screenshot(page, "01-login")
    log_in(page, base)
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    screenshot(page, "02-dashboard")

    page.get_by_role("link", name="All overdue →").click()
    expect(page.get_by_role("heading", name="Overdue promises")).to_be_visible()
    expect(page.locator("tbody tr").first).to_contain_text("Projectoproep voor buddywerkingen")  # the most overdue
    screenshot(page, "03-overdue")

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Commitments").click()
    page.get_by_label("Search").fill("projectoproep")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"q=projectoproep"))
    screenshot(page, "04-commitment-list-search")
    page.get_by_role("link", name=re.compile("Projectoproep voor buddywerkingen")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("buddywerkingen")

    page.get_by_label("Status", exact=True).select_option(label="In progress")
    page.locator("#id_note").fill("Projectoproep gepubliceerd; 12 buddyprojecten ingediend.")
    page.get_by_label("Evidence URL").fill("https://www.vlaanderen.be/projectoproep-buddywerking")
    page.get_by_role("button", name="Save status").click()
    expect(page.locator(".app-messages")).to_contain_text("Status recorded: In progress")
    first_event = page.locator(".timeline-event").first
    expect(first_event).to_contain_text("In progress")
    expect(first_event).to_contain_text("12 buddyprojecten ingediend")
    screenshot(page, "05-commitment-detail-after-update")
    commitment = Commitment.objects.get(title__startswith="Projectoproep voor buddywerkingen")
    assert commitment.current_status == Status.IN_PROGRESS

    page.get_by_role("button", name="NL").click()
    expect(page.get_by_role("heading", name="Tijdlijn")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator(".timeline-event").first).to_contain_text("In uitvoering")
    screenshot(page, "06-commitment-detail-dutch")
    page.goto(f"{base}/")
    expect(page.get_by_role("heading", name="Overzicht")).to_be_visible()
    screenshot(page, "07-dashboard-dutch")

    page.get_by_role("button", name="Afmelden").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.goto(f"{base}/commitments/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/commitments/"))


def test_a_wrong_password_gets_a_clear_error_and_login_returns_where_the_user_was_going(page, demo_site):
    base = demo_site.url
    page.goto(f"{base}/questions/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("did not match")
    log_in(page, base, next_path="/questions/")
    expect(page.get_by_role("heading", name="Written questions")).to_be_visible()
    screenshot(page, "08-question-list")
    page.get_by_label("Search").fill("netwerkversterking")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("link", name="Persoonlijke netwerkversterking bij mensen in armoede - Studie").click()
    expect(page.locator(".answer-text mark")).to_have_count(2)
    screenshot(page, "09-question-detail")


def test_viewer_drafts_a_follow_up_question_on_the_most_overdue_promise(page, demo_site):
    base = demo_site.url
    log_in(page, base, username="viewer", next_path="/commitments/overdue/")
    page.locator("tbody tr").first.get_by_role("link").first.click()
    page.get_by_role("link", name="Draft a follow-up question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Draft a follow-up question")
    draft = page.get_by_label("Draft")
    expect(draft).to_have_value(re.compile(r"^Aan: Liesbeth Homans"))
    expect(draft).to_have_value(re.compile(r"vraag nr\. 551 van 29 juni 2018 van Cindy Franssen aan Liesbeth Homans"))
    screenshot(page, "14-follow-up-question")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as a text file").click()
    assert download.value.suggested_filename.startswith("vervolgvraag-C-")


def test_viewer_prepares_the_report_for_a_minister_from_the_dashboard(page, demo_site):
    base = demo_site.url
    log_in(page, base, username="viewer")
    page.get_by_role("link", name="Report per minister").click()
    page.get_by_label("Minister").select_option(label="Liesbeth Homans")
    page.get_by_role("button", name="Show the report").click()
    expect(page.get_by_role("heading", name="Liesbeth Homans")).to_be_visible()
    past_due = page.get_by_role("table", name="Past due")
    expect(past_due).to_contain_text("Projectoproep voor buddywerkingen")
    screenshot(page, "15-minister-report")
    # The same report as the letter to the minister: a PDF in Dutch, read back; its first page is
    # kept beside the screenshots when poppler's pdftoppm is there to draw it.
    with page.expect_download() as download:
        page.get_by_role("link", name="Letter to the minister (PDF)").click()
    letter = download.value
    assert re.fullmatch(r"toezeggingen-liesbeth-homans-\d{4}-\d{2}-\d{2}\.pdf", letter.suggested_filename)
    text = " ".join(PdfReader(letter.path()).pages[0].extract_text().split())
    assert "Liesbeth Homans" in text
    assert "Projectoproep voor buddywerkingen" in text
    if shutil.which("pdftoppm"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "110", "-singlefile", "-f", "1", letter.path(), SCREENSHOTS / "15b-minister-letter"],
            check=True,
        )
    with page.expect_download() as download:
        page.get_by_role("link", name="E-mail draft (.eml)").click()
    assert download.value.suggested_filename.endswith(".eml")


def test_editor_reviews_suggestions_confirming_one_and_rejecting_another(page, demo_site):
    base = demo_site.url
    log_in(page, base, next_path="/review/")
    pending = list(Suggestion.objects.pending().order_by("created_at", "answer_id", "sentence_start"))
    assert len(pending) >= 2
    expect(page.locator(".review-item")).to_have_count(len(pending))
    expect(page.locator(".review-item mark").first).to_have_text(pending[0].sentence)
    screenshot(page, "10-review-queue")
    page.locator(".review-item").first.get_by_role("button", name="Confirm").click()
    expect(page.locator(".app-messages")).to_contain_text("Confirmed as C-")
    page.locator(".review-item").first.get_by_role("button", name="Reject").click()
    expect(page.locator(".app-messages")).to_contain_text("will not be suggested again")
    states = {s.pk: s.state for s in Suggestion.objects.filter(pk__in=[p.pk for p in pending[:2]])}
    assert states == {pending[0].pk: SuggestionState.CONFIRMED, pending[1].pk: SuggestionState.REJECTED}


def test_editor_records_a_later_answer_as_the_same_promise_and_sees_the_deadline_slip(page, demo_site):
    base = demo_site.url
    call = Commitment.objects.get(answer__question__number=551, kind="project_call")
    log_in(page, base, next_path="/review/")
    item = page.locator(".review-item", has_text=f"Looks like {call.reference}")
    expect(item.locator(".match-compare blockquote")).to_have_count(2)
    expect(item).to_contain_text("vraag nr. 551")
    item.scroll_into_view_if_needed()
    screenshot(page, "45-review-likely-restatement")
    item.get_by_role("link", name="Edit or choose another…").click()
    expect(page.get_by_role("textbox", name="Same promise as")).to_have_value(call.reference)
    screenshot(page, "46-suggestion-same-promise-or-new")
    page.go_back()
    item.get_by_role("button", name=f"Same promise as {call.reference}").click()
    expect(page.locator(".app-messages")).to_contain_text(f"Recorded as a re-statement of {call.reference}.")
    expect(page.locator(".review-item", has_text=f"Looks like {call.reference}")).to_have_count(0)

    page.goto(f"{base}{call.get_absolute_url()}")
    latest = page.locator(".timeline-event.event-restated").first
    expect(latest).to_contain_text("Re-stated in vraag nr. 143")
    expect(latest).to_contain_text("in de loop van 2020")
    expect(latest.locator(".slip-tag")).to_have_text("+366 days")
    expect(page.locator(".timeline-event.event-restated")).to_have_count(2)
    screenshot(page, "47-timeline-restatements")
    call.refresh_from_db()
    assert (call.deadline_moves, call.deadline_slip_days) == (2, 219 + 366)


def test_viewer_sees_the_lists_but_no_forms(page, demo_site):
    base = demo_site.url
    log_in(page, base, username="viewer")
    expect(page.get_by_role("link", name="Review")).to_have_count(0)
    page.goto(f"{base}{Commitment.objects.order_by('pk').first().get_absolute_url()}")
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.get_by_role("button", name="Save status")).to_have_count(0)


def test_pages_work_on_a_phone_375_pixels_wide(phone, demo_site):
    base = demo_site.url
    log_in(phone, base)
    detail = Commitment.objects.order_by("pk").first().get_absolute_url()
    for path, name in (("/", "11-phone-dashboard"), ("/commitments/", "12-phone-list"), (detail, "13-phone-detail")):
        phone.goto(base + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width}px wide: it scrolls sideways on a phone"
        screenshot(phone, name)


def test_viewer_finds_the_late_answers_and_narrows_them_to_one_minister(page, demo_site):
    base = demo_site.url
    log_in(page, base, username="viewer", next_path="/questions/")
    page.get_by_role("link", name="Late answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Late answers")
    ranking = page.get_by_role("table", name="Late answers per minister, most first")
    expect(ranking).to_contain_text("Nadia El Morabit")
    late = page.get_by_role("table", name="Questions answered late or not answered, latest first")
    expect(late.locator("tbody tr").first).to_contain_text("Wachtlijsten voor sociale huurwoningen")
    expect(late.locator("tbody tr").first).to_contain_text("not answered")
    screenshot(page, "16-late-answers")
    ranking.get_by_role("link", name="Karel Dehaene").click()
    expect(late.locator("tbody tr")).to_have_count(1)
    expect(late).to_contain_text("Uitbetaling van de KMO-portefeuille")
    late.get_by_role("link", name="[Voorbeeld] Uitbetaling van de KMO-portefeuille").click()
    expect(page.get_by_text(re.compile(r"not answered, \d+ days past the term"))).to_be_visible()


def test_administrator_voids_a_mistaken_update_which_stays_struck_through_in_the_timeline(page, demo_site):
    commitment = Commitment.objects.filter(status_updates__status=Status.IN_PROGRESS).order_by("pk").first()
    latest = commitment.status_updates.valid().latest_first().first()
    base = demo_site.url
    log_in(page, base, username="admin", next_path=commitment.get_absolute_url())
    page.locator(".timeline-event.event-status").first.get_by_role("link", name="Void this update…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Void a status update")
    page.get_by_role("button", name="Void this update").click()
    expect(page.locator(".field-error")).to_contain_text("This field is required.")
    page.get_by_label("Reason").fill("Hoort bij een andere toezegging (verkeerd dossier).")
    screenshot(page, "17-void-update")
    page.get_by_role("button", name="Void this update").click()
    expect(page.locator(".app-messages")).to_contain_text("Status update voided")
    voided = page.locator(".timeline-event.event-voided")
    expect(voided).to_have_count(1)
    expect(voided).to_contain_text("Hoort bij een andere toezegging")
    screenshot(page, "18-timeline-with-voided-update")
    commitment.refresh_from_db()
    assert latest.void.reason.startswith("Hoort bij")
    assert commitment.current_status != latest.status or commitment.status_observed_on != latest.observed_on


def test_editor_uploads_a_tweede_kamer_pdf_and_pastes_an_answer_the_importer_cannot_read(page, demo_site, tmp_path):
    from pathlib import Path

    real_pdf = Path(__file__).resolve().parents[1] / "data" / "pdf" / "ah-tk-20232024-1786.pdf"
    base = demo_site.url
    log_in(page, base, next_path="/import/")
    unreadable = tmp_path / "verslag.txt"
    unreadable.write_text("Verslag van de commissievergadering over het woonbeleid.", encoding="utf-8")
    page.get_by_label("Documents").set_input_files([str(real_pdf), str(unreadable)])
    page.get_by_role("button", name="Import").click()
    result = page.get_by_role("region", name="Result")
    expect(result).to_contain_text("1 created")
    expect(result).to_contain_text("tweede-kamer-aanhangsel")
    expect(result).to_contain_text("layout not recognised")
    screenshot(page, "19-import-result-pdf-and-unreadable")

    result.get_by_role("link", name="Paste the answer and its header instead").click()
    page.get_by_label("Assembly").select_option(label="Vlaams Parlement")
    page.get_by_label("Question number").fill("88")
    page.get_by_label("Date asked").fill("2024-02-26")
    page.get_by_label("Asked by").fill("Kurt De Loor")
    page.get_by_label("Minister").fill("Gwendolyn Rutten")
    page.get_by_label("Subject").fill("Woonbeleid - Commissieverslag")
    page.get_by_label("Answer", exact=True).fill("1. Ik zal tegen eind 2024 een nieuw actieplan voorleggen.")
    screenshot(page, "20-paste-an-answer")
    page.get_by_role("button", name="Import").click()
    expect(page.locator(".app-messages")).to_contain_text("Answer imported; 1 suggestion to review.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Woonbeleid - Commissieverslag")

    page.goto(f"{base}/questions/?q=Dredging")
    page.get_by_role("link", name=re.compile("exportkredietverzekering|baggersector|Dredging", re.IGNORECASE)).first.click()
    expect(page.get_by_text("Also asked by Teunissen")).to_be_visible()
    screenshot(page, "21-tweede-kamer-question")
