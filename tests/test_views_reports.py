"""The report page: choose a minister and dates, read what is past due and what falls due; download
it as the minister's letter (PDF) or as an e-mail draft (.eml)."""

import datetime
import email
from email import policy

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags

from tests.factories import AnswerFactory, CommitmentFactory, OfficeFactory, QuestionFactory
from tests.querycount import queries_for
from tracker.dates import add_months
from tracker.services.team import profile_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(person__first_name="Liesbeth", person__last_name="Homans")


def promise(office, title, deadline):
    answer = AnswerFactory(question=QuestionFactory(addressee=office.person))
    return CommitmentFactory(answer=answer, title=title, deadline=deadline)


def test_without_a_minister_the_page_offers_the_choice_with_sensible_default_dates(viewer_client, office):
    response = viewer_client.get("/reports/minister/")
    html = response.content.decode()
    today = timezone.localdate()
    assert response.status_code == 200
    assert response.context["report"] is None
    assert f'<option value="{office.person.pk}">Liesbeth Homans</option>' in html
    assert f'value="{today.isoformat()}"' in html
    assert f'value="{add_months(today, 3).isoformat()}"' in html


def test_the_report_lists_past_due_and_falling_due_with_their_counts(viewer_client, office):
    promise(office, "Projectoproep buddywerking", datetime.date(2019, 12, 31))
    promise(office, "Actieplan armoede", datetime.date(2026, 2, 15))
    response = viewer_client.get(
        "/reports/minister/", {"minister": office.person.pk, "as_of": "2026-01-01", "until": "2026-04-01"}
    )
    html = response.content.decode()
    assert "Report of 1 January 2026; next report 1 April 2026." in html
    assert "Projectoproep buddywerking" in html.split("Falling due before the next report")[0]
    assert "Actieplan armoede" in html.split("Falling due before the next report")[-1]
    text = " ".join(strip_tags(html).split())
    assert "1 promise past due (1 long overdue)" in text
    assert "1 promise falling due before the next report" in text


def test_the_report_is_in_dutch_for_a_dutch_reader(viewer_client, office):
    viewer_client.cookies["django_language"] = "nl"
    html = viewer_client.get("/reports/minister/", {"minister": office.person.pk}).content.decode()
    assert "Rapport per minister" in html


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"minister": "999999"}, "minister", "Select a valid choice"),
        ({"minister": "abc"}, "minister", "Select a valid choice"),
        ({"as_of": "2026-13-45"}, "as_of", "Enter a valid date"),
        ({"as_of": "9999-12-31"}, "as_of", "Choose a report date between 1990 and 2100."),
        ({"as_of": "2026-05-01", "until": "2026-04-01"}, "until", "The next report must come after the report date."),
        ({"as_of": "2026-01-01", "until": "2030-01-01"}, "until", "Look ahead at most two years."),
    ],
)
def test_bad_choices_get_a_clear_message_and_no_report(viewer_client, office, params, field, message):
    response = viewer_client.get("/reports/minister/", {"minister": office.person.pk, **params})
    assert response.status_code == 200
    assert response.context["report"] is None
    assert any(message in error for error in response.context["form"].errors[field])
    assert message in response.content.decode().replace("&#x27;", "'")


def test_the_report_costs_the_same_number_of_queries_with_1_and_30_promises(viewer_client, viewer, office):
    profile_of(viewer)  # made once, on the first page that needs the reader's feed address
    promise(office, "Eerste", datetime.date(2020, 1, 1))
    params = {"minister": office.person.pk, "as_of": "2026-01-01"}
    one = queries_for(viewer_client, "/reports/minister/", **params)
    for day in range(29):
        promise(office, f"Belofte {day}", datetime.date(2020, 1, 2) + datetime.timedelta(days=day * 40))
    # 12: the report (with its slippage, one aggregate), the reader's feed address and whether the
    # reader follows the minister.
    assert queries_for(viewer_client, "/reports/minister/", **params) == one <= 12


def test_dashboard_and_overdue_page_link_to_the_report(viewer_client):
    assert 'href="/reports/minister/"' in viewer_client.get("/").content.decode()
    assert 'href="/reports/minister/"' in viewer_client.get("/commitments/overdue/").content.decode()


def test_a_long_section_shows_its_first_rows_and_links_to_all_of_them(viewer_client, office, monkeypatch):
    monkeypatch.setattr("tracker.selectors.reports.REPORT_ROWS", 2)
    monkeypatch.setattr("tracker.views.reports.REPORT_ROWS", 2)
    for year in (2019, 2020, 2021):
        promise(office, f"Belofte {year}", datetime.date(year, 6, 30))
    response = viewer_client.get("/reports/minister/", {"minister": office.person.pk, "as_of": "2026-01-01"})
    assert [c.title for c in response.context["report"].past_due] == ["Belofte 2019", "Belofte 2020"]
    html = response.content.decode()
    assert "The first 2 of 3: see them all in the list" in html
    assert f"/commitments/?minister={office.person.pk}&amp;state=open&amp;deadline_to=2025-12-31&amp;sort=deadline" in html


