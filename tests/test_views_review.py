import datetime
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.chains import EARLIER, LATER, promise, restating
from tracker.imports.runner import import_documents
from tracker.models import Commitment, DeadlineSource, Kind, Restatement, Status, Suggestion, SuggestionState
from tracker.services.suggestions import suggestion_restate

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"


@pytest.fixture
def suggestions():
    import_documents([(SEED.name, SEED.read_bytes())])
    return list(Suggestion.objects.order_by("sentence_start"))


def test_review_queue_shows_each_suggestion_with_its_sentence_highlighted(editor_client, suggestions):
    response = editor_client.get("/review/")
    html = response.content.decode()
    assert len(response.context["items"]) == 2
    assert "<mark>Ik plan geen specifieke acties naar &#x27;nieuwe armen&#x27; toe.</mark>" in html


def test_confirming_as_suggested_makes_an_announced_commitment_dated_on_the_answer(editor_client, editor, suggestions):
    call = suggestions[0]
    response = editor_client.post(f"/review/{call.pk}/", {"action": "accept"}, follow=True)
    assert "Confirmed as C-" in response.content.decode()
    commitment = Commitment.objects.get()
    assert (commitment.kind, commitment.current_status, commitment.status_observed_on) == (
        Kind.PROJECT_CALL,
        Status.ANNOUNCED,
        datetime.date(2018, 6, 29),
    )
    assert commitment.status_updates.get().recorded_by == editor
    call.refresh_from_db()
    assert (call.state, call.commitment, call.decided_by) == (SuggestionState.CONFIRMED, commitment, editor)


