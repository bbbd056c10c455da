import datetime
from pathlib import Path

import pytest

from tracker.imports.runner import import_documents
from tracker.models import Commitment, DeadlineSource, Kind, Status, Suggestion, SuggestionState

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
