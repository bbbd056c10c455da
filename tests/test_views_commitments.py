import csv
import datetime
import io

import pytest
from django.utils import timezone

from tests.factories import CommitmentFactory, OfficeFactory, PersonFactory, ThemeFactory, government
from tests.querycount import queries_for
from tracker.models import Commitment, DeadlineSource, Kind, Status, StatusUpdate
from tracker.services.commitments import commitment_record_status

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def record_daily_updates(commitment, count, *, status):
    """*count* status updates, one a day from 1 January 2019: a long timeline."""
    for day in range(count):
        commitment_record_status(
            commitment=commitment, user=None, status=status, observed_on=datetime.date(2019, 1, 1) + datetime.timedelta(days=day)
        )


def titles(response):
    return [c.title for c in response.context["page"].object_list]


# The list -------------------------------------------------------------------------------------


def test_list_shows_every_commitment_with_its_status_and_deadline_source(viewer_client):
    CommitmentFactory(
        title="Projectoproep buddywerking", deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019"
    )
    html = viewer_client.get("/commitments/").content.decode()
    assert "Projectoproep buddywerking" in html
    assert "status-announced" in html
    assert "stated" in html


def test_list_filters_by_several_statuses_at_once(viewer_client):
    CommitmentFactory(title="A", status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, 1))
    CommitmentFactory(title="B", status=Status.DELAYED, observed_on=datetime.date(2019, 1, 1))
    CommitmentFactory(title="C")
    response = viewer_client.get("/commitments/", {"status": ["in_progress", "delayed"], "sort": "minister"})
    assert sorted(titles(response)) == ["A", "B"]


def test_list_filters_open_closed_and_overdue(viewer_client):
    CommitmentFactory(title="Te laat", deadline=today() - datetime.timedelta(days=1))
    CommitmentFactory(title="Gedaan", status=Status.FULFILLED, observed_on=datetime.date(2019, 1, 1))
    CommitmentFactory(title="Op tijd", deadline=today() + datetime.timedelta(days=100))
    assert titles(viewer_client.get("/commitments/", {"overdue": "on"})) == ["Te laat"]
    assert titles(viewer_client.get("/commitments/", {"state": "closed"})) == ["Gedaan"]
    assert sorted(titles(viewer_client.get("/commitments/", {"state": "open"}))) == ["Op tijd", "Te laat"]


def test_list_filters_by_minister_office_government_theme_and_kind(viewer_client):
    office = OfficeFactory(government=government("jambon"))
    theme = ThemeFactory(name="Wonen")
    mine = CommitmentFactory(
        title="Van de minister", responsible_person=office.person, responsible_office=office, kind=Kind.FUNDING, themes=[theme]
    )
    CommitmentFactory(title="Van een ander")
    for params in (
        {"minister": office.person.pk},
        {"office": office.pk},
        {"government": office.government.pk},
        {"theme": theme.pk},
        {"kind": "funding"},
    ):
        assert titles(viewer_client.get("/commitments/", params)) == [mine.title], params