# The minister's letter (PDF) and the e-mail draft (.eml), from buttons on the report page.

LETTER_QUERY = {"as_of": "2026-01-01", "until": "2026-04-01"}


def test_the_report_offers_the_letter_and_the_email_draft_for_the_same_query(viewer_client, office):
    html = viewer_client.get("/reports/minister/", {"minister": office.person.pk, **LETTER_QUERY}).content.decode()
    query = f"minister={office.person.pk}&amp;as_of=2026-01-01&amp;until=2026-04-01"
    assert f'href="/reports/minister/letter.pdf?{query}"' in html
    assert f'href="/reports/minister/letter.eml?{query}"' in html


def test_without_a_report_there_is_nothing_to_download(viewer_client, office):
    html = viewer_client.get("/reports/minister/").content.decode()
    assert "letter.pdf" not in html
    assert "letter.eml" not in html


@pytest.mark.parametrize("client_name", ["viewer_client", "editor_client", "admin_client"])
def test_every_role_downloads_the_letter_reading_is_enough(request, client_name, office):
    promise(office, "Projectoproep buddywerking", datetime.date(2019, 12, 31))
    client = request.getfixturevalue(client_name)
    response = client.get("/reports/minister/letter.pdf", {"minister": office.person.pk, **LETTER_QUERY})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="toezeggingen-liesbeth-homans-2026-01-01.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "private" in response["Cache-Control"]


def test_the_email_draft_downloads_as_an_eml_file_with_the_letter_attached(viewer_client, office):
    promise(office, "Projectoproep buddywerking", datetime.date(2019, 12, 31))
    response = viewer_client.get("/reports/minister/letter.eml", {"minister": office.person.pk, **LETTER_QUERY})
    assert response.status_code == 200
    assert response["Content-Type"] == "message/rfc822"
    assert response["Content-Disposition"] == 'attachment; filename="toezeggingen-liesbeth-homans-2026-01-01.eml"'
    message = email.message_from_bytes(response.content, policy=policy.default)
    assert "Projectoproep buddywerking" in message.get_body(("plain",)).get_content()
    assert message["Message-ID"].endswith("@testserver>")
    assert [part.get_filename() for part in message.iter_attachments()] == ["toezeggingen-liesbeth-homans-2026-01-01.pdf"]


@pytest.mark.parametrize("path", ["/reports/minister/letter.pdf", "/reports/minister/letter.eml"])
def test_an_account_without_a_role_is_told_which_role_reads_reports(no_role_user, path, office):
    client = Client()
    client.force_login(no_role_user)
    response = client.get(path, {"minister": office.person.pk})
    assert response.status_code == 403
    assert "Reading the reports needs a viewer&#x27;s account." in response.content.decode()


@pytest.mark.parametrize("path", ["/reports/minister/letter.pdf", "/reports/minister/letter.eml"])
def test_a_download_with_a_bad_query_goes_back_to_the_page_that_says_what_is_wrong(viewer_client, path, office):
    response = viewer_client.get(path, {"minister": office.person.pk, "as_of": "2026-05-01", "until": "2026-04-01"})
    assert response.status_code == 302
    assert response["Location"] == f"/reports/minister/?minister={office.person.pk}&as_of=2026-05-01&until=2026-04-01"
    assert viewer_client.get("/reports/minister/letter.pdf").status_code == 302


def test_the_letter_costs_the_same_number_of_queries_with_1_and_30_promises(viewer_client, office):
    promise(office, "Eerste", datetime.date(2020, 1, 1))
    params = {"minister": office.person.pk, **LETTER_QUERY}
    one = queries_for(viewer_client, "/reports/minister/letter.pdf", **params)
    for day in range(29):
        promise(office, f"Belofte {day}", datetime.date(2020, 1, 2) + datetime.timedelta(days=day * 40))
    assert queries_for(viewer_client, "/reports/minister/letter.pdf", **params) == one <= 13  # with the slippage


def test_the_report_page_offers_the_ministers_feed_at_the_readers_private_address(viewer_client, viewer, office):
    html = viewer_client.get("/reports/minister/", {"minister": office.person.pk}).content.decode()
    token = profile_of(viewer).feed_token
    feed = f"/feeds/{token}/ministers/{office.person.pk}.atom"
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}" title="Status changes: Liesbeth Homans">' in html
    assert f'href="{feed}"' in html.split("</head>")[1]
