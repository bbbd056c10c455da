"""The export: complete, and the JSON round-trips through the importer unchanged."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CommitmentFactory
from tracker.exports.tracker_export import export_csv, export_json
from tracker.imports.runner import import_documents
from tracker.models import (
    Answer,
    Commitment,
    CommitmentMerge,
    DeadlineChange,
    ImportRun,
    Kind,
    Office,
    Person,
    PersonAlias,
    Question,
    Restatement,
    Status,
    StatusUpdate,
    StatusUpdateVoid,
    Suggestion,
    Theme,
)
from tracker.services.commitments import status_update_void

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2026, 11, 25)


def export() -> str:
    return "".join(export_json(as_of=AS_OF))


def empty_database():
    """Everything but the reference data of the migrations, children first (history is protected)."""
    CommitmentMerge.objects.all().delete()
    Commitment.all_objects.update(parent=None, merged_into=None)  # programmes and merged duplicates
    for model in (
        StatusUpdateVoid,
        StatusUpdate,
        DeadlineChange,
        Restatement,
        Suggestion,
        Commitment,
        Answer,
        Question,
        Office,
        PersonAlias,
        Person,
        Theme,
        ImportRun,
    ):
        model._base_manager.all().delete()


def test_the_export_holds_every_question_with_commitments_status_history_and_overdue_flags(settings):
    settings.DEBUG = True
    call_command("load_demo_data", "--no-users", stdout=io.StringIO())
    document = json.loads(export())
    assert len(document["questions"]) == Question.objects.count()
    commitments = [c for q in document["questions"] for c in q["commitments"]]
    assert len(commitments) == Commitment.all_objects.count(), "merged duplicates too"
    assert sum(len(c["status_history"]) for c in commitments) == StatusUpdate.objects.count()
    seed = next(q for q in document["questions"] if q["number"] == 551)
    call = next(c for c in seed["commitments"] if c["kind"] == "project_call")
    # The default horizon at first; the demo's 2019 re-statement moved it to "tegen eind 2019".
    assert (call["deadline"], call["deadline_source"], call["overdue"]) == ("2019-12-31", "stated", True)
    assert call["status_history"][0]["status"] == "announced"
    assert (seed["answer_due_on"], seed["answer_late"], seed["answer"]["answered_in_time"]) == ("2018-07-30", False, None)
    assert any(q["answer"] is None and q["answer_late"] for q in document["questions"]), "a sample still unanswered"


def test_exporting_restoring_into_an_empty_database_and_exporting_again_gives_the_same_document(settings, administrator):
    settings.DEBUG = True
    call_command("load_demo_data", "--no-users", stdout=io.StringIO())
    seed_answer = Answer.objects.get(question__number=551)
    seed_answer.answered_in_time = False  # the parliament's verdict travels too
    seed_answer.save()
    mistake = StatusUpdate.objects.exclude(status__in=["announced", "position_maintained"]).order_by("pk").first()
    status_update_void(update=mistake, user=administrator, reason="Verkeerde toezegging.")  # voids travel too
    # The demo's re-stated project call, programme with its parts and merged duplicate travel too.
    assert Restatement.objects.exists()
    assert CommitmentMerge.objects.exists()
    assert Commitment.objects.filter(parent__isnull=False).exists()
    first = export()
    assert '"answered_in_time": false' in first
    assert '"reason": "Verkeerde toezegging."' in first
    empty_database()
    result = import_documents([("export.json", first.encode())], origin=ImportRun.Origin.RESTORE, restore=True)
    assert result.failed == 0, [entry for entry in result.report if entry["outcome"] == "failed"]
    assert export() == first


def test_the_overdue_flag_is_the_overdue_rule_counted_on_the_export_date():
    day_before = AS_OF - datetime.timedelta(days=1)
    expected = {
        CommitmentFactory(deadline=day_before).reference: True,
        CommitmentFactory(deadline=AS_OF).reference: False,
        CommitmentFactory(deadline=day_before, status=Status.FULFILLED).reference: False,
        CommitmentFactory(kind=Kind.REFUSAL).reference: False,
    }
    document = json.loads(export())
    assert {c["reference"]: c["overdue"] for q in document["questions"] for c in q["commitments"]} == expected
    rows = csv.DictReader(io.StringIO("".join(export_csv(as_of=AS_OF)).removeprefix("\ufeff")))
    assert {row["reference"]: row["overdue"] for row in rows} == {ref: "yes" if late else "no" for ref, late in expected.items()}


def test_the_export_costs_the_same_number_of_queries_for_1_and_30_commitments():
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            export()
            "".join(export_csv(as_of=AS_OF))
        return len(context.captured_queries)

    CommitmentFactory()
    one = queries()
    for _ in range(29):
        CommitmentFactory()
    assert queries() == one


def test_a_tweede_kamer_question_restores_with_its_co_askers_documents_procedure_holding_reply_and_wording():
    from tests.test_imports_upsert import house_record
    from tracker.imports.records import AnswerRecord, ProcedureStep
    from tracker.imports.upsert import question_upsert

    record = house_record(
        answer=AnswerRecord(
            text="1. Ja.", answered_on=datetime.date(2023, 11, 14), in_time_wording="te laat", kind_wording="volledig"
        ),
        procedure=(ProcedureStep(status="Vraag ingediend", on=datetime.date(2023, 10, 3)),),
    )
    question_upsert(record)
    first = export()
    document = json.loads(first)["questions"][0]
    assert document["co_askers"][0]["name"] == "De Boer"
    assert document["co_askers"][0]["party"] == "GL"
    assert document["holding_replies"][0]["received_on"] == "2023-10-24"
    assert (document["answer"]["in_time_wording"], document["answer"]["kind_wording"]) == ("te laat", "volledig")
    empty_database()
    result = import_documents([("export.json", first.encode())], origin=ImportRun.Origin.RESTORE, restore=True)
    assert result.failed == 0, result.report
    assert export() == first