def test_list_filters_by_deadline_and_answer_date_ranges(viewer_client):
    CommitmentFactory(title="2019", deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019")
    CommitmentFactory(title="2021", deadline=datetime.date(2021, 6, 30), deadline_wording="midden 2021")
    params = {"deadline_from": "2019-01-01", "deadline_to": "2019-12-31"}
    assert titles(viewer_client.get("/commitments/", params)) == ["2019"]
    assert len(titles(viewer_client.get("/commitments/", {"answered_from": "2018-07-01", "answered_to": "2018-07-31"}))) == 2
    assert titles(viewer_client.get("/commitments/", {"answered_from": "2020-01-01"})) == []


def test_free_text_search_looks_in_title_quote_and_answer_text(viewer_client):
    CommitmentFactory(title="Buddywerking", quote=None)
    other = CommitmentFactory(title="Iets anders")
    assert titles(viewer_client.get("/commitments/", {"q": "buddywerking"})) == ["Buddywerking"]
    word_in_answer = other.answer.text.split()[4]  # a word only the answer text contains ("project")
    assert "Iets anders" in titles(viewer_client.get("/commitments/", {"q": f"{word_in_answer} {other.answer.text.split()[5]}"}))


def test_sorting_by_days_overdue_puts_the_latest_first_and_can_be_reversed(viewer_client):
    CommitmentFactory(title="Licht", deadline=today() - datetime.timedelta(days=2))
    CommitmentFactory(title="Zwaar", deadline=today() - datetime.timedelta(days=200))
    CommitmentFactory(title="Niet", deadline=today() + datetime.timedelta(days=20))
    assert titles(viewer_client.get("/commitments/", {"sort": "overdue"})) == ["Zwaar", "Licht", "Niet"]
    assert titles(viewer_client.get("/commitments/", {"sort": "-overdue"})) == ["Niet", "Licht", "Zwaar"]


@pytest.mark.parametrize("sort", ["deadline", "-deadline", "updated", "-updated", "minister", "-minister", "made", "-made"])
def test_every_sort_order_works(viewer_client, sort):
    CommitmentFactory()
    CommitmentFactory()
    assert len(titles(viewer_client.get("/commitments/", {"sort": sort}))) == 2


def test_an_unknown_sort_or_page_is_ignored_not_an_error(viewer_client):
    CommitmentFactory()
    for params in ({"sort": "password"}, {"page": "abc"}, {"page": "99999"}, {"page": "-1"}):
        response = viewer_client.get("/commitments/", params)
        assert response.status_code == 200
        assert len(titles(response)) == 1


def test_an_invalid_filter_value_is_ignored_with_a_message_and_the_other_filters_still_apply(viewer_client):
    CommitmentFactory(title="Funding", kind=Kind.FUNDING)
    CommitmentFactory(title="Action")
    response = viewer_client.get("/commitments/", {"deadline_from": "31-31-2019", "status": "bogus", "kind": "funding"})
    assert response.status_code == 200
    assert titles(response) == ["Funding"]
    html = response.content.decode()
    assert "These filters were not understood and were ignored: Status, Deadline from." in html
    assert "Enter a valid date." in html


def test_the_list_is_paginated_and_keeps_the_filters_in_the_page_links(viewer_client, settings):
    settings.TRACKER_PAGE_SIZE = 5
    for _ in range(12):
        CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, 1))
    first = viewer_client.get("/commitments/", {"status": "in_progress"})
    assert len(titles(first)) == 5
    assert "status=in_progress&amp;page=2" in first.content.decode()
    assert len(titles(viewer_client.get("/commitments/", {"status": "in_progress", "page": 3}))) == 2


def test_the_filter_state_lives_in_the_url(viewer_client):
    response = viewer_client.get("/commitments/", {"q": "woon", "kind": "funding"})
    html = response.content.decode()
    assert 'value="woon"' in html
    assert '<option value="funding" selected>' in html