def test_editing_then_confirming_keeps_the_edited_quote_title_and_deadline(editor_client, suggestions):
    call = suggestions[0]
    quote = (
        "wil ik een projectoproep lanceren om projecten te ondersteunen die inzetten op het versterken van die sociale netwerken"
    )
    response = editor_client.post(
        f"/review/{call.pk}/",
        {
            "action": "confirm",
            "title": "Projectoproep buddywerkingen",
            "quote": quote,
            "kind": "project_call",
            "deadline": "2019-06-30",
            "deadline_wording": "",
            "target_group": "mensen in armoede",
        },
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert (commitment.title, commitment.quote, commitment.target_group) == (
        "Projectoproep buddywerkingen",
        quote,
        "mensen in armoede",
    )
    assert (commitment.deadline, commitment.deadline_source) == (datetime.date(2019, 6, 30), DeadlineSource.STAFF)


def test_a_deadline_worded_without_a_date_is_confirmed_at_the_default_horizon_keeping_its_words(editor_client, suggestions):
    call = suggestions[0]
    form = {"action": "confirm", "title": "Projectoproep", "quote": call.sentence, "kind": "project_call"}
    response = editor_client.post(f"/review/{call.pk}/", {**form, "deadline": "", "deadline_wording": "binnenkort"})
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert (commitment.deadline_source, commitment.deadline_wording) == (DeadlineSource.DEFAULT_HORIZON, "binnenkort")
    assert commitment.deadline is not None


def test_a_quote_not_in_the_answer_is_refused_with_a_field_error(editor_client, suggestions):
    response = editor_client.post(
        f"/review/{suggestions[0].pk}/", {"action": "confirm", "title": "X", "quote": "Iets dat er niet staat.", "kind": "action"}
    )
    assert response.status_code == 400
    assert "does not occur in the answer" in response.context["form"].errors["quote"][0]
    assert not Commitment.objects.exists()


def test_rejecting_is_remembered_and_a_decided_suggestion_cannot_be_decided_again(editor_client, suggestions):
    refusal = suggestions[1]
    editor_client.post(f"/review/{refusal.pk}/", {"action": "reject"})
    refusal.refresh_from_db()
    assert refusal.state == SuggestionState.REJECTED
    response = editor_client.post(f"/review/{refusal.pk}/", {"action": "accept"}, follow=True)
    assert "already decided" in response.content.decode()
    assert not Commitment.objects.exists()


def test_the_deadline_help_names_the_configured_default_horizon(editor_client, suggestions, settings):
    settings.TRACKER_DEFAULT_HORIZON = "government"
    html = editor_client.get(f"/review/{suggestions[0].pk}/").content.decode()
    assert "Leave empty for the default horizon (the end of the government)." in html
    editor_client.cookies["django_language"] = "nl"
    html = editor_client.get(f"/review/{suggestions[0].pk}/").content.decode()
    assert "Laat leeg voor de standaardhorizon (het einde van de regeerperiode)." in html


def test_viewers_cannot_review(viewer_client, suggestions):
    assert viewer_client.get("/review/").status_code == 403
    assert viewer_client.post(f"/review/{suggestions[0].pk}/", {"action": "accept"}).status_code == 403
    assert not Commitment.objects.exists()


def test_unknown_suggestion_is_404(editor_client):
    assert editor_client.get("/review/987654/").status_code == 404


# "Same promise": a suggestion that re-states an open commitment.


@pytest.fixture
def restated():
    commitment = promise(number=551)
    return commitment, restating(commitment)


def test_the_queue_shows_the_likely_match_with_both_quotes_side_by_side(editor_client, restated):
    commitment, suggestion = restated
    html = editor_client.get("/review/").content.decode()
    assert f"Looks like {commitment.reference}" in html
    assert f"This looks like {commitment.reference}, promised 19 July 2018 (similarity {suggestion.match_similarity:.2f})" in html
    assert EARLIER in html
    assert LATER in html
    assert "vraag nr. 551 of 29 June 2018" in html
    assert "vraag nr. 12 of 3 March 2020" in html
    assert f"Same promise as {commitment.reference}" in html
    assert "New promise" in html
    assert "Not a promise" in html


def test_the_queue_costs_the_same_queries_with_1_or_8_likely_matches(editor_client, restated, django_assert_max_num_queries):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get("/review/").status_code == 200
        return len(captured)

    one = queries()
    for _ in range(7):
        restating(promise())
    assert queries() == one
    with django_assert_max_num_queries(one):
        editor_client.get("/review/")


def test_same_promise_from_the_queue_records_a_restatement_and_moves_the_deadline(editor_client, editor, restated):
    commitment, suggestion = restated
    response = editor_client.post(
        f"/review/{suggestion.pk}/",
        {"action": "restate", "commitment": commitment.reference, "next": "list"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/review/"
    assert f"Recorded as a re-statement of {commitment.reference}." in response.content.decode()
    restatement = Restatement.objects.get()
    assert (restatement.commitment, restatement.suggestion, restatement.recorded_by) == (commitment, suggestion, editor)
    assert Commitment.objects.get(pk=commitment.pk).deadline == datetime.date(2020, 12, 31)


def test_the_editor_may_name_another_commitment_by_its_reference(editor_client, restated):
    commitment, suggestion = restated
    other = promise(commitment.responsible_person, quote="Ik wil tegen eind 2019 de buddywerking evalueren.")
    page = editor_client.get(f"/review/{suggestion.pk}/")
    assert page.context["restate_form"]["commitment"].value() == commitment.reference
    response = editor_client.post(f"/review/{suggestion.pk}/", {"action": "restate", "commitment": f"c-{other.pk}"})
    assert response.status_code == 302
    assert response.url == other.get_absolute_url()
    assert Restatement.objects.get().commitment == other


@pytest.mark.parametrize("reference", ["", "C-99999", "nonsense"])
def test_an_unknown_reference_is_a_field_error_and_nothing_is_written(editor_client, restated, reference):
    _, suggestion = restated
    response = editor_client.post(f"/review/{suggestion.pk}/", {"action": "restate", "commitment": reference})
    assert response.status_code == 400
    assert "commitment" in response.context["restate_form"].errors
    assert not Restatement.objects.exists()
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.PENDING


def test_a_merged_commitment_is_refused_with_a_clear_error(editor_client, restated):
    commitment, suggestion = restated
    merged = promise()
    Commitment.all_objects.filter(pk=merged.pk).update(merged_into=commitment)
    response = editor_client.post(f"/review/{suggestion.pk}/", {"action": "restate", "commitment": merged.reference})
    assert response.status_code == 400
    assert f"was merged into {commitment.reference}" in response.content.decode()
    assert not Restatement.objects.exists()


def test_new_promise_and_not_a_promise_remain_the_other_choices(editor_client, restated):
    commitment, suggestion = restated
    editor_client.post(f"/review/{suggestion.pk}/", {"action": "accept"})
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.CONFIRMED
    assert suggestion.commitment != commitment
    other = restating(promise())
    editor_client.post(f"/review/{other.pk}/", {"action": "reject"})
    other.refresh_from_db()
    assert other.state == SuggestionState.REJECTED
    assert not Restatement.objects.exists()


def test_viewers_cannot_record_a_restatement(viewer_client, restated):
    commitment, suggestion = restated
    response = viewer_client.post(f"/review/{suggestion.pk}/", {"action": "restate", "commitment": commitment.reference})
    assert response.status_code == 403
    assert not Restatement.objects.exists()


def test_the_timeline_shows_the_restatement_and_the_deadline_it_moved(
    editor_client, editor, restated, django_assert_max_num_queries
):
    commitment, suggestion = restated
    suggestion_restate(suggestion=suggestion, commitment=commitment, user=editor)
    with django_assert_max_num_queries(14):
        response = editor_client.get(commitment.get_absolute_url())
    html = response.content.decode()
    event = next(event for event in response.context["timeline"] if event.kind == "restated")
    assert event.day == datetime.date(2020, 3, 23)
    assert "Re-stated in" in html
    assert f'href="{suggestion.answer.question.get_absolute_url()}">vraag nr. 12</a>' in html
    assert LATER in html
    assert "+366 days" in html
    # The move is shown once, with the re-statement, not again as an edit.
    assert [event.kind for event in response.context["timeline"]].count("edit") == 0


def test_the_timeline_says_when_a_restated_deadline_did_not_move(editor_client, editor):
    commitment = promise()
    suggestion = restating(commitment, deadline=datetime.date(2019, 6, 30), wording="tegen de zomer")
    suggestion_restate(suggestion=suggestion, commitment=commitment, user=editor)
    html = editor_client.get(commitment.get_absolute_url()).content.decode()
    assert "not later than the deadline then on record, so the deadline did not move" in html
