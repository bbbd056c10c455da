"""Export and restore carry how promises run across answers: re-statements, deadline changes (with
the re-statement that gave them), parts and merges, with their authors and times; the slippage
figures come back equal; a restore run twice adds nothing."""

import datetime
import json

import pytest

from tests.factories import AnswerFactory, CommitmentFactory, QuestionFactory, RestatementFactory, move_deadline
from tests.test_exports import empty_database, export
from tracker.exports.tracker_export import export_csv
from tracker.imports.runner import import_documents
from tracker.models import Commitment, CommitmentMerge, DeadlineChange, ImportRun, Restatement
from tracker.services.commitments import commitment_change_deadline

pytestmark = pytest.mark.django_db

MERGED_AT = datetime.datetime(2021, 3, 1, 10, 0, tzinfo=datetime.UTC)


def promises_across_answers(administrator):
    """C1 promised in 2018 and re-stated in 2020 with a later deadline, then moved by an editor; C2 a
    part of C1; C3 merged into C1; C4 merged into C1 and the merge undone."""
    minister = QuestionFactory().addressee
    first = CommitmentFactory(
        answer=AnswerFactory(question=QuestionFactory(addressee=minister)),
        deadline=datetime.date(2019, 12, 31),
        deadline_wording="tegen eind 2019",
    )
    later = AnswerFactory(question=QuestionFactory(addressee=minister, asked_on=datetime.date(2020, 2, 1)))
    restatement = RestatementFactory(
        commitment=first,
        answer=later,
        deadline=datetime.date(2020, 12, 31),
        deadline_wording="in de loop van 2020",
        similarity=0.83,
        recorded_by=administrator,
    )
    move_deadline(
        first, restatement.deadline, changed_on=restatement.made_on, wording="in de loop van 2020", restatement=restatement
    )
    commitment_change_deadline(
        commitment=first, user=administrator, deadline=datetime.date(2021, 6, 30), reason="Uitstel gevraagd."
    )
    part, merged, unmerged = (
        CommitmentFactory(answer=AnswerFactory(question=QuestionFactory(addressee=minister))) for _ in range(3)
    )
    Commitment.all_objects.filter(pk=part.pk).update(parent=first)
    CommitmentMerge.objects.create(
        kept=first, absorbed=merged, reason="Dezelfde belofte.", merged_by=administrator, merged_at=MERGED_AT
    )
    Commitment.all_objects.filter(pk=merged.pk).update(merged_into=first)
    CommitmentMerge.objects.create(
        kept=first,
        absorbed=unmerged,
        reason="Leek dezelfde.",
        merged_by_name="oud-medewerker",
        merged_at=MERGED_AT,
        undone_by=administrator,
        undone_at=MERGED_AT + datetime.timedelta(days=2),
        undo_reason="Toch twee beloften.",
    )
    return first, part, merged


def empty_everything():
    for model in (DeadlineChange, Restatement, CommitmentMerge):
        model.objects.all().delete()
    Commitment.all_objects.update(parent=None, merged_into=None)  # then Commitment.objects holds them all
    empty_database()


def restore(document: str):
    return import_documents([("export.json", document.encode())], origin=ImportRun.Origin.RESTORE, restore=True)


def test_the_export_carries_restatements_deadline_changes_parts_merges_and_merged_commitments(administrator):
    first, part, merged = promises_across_answers(administrator)
    commitments = {c["reference"]: c for q in json.loads(export())["questions"] for c in q["commitments"]}
    assert merged.reference in commitments, "a merged commitment is exported under its own answer"
    entry = commitments[first.reference]
    assert (entry["first_deadline"], entry["deadline_moves"], entry["deadline_slip_days"]) == ("2019-12-31", 2, 547)
    assert entry["restatements"][0]["similarity"] == 0.83
    assert entry["restatements"][0]["recorded_by"] == administrator.username
    assert [change["restated_in"] is not None for change in entry["deadline_changes"]] == [True, False]
    assert entry["deadline_changes"][1]["reason"] == "Uitstel gevraagd."
    assert commitments[part.reference]["part_of"] == first.reference
    assert commitments[merged.reference]["merged_into"] == first.reference
    assert commitments[merged.reference]["merges"][0]["kept"] == first.reference


def test_exporting_restoring_into_an_empty_database_and_exporting_again_gives_the_same_document(administrator):
    promises_across_answers(administrator)
    first = export()
    figures = list(
        Commitment.all_objects.order_by("pk").values_list("pk", "first_deadline", "deadline_moves", "deadline_slip_days")
    )
    empty_everything()
    run = restore(first)
    assert run.failed == 0, [entry for entry in run.report if entry["outcome"] == "failed"]
    assert export() == first
    restored = list(
        Commitment.all_objects.order_by("pk").values_list("pk", "first_deadline", "deadline_moves", "deadline_slip_days")
    )
    assert restored == figures  # computed again from the restored deadline changes
    change = DeadlineChange.objects.get(reason="Uitstel gevraagd.")
    assert change.recorded_by == administrator  # the original author, and time
    assert CommitmentMerge.objects.get(undone_at__isnull=False).merged_by_name == "oud-medewerker"


def test_a_restore_run_twice_adds_nothing_the_second_time(administrator):
    promises_across_answers(administrator)
    document = export()
    empty_everything()
    restore(document)
    counts = [model.objects.count() for model in (Restatement, DeadlineChange, CommitmentMerge)]
    again = restore(document)
    assert again.failed == 0, again.report
    assert again.created == 0
    assert [model.objects.count() for model in (Restatement, DeadlineChange, CommitmentMerge)] == counts
    assert export() == document


def test_a_restatement_of_an_answer_missing_from_the_export_is_refused_and_nothing_of_the_links_is_written(administrator):
    promises_across_answers(administrator)
    document = json.loads(export())
    for question in document["questions"]:
        for commitment in question["commitments"]:
            for restatement in commitment["restatements"]:
                restatement["answer"]["number"] = 99999
    empty_everything()
    run = restore(json.dumps(document))
    failed = [entry for entry in run.report if entry["outcome"] == "failed"]
    assert len(failed) == 1
    assert "vraag nr. 99999" in failed[0]["reason"]
    assert not Restatement.objects.exists()
    assert not DeadlineChange.objects.exists()
    assert not CommitmentMerge.objects.exists()


def test_the_csv_export_has_the_slippage_part_of_and_merged_into_columns(administrator):
    first, part, merged = promises_across_answers(administrator)
    import csv
    import io

    rows = {row["reference"]: row for row in csv.DictReader(io.StringIO("".join(export_csv()).removeprefix("\ufeff")))}
    assert (rows[first.reference]["first_deadline"], rows[first.reference]["deadline_moves"]) == ("2019-12-31", "2")
    assert rows[first.reference]["deadline_slip_days"] == "547"
    assert rows[part.reference]["part_of"] == first.reference
    assert rows[merged.reference]["merged_into"] == first.reference