def test_csv_export_has_exactly_the_filtered_rows_and_keeps_dutch_accents(viewer_client):
    CommitmentFactory(title="Één coöperatieve aanpak", status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, 1))
    CommitmentFactory(title="Niet in de export")
    response = viewer_client.get("/commitments/export.csv", {"status": "in_progress"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff"), "a byte-order mark tells spreadsheets the file is UTF-8"
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert [row["title"] for row in rows] == ["Één coöperatieve aanpak"]
    assert rows[0]["status"] == "In progress"


def test_csv_export_for_dutch_excel_uses_semicolons(viewer_client):
    CommitmentFactory()
    body = b"".join(viewer_client.get("/commitments/export.csv", {"delimiter": "semicolon"}).streaming_content).decode()
    assert body.splitlines()[0].count(";") >= 10


def test_list_and_export_cost_the_same_number_of_queries_for_1_and_30_rows(viewer_client):
    CommitmentFactory()
    counts_one = [
        queries_for(viewer_client, url) for url in ("/commitments/", "/commitments/overdue/", "/commitments/export.csv")
    ]
    for index in range(29):
        CommitmentFactory(deadline=today() - datetime.timedelta(days=index + 1))
    counts_thirty = [
        queries_for(viewer_client, url) for url in ("/commitments/", "/commitments/overdue/", "/commitments/export.csv")
    ]
    assert counts_one == counts_thirty
    # 13: the "Assigned to" filter reads the editors (one query) besides the other filters' choices.
    assert max(counts_thirty) <= 13


# The overdue list -------------------------------------------------------------------------------


def test_overdue_page_lists_only_overdue_promises_most_overdue_first_with_days_and_source(viewer_client):
    CommitmentFactory(title="Licht", deadline=today() - datetime.timedelta(days=2))
    CommitmentFactory(title="Zwaar")  # default horizon of 2019
    CommitmentFactory(title="Niet", deadline=today() + datetime.timedelta(days=2))
    response = viewer_client.get("/commitments/overdue/")
    assert titles(response) == ["Zwaar", "Licht"]
    html = response.content.decode()
    assert "default horizon" in html
    assert ">2<" in html


def test_overdue_page_marks_the_rows_long_overdue_after_the_configured_days(viewer_client, settings):
    settings.TRACKER_LONG_OVERDUE_DAYS = 30
    CommitmentFactory(deadline=today() - datetime.timedelta(days=31))
    CommitmentFactory(deadline=today() - datetime.timedelta(days=30))
    html = viewer_client.get("/commitments/overdue/").content.decode()
    assert '<span class="days-late long">31</span>' in html
    assert '<span class="days-late">30</span>' in html


def test_overdue_page_explains_the_configured_default_horizon(viewer_client, settings):
    settings.TRACKER_DEFAULT_HORIZON = "government"
    html = viewer_client.get("/commitments/overdue/").content.decode()
    assert "a <em>default horizon</em> (the end of the government) when the answer gives none" in html


# The detail page ------------------------------------------------------------------------------


def test_detail_shows_the_quote_highlighted_in_the_answer_and_the_timeline(viewer_client):
    commitment = CommitmentFactory(title="Projectoproep")
    html = viewer_client.get(f"/commitments/{commitment.pk}/").content.decode()
    assert f'<mark id="quote">{commitment.quote}</mark>' in html
    assert "Timeline" in html
    assert "status-announced" in html
    assert "default horizon" in html


def test_detail_says_how_many_days_overdue_by_the_overdue_rule(viewer_client):
    late = CommitmentFactory(deadline=today() - datetime.timedelta(days=3))
    due_today = CommitmentFactory(deadline=today())
    response = viewer_client.get(f"/commitments/{late.pk}/")
    assert (response.context["commitment"].is_overdue, response.context["commitment"].days_overdue) == (True, 3)
    assert '<span class="overdue-tag">3 days overdue</span>' in response.content.decode()
    assert "overdue-tag" not in viewer_client.get(f"/commitments/{due_today.pk}/").content.decode()


@pytest.mark.parametrize(
    ("horizon", "english", "dutch"),
    [
        ("legislature", "this is the end of the legislature in which", "dit is het einde van de legislatuur waarin"),
        ("government", "this is the end of the government in which", "dit is het einde van de regeerperiode waarin"),
    ],
)
def test_detail_names_the_configured_default_horizon_in_both_languages(viewer_client, settings, horizon, english, dutch):
    settings.TRACKER_DEFAULT_HORIZON = horizon
    commitment = CommitmentFactory()  # without a stated deadline
    assert english in viewer_client.get(f"/commitments/{commitment.pk}/").content.decode()
    viewer_client.cookies["django_language"] = "nl"
    assert dutch in viewer_client.get(f"/commitments/{commitment.pk}/").content.decode()


def test_detail_of_an_unknown_commitment_is_404(viewer_client):
    assert viewer_client.get("/commitments/999999/").status_code == 404


# The follow-up question -------------------------------------------------------------------------


def test_detail_links_to_a_follow_up_question_for_every_reader(viewer_client):
    commitment = CommitmentFactory()
    html = viewer_client.get(f"/commitments/{commitment.pk}/").content.decode()
    assert f'href="/commitments/{commitment.pk}/follow-up/"' in html


def test_follow_up_page_shows_the_draft_ready_to_edit_and_copy(viewer_client):
    commitment = CommitmentFactory(title="Projectoproep buddywerking", kind=Kind.PROJECT_CALL)
    response = viewer_client.get(f"/commitments/{commitment.pk}/follow-up/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<textarea id="follow-up-draft"' in html
    assert f"Onderwerp: Opvolging van de toezegging in vraag nr. {commitment.answer.question.number}" in html
    assert "Werd de aangekondigde projectoproep intussen gelanceerd?" in html
    assert 'href="?format=txt"' in html


def test_follow_up_downloads_as_a_utf8_text_file_named_after_the_commitment(viewer_client):
    commitment = CommitmentFactory()
    response = viewer_client.get(f"/commitments/{commitment.pk}/follow-up/", {"format": "txt"})
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="vervolgvraag-{commitment.reference}.txt"'
    text = response.content.decode("utf-8")
    assert text.startswith("Aan: ")
    assert f"\u201c{commitment.quote}\u201d" in text


def test_follow_up_of_an_unknown_commitment_is_404(viewer_client):
    assert viewer_client.get("/commitments/999999/follow-up/").status_code == 404


def test_viewer_sees_no_form_and_cannot_record_a_status(viewer_client):
    commitment = CommitmentFactory()
    html = viewer_client.get(f"/commitments/{commitment.pk}/").content.decode()
    assert "Record a status update" not in html
    response = viewer_client.post(f"/commitments/{commitment.pk}/status/", {"status": "fulfilled", "observed_on": "2020-01-01"})
    assert response.status_code == 403
    assert StatusUpdate.objects.filter(commitment=commitment).count() == 1


def test_status_form_has_the_labelled_fields_and_observed_on_defaults_to_today(editor_client):
    commitment = CommitmentFactory()
    response = editor_client.get(f"/commitments/{commitment.pk}/")
    html = response.content.decode()
    for label in ("Status", "Note", "Observed on", "Evidence URL"):
        assert f">{label}" in html
    assert response.context["status_form"]["observed_on"].value() == today()


def test_recording_a_status_puts_it_at_the_top_of_the_timeline(editor_client, editor):
    commitment = CommitmentFactory()
    response = editor_client.post(
        f"/commitments/{commitment.pk}/status/",
        {
            "status": "in_progress",
            "note": "Oproep gelanceerd op 3 maart.",
            "observed_on": today().isoformat(),
            "evidence_url": "https://www.vlaanderen.be/oproep",
        },
        follow=True,
    )
    assert response.redirect_chain == [(f"/commitments/{commitment.pk}/", 302)]
    first = response.context["timeline"][0]
    assert (first.update.status, first.update.note, first.update.recorded_by) == (
        "in_progress",
        "Oproep gelanceerd op 3 maart.",
        editor,
    )
    assert "Status recorded" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.current_status == Status.IN_PROGRESS


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"status": "in_progress", "observed_on": ""}, "observed_on", "This field is required."),
        ({"status": "in_progress", "observed_on": "2019-02-30"}, "observed_on", "Enter a valid date."),
        ({"status": "in_progress", "observed_on": "2999-01-01"}, "observed_on", "cannot lie in the future"),
        ({"status": "position_maintained", "observed_on": "2019-01-01"}, "status", "Select a valid choice"),
        (
            {"status": "in_progress", "observed_on": "2019-01-01", "evidence_url": "not a url"},
            "evidence_url",
            "Give a web address that starts with http:// or https://.",
        ),
        (
            {"status": "in_progress", "observed_on": "2019-01-01", "evidence_url": "ftp://example.org/verslag.pdf"},
            "evidence_url",
            "Give a web address that starts with http:// or https://.",
        ),
        ({"status": "", "observed_on": "2019-01-01"}, "status", "This field is required."),
    ],
)
def test_invalid_status_input_shows_the_field_error_and_saves_nothing(editor_client, data, field, message):
    commitment = CommitmentFactory()
    response = editor_client.post(f"/commitments/{commitment.pk}/status/", data)
    assert response.status_code == 400
    assert message in " ".join(response.context["status_form"].errors[field])
    assert message.split("“")[0] in response.content.decode()
    assert StatusUpdate.objects.filter(commitment=commitment).count() == 1


