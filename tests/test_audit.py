"""The audit trail: every change is attributable, with who, when, and before and after."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, IntegrityError, transaction

from tests.factories import CommitmentFactory, OfficeFactory, government
from tracker.models import Question, StatusUpdate, Suggestion
from tracker.services.commitments import commitment_change_deadline, commitment_hand_over, commitment_record_status

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"


def test_a_status_update_cannot_be_changed_even_by_a_bulk_update_or_sql():
    commitment = CommitmentFactory()
    update = commitment.status_updates.get()
    with pytest.raises((IntegrityError, DatabaseError), match="append-only"), transaction.atomic():
        StatusUpdate.objects.filter(pk=update.pk).update(note="herschreven")
    update.refresh_from_db()
    assert update.note == ""


def test_the_timeline_shows_status_updates_and_edits_together_newest_first(editor_client, editor):
    commitment = CommitmentFactory()
    commitment_record_status(commitment=commitment, user=editor, status="in_progress", observed_on=datetime.date(2019, 3, 1))
    commitment_change_deadline(commitment=commitment, user=editor, deadline=datetime.date(2021, 1, 1), reason="Verlengd.")
    commitment_hand_over(
        commitment=commitment, user=editor, office=OfficeFactory(government=government("jambon")), reason="Overdracht."
    )
    timeline = editor_client.get(f"/commitments/{commitment.pk}/").context["timeline"]
    kinds = [event.kind for event in timeline]
    # The hand-over is an edit; the deadline's move is shown by its own entry (with the days it slipped).
    assert kinds.count("edit") == 1
    assert kinds.count("deadline") == 1
    assert kinds.count("status") == 2
    assert kinds.count("created") == 1
    assert [event.sort_key for event in timeline] == sorted((event.sort_key for event in timeline), reverse=True)
    handover = next(event for event in timeline if event.reason == "Overdracht.")
    assert handover.who == editor.get_full_name()
    assert {change.label for change in handover.changes} == {"Responsible minister", "Responsible office"}


def test_an_edit_in_the_admin_is_recorded_with_the_administrator(admin_client, administrator):
    commitment = CommitmentFactory()
    url = f"/admin/tracker/commitment/{commitment.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    payload = {name: value for name, value in form.initial.items() if value is not None}
    payload.update(
        {
            "answer": commitment.answer_id,
            "responsible_person": commitment.responsible_person_id,
            "responsible_office": "",
            "title": "Door de beheerder verbeterd",
            "deadline": commitment.deadline.isoformat(),
            "themes": [],
            "status_updates-TOTAL_FORMS": "1",
            "status_updates-INITIAL_FORMS": "1",
            "status_updates-MIN_NUM_FORMS": "0",
            "status_updates-MAX_NUM_FORMS": "1000",
        }
    )
    assert admin_client.post(url, payload).status_code == 302
    latest = commitment.history.latest("history_date")
    assert (latest.title, latest.history_user, latest.prev_record.title) == (
        "Door de beheerder verbeterd",
        administrator,
        commitment.title,
    )


def test_an_import_records_who_changed_the_question_and_answer(editor_client, editor):
    editor_client.post("/import/", {"files": [SimpleUploadedFile("seed.txt", SEED.read_bytes())]})
    question = Question.objects.get()
    assert question.history.get().history_user == editor
    assert question.answer.history.get().history_user == editor
    assert question.history.get().history_change_reason == "import of seed.txt"


def test_a_suggestion_decision_is_recorded_with_who_and_when(editor_client, editor):
    editor_client.post("/import/", {"files": [SimpleUploadedFile("seed.txt", SEED.read_bytes())]})
    suggestion = Suggestion.objects.first()
    editor_client.post(f"/review/{suggestion.pk}/", {"action": "reject"})
    latest = suggestion.history.latest("history_date")
    assert (latest.state, latest.history_user, latest.prev_record.state) == ("rejected", editor, "pending")