def test_editor_changes_the_deadline_with_a_reason_shown_in_the_timeline(editor_client):
    commitment = CommitmentFactory()
    response = editor_client.post(
        f"/commitments/{commitment.pk}/deadline/", {"deadline": "2021-12-31", "reason": "Verlengd door de minister."}, follow=True
    )
    commitment.refresh_from_db()
    assert (commitment.deadline, commitment.deadline_source) == (datetime.date(2021, 12, 31), DeadlineSource.STAFF)
    # Shown once, as a change of the deadline with the days it slipped, not also as an edit.
    moved = next(event for event in response.context["timeline"] if event.kind == "deadline")
    assert moved.reason == "Verlengd door de minister."
    change = moved.deadline_change
    assert (change.old_deadline, change.new_deadline, change.slip_days) == (
        datetime.date(2019, 5, 26),
        datetime.date(2021, 12, 31),
        950,
    )
    assert not any(event.kind == "edit" for event in response.context["timeline"])
    assert "+950 days" in response.content.decode()


def test_a_deadline_change_without_reason_is_refused(editor_client):
    commitment = CommitmentFactory()
    response = editor_client.post(f"/commitments/{commitment.pk}/deadline/", {"deadline": "2021-12-31", "reason": ""})
    assert response.status_code == 400
    assert "reason" in response.context["deadline_form"].errors
    assert Commitment.objects.get(pk=commitment.pk).deadline == commitment.deadline


def test_editor_hands_a_commitment_over_to_another_office(editor_client):
    commitment = CommitmentFactory()
    office = OfficeFactory(government=government("jambon"))
    editor_client.post(f"/commitments/{commitment.pk}/responsibility/", {"office": office.pk, "reason": "Nieuwe regering."})
    commitment.refresh_from_db()
    assert commitment.responsible_person == office.person


def test_edit_form_refuses_a_stale_save_and_shows_the_other_change(editor_client, editor):
    from tracker.services.commitments import commitment_edit

    commitment = CommitmentFactory(title="Oud")
    opened = editor_client.get(f"/commitments/{commitment.pk}/edit/").context["form"]["version"].value()
    commitment_edit(
        commitment=commitment,
        user=editor,
        expected_version=opened,
        title="Door een collega",
        kind=Kind.ACTION,
        target_group="",
        quote=commitment.quote,
    )
    response = editor_client.post(
        f"/commitments/{commitment.pk}/edit/",
        {"title": "Mijn versie", "kind": "action", "target_group": "", "quote": commitment.quote, "version": opened},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this commitment" in html
    assert "Door een collega" in html
    assert Commitment.objects.get(pk=commitment.pk).title == "Door een collega"


@pytest.mark.parametrize(
    "version",
    [None, "", "abc", "-1", "0", "99999999999999999999", "1000"],
    ids=["missing", "empty", "not a number", "negative", "zero", "huge", "newer than the commitment"],
)
def test_a_missing_or_tampered_version_gets_a_clear_message_and_saves_nothing(editor_client, version):
    commitment = CommitmentFactory(title="Oud")
    data = {"title": "Nieuw", "kind": "action", "target_group": "", "quote": commitment.quote}
    if version is not None:
        data["version"] = version
    response = editor_client.post(f"/commitments/{commitment.pk}/edit/", data)
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "This form is incomplete or out of date: reload the commitment and edit again."
    ]
    assert "This form is incomplete or out of date: reload the commitment and edit again." in response.content.decode()
    assert Commitment.objects.get(pk=commitment.pk).title == "Oud"


def test_the_version_the_page_was_opened_with_saves(editor_client):
    commitment = CommitmentFactory(title="Oud")
    opened = editor_client.get(f"/commitments/{commitment.pk}/edit/").context["form"]["version"].value()
    data = {"title": "Nieuw", "kind": "action", "target_group": "", "quote": commitment.quote, "version": opened}
    assert editor_client.post(f"/commitments/{commitment.pk}/edit/", data).status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).title == "Nieuw"


# The detail page: 12, and 2 more for the re-statements and the deadline changes on the timeline.
@pytest.mark.parametrize(("page", "most"), [("", 14), ("follow-up/", 8)], ids=["detail", "follow-up"])
def test_detail_pages_cost_the_same_number_of_queries_with_1_and_30_status_updates(editor_client, page, most):
    commitment = CommitmentFactory()
    one = queries_for(editor_client, f"/commitments/{commitment.pk}/{page}")
    record_daily_updates(commitment, 29, status=Status.DELAYED)
    thirty = queries_for(editor_client, f"/commitments/{commitment.pk}/{page}")
    assert one == thirty <= most


def test_a_person_without_a_role_may_log_in_but_sees_nothing(no_role_user, client):
    client.force_login(no_role_user)
    CommitmentFactory()
    assert client.get("/commitments/").status_code == 403
    assert client.get("/").status_code == 403


def test_minister_filter_offers_ministers_and_not_members_who_only_ask(viewer_client):
    asker = PersonFactory(last_name="Alleenvrager")
    minister = PersonFactory(last_name="Ministeriabel")
    CommitmentFactory(answer__question__asker=asker, answer__question__addressee=minister)
    choices = [label for _value, label in viewer_client.get("/commitments/").context["filter"].form.fields["minister"].choices]
    assert any("Ministeriabel" in str(label) for label in choices)
    assert not any("Alleenvrager" in str(label) for label in choices)


def test_a_status_update_in_the_timeline_shows_its_note_evidence_visibility_and_who_recorded_it(editor_client, editor):
    commitment = CommitmentFactory()
    editor_client.post(
        f"/commitments/{commitment.pk}/status/",
        {
            "status": "in_progress",
            "note": "Oproep <gelanceerd>\nop 3 maart.",
            "observed_on": today().isoformat(),
            "evidence_url": "https://www.vlaanderen.be/oproep",
            "evidence_text": "Persbericht",
        },
    )
    update = StatusUpdate.objects.get(commitment=commitment, status="in_progress")
    html = editor_client.get(f"/commitments/{commitment.pk}/").content.decode()
    assert '<li class="timeline-event event-status tone-' in html
    assert f'id="update-{update.pk}"' in html
    assert '<p class="timeline-note">Oproep &lt;gelanceerd&gt;<br>op 3 maart.</p>' in html
    assert "Internal note" in html
    assert f'action="/status-updates/{update.pk}/note-visibility/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Make the note public" in html
    assert "Evidence: https://www.vlaanderen.be/oproep</a>" in html
    assert ">Persbericht</p>" in html
    assert f"recorded by {editor.get_full_name() or editor.username} on " in html
