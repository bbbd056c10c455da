"""Importing: idempotent, atomic per document, never losing what staff did."""

import datetime
import json
from pathlib import Path
from unittest import mock

import pytest
from django.db import DatabaseError
from django.utils import timezone

from tests.factories import CommitmentFactory, exported_question
from tracker.imports.runner import import_documents, json_depth
from tracker.models import Answer, Commitment, ImportRun, Person, Question, StatusUpdate, Suggestion, SuggestionState
from tracker.services.commitments import commitment_record_status
from tracker.services.suggestions import suggestion_confirm, suggestion_reject

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"
DOCUMENTS = ROOT / "tests" / "data" / "documents"


def run(*paths_or_documents, user=None):
    documents = [(p.name, p.read_bytes()) if isinstance(p, Path) else p for p in paths_or_documents]
    return import_documents(documents, user=user)


def outcomes(import_run: ImportRun) -> list[tuple[str, str]]:
    return [(entry["name"], entry["outcome"]) for entry in import_run.report]


def database_counts():
    return {model.__name__: model.objects.count() for model in (Question, Answer, Person, Commitment, StatusUpdate, Suggestion)}


def test_importing_the_seed_creates_the_question_answer_people_and_two_suggestions():
    result = run(SEED)
    assert outcomes(result) == [(SEED.name, "created")]
    question = Question.objects.get()
    assert (question.number, question.session_year, question.asker.full_name) == (551, "2017-2018", "Cindy Franssen")
    assert question.addressee_office.government.slug == "bourgeois"
    assert Suggestion.objects.pending().count() == 2
    assert result.report[0]["suggestions"] == 2


def test_importing_the_same_document_twice_changes_nothing_the_second_time():
    run(SEED)
    before = database_counts()
    second = run(SEED)
    assert outcomes(second) == [(SEED.name, "unchanged")]
    assert database_counts() == before


def test_a_corrected_document_updates_the_question_without_duplicating_it():
    run(SEED)
    corrected = SEED.read_text(encoding="utf-8").replace(
        "Persoonlijke netwerkversterking bij mensen in armoede - Studie",
        "Persoonlijke netwerkversterking - Studie (gecorrigeerd)",
    )
    result = run(("corrected.txt", corrected.encode()))
    assert outcomes(result) == [("corrected.txt", "updated")]
    assert Question.objects.get().subject == "Persoonlijke netwerkversterking - Studie (gecorrigeerd)"
    assert Question.history.count() == 2


def test_a_bad_document_among_good_ones_is_reported_and_leaves_nothing_half_written():
    result = run(DOCUMENTS / "unknown-minister.txt", DOCUMENTS / "two-answers.txt", SEED)
    assert outcomes(result) == [("unknown-minister.txt", "created"), ("two-answers.txt", "failed"), (SEED.name, "created")]
    assert "2 answers ('ANTWOORD') found" in result.report[1]["reason"]
    assert Question.objects.count() == 2
    assert (result.created, result.failed) == (2, 1)


def test_a_failure_while_writing_rolls_the_document_back_completely():
    with mock.patch("tracker.imports.upsert._suggest", side_effect=DatabaseError("connection lost")):
        result = run(SEED)
    assert outcomes(result) == [(SEED.name, "failed")]
    assert "the database refused it: connection lost" in result.report[0]["reason"]
    assert database_counts() == {name: 0 for name in database_counts()}


def test_staff_work_survives_a_reimport():
    run(SEED)
    call, refusal = Suggestion.objects.order_by("sentence_start")
    commitment = suggestion_confirm(suggestion=call, user=None)
    commitment_record_status(commitment=commitment, user=None, status="in_progress", observed_on=datetime.date(2019, 2, 1))
    suggestion_reject(suggestion=refusal, user=None)
    run(SEED)
    assert Commitment.objects.get().current_status == "in_progress"
    assert StatusUpdate.objects.count() == 2
    assert list(Suggestion.objects.values_list("state", flat=True).order_by("sentence_start")) == [
        SuggestionState.CONFIRMED,
        SuggestionState.REJECTED,
    ], "a rejected suggestion is not made again"


def test_a_reimport_that_would_drop_a_confirmed_quote_is_refused():
    run(SEED)
    suggestion_confirm(suggestion=Suggestion.objects.order_by("sentence_start").first(), user=None)
    changed = SEED.read_text(encoding="utf-8").replace("wil ik een projectoproep lanceren", "lanceerde ik een projectoproep")
    result = run(("changed.txt", changed.encode()))
    assert outcomes(result) == [("changed.txt", "failed")]
    assert "no longer contains the quote of C-" in result.report[0]["reason"]
    assert "wil ik een projectoproep lanceren" in Answer.objects.get().text


def test_the_asker_spelled_two_ways_is_one_person():
    run(SEED)
    assert Person.objects.filter(last_name="Franssen").count() == 1
    assert Person.objects.named("CINDY FRANSEN").get().last_name == "Franssen"
    assert any("spells the asker 'CINDY FRANSEN'" in note for note in ImportRun.objects.get().report[0]["notes"])


def test_an_unknown_minister_becomes_a_new_person_with_the_office_as_printed():
    result = run(DOCUMENTS / "unknown-minister.txt")
    question = Question.objects.get()
    assert question.addressee.full_name == "Anna De Brabander"
    assert question.addressee_office.title == "VLAAMS MINISTER VAN WELZIJN EN ARMOEDEBESTRIJDING"
    assert question.addressee_office.government.slug == "diependaele"
    assert "new person: Anna De Brabander (minister)" in result.report[0]["notes"]


def test_open_data_records_import_each_on_their_own_and_are_found_again_by_their_id():
    result = run(DOCUMENTS / "open-data-records.json")
    assert [entry["outcome"] for entry in result.report] == ["created", "created", "failed"]
    assert Question.objects.get(open_data_id="1450827").answer.answered_on == datetime.date(2018, 7, 25)
    again = run(DOCUMENTS / "open-data-records.json")
    assert [entry["outcome"] for entry in again.report] == ["unchanged", "unchanged", "failed"]


def test_an_open_data_record_and_the_text_document_of_the_same_question_merge():
    run(DOCUMENTS / "open-data-records.json")
    result = run(SEED)
    assert outcomes(result) == [(SEED.name, "updated")]
    question = Question.objects.get(number=551)
    assert (question.open_data_id, question.answer.answered_on) == ("1450827", datetime.date(2018, 7, 25))
    assert "wil ik een projectoproep lanceren" in question.answer.text
    assert question.answer.answered_in_time is True, "the text document says nothing of the term: the verdict stays"


def test_the_parliaments_verdict_on_the_term_is_kept_and_a_later_record_may_change_it():
    record = {
        "id": 9001,
        "nummer": 12,
        "onderwerp": "Wachtlijsten",
        "zittingsjaar": "2018-2019",
        "vraagsteller": {"naam": "Peeters", "voornaam": "An"},
        "minister": {"naam": "Jansen", "voornaam": "Jan"},
        "procedureverloop": [
            {"status": "Vraag ingediend", "datum": "2019-01-07"},
            {"status": "Laattijdig beantwoord", "datum": "2019-02-20"},
        ],
    }
    first = run(("record.json", json.dumps(record).encode()))
    assert "answered late, according to the parliament" in first.report[0]["notes"]
    answer = Answer.objects.get(question__open_data_id="9001")
    assert (answer.answered_in_time, answer.question.answer_due_on) == (False, datetime.date(2019, 2, 4))
    record["tijdig"] = "ja"  # the parliament corrected its record
    run(("record.json", json.dumps(record).encode()))
    answer.refresh_from_db()
    assert answer.answered_in_time is True


# The Flemish Parliament's records as served: written from /work/shared/sources/vlaams-parlement.md
# (see tests/data/documents/PROVENANCE.md), not recorded.
RECORD_551 = {"JSON": DOCUMENTS / "open-data-551.json", "XML": DOCUMENTS / "open-data-551.xml"}


def assert_one_question_from_record_and_document():
    question = Question.objects.get()
    assert (question.number, question.open_data_id, question.session_year) == (551, "1450827", "2017-2018")
    assert "wil ik een projectoproep lanceren" in question.answer.text, "the text comes from the document"
    answer = question.answer
    assert (answer.answered_on, answer.answered_in_time, answer.kind_wording) == (
        datetime.date(2018, 7, 25),
        True,
        "Volledig antwoord",
    ), "date, verdict and kind come from the record"
    assert question.documents == ["https://docs.vlaamsparlement.be/pfile?id=1450900"]
    assert [step["status"] for step in question.procedure] == [
        "Vraag ingediend",
        "Vraag gesteld aan de minister",
        "Tijdig beantwoord",
        "Antwoord gepubliceerd",
    ]
    assert question.addressee_office is not None, "the office printed in the document"
    assert Person.objects.count() == 2, "the minister and the asker of the record and of the document are one person each"
    assert (question.asker.open_data_id, question.addressee.open_data_id) == ("4263", "1907")
    assert Suggestion.objects.pending().count() == 2


@pytest.mark.parametrize("syntax", ["JSON", "XML"])
def test_a_record_then_the_document_of_the_same_question_make_one_question(syntax):
    first = run(RECORD_551[syntax])
    assert [(entry["outcome"], entry["layout"]) for entry in first.report] == [
        ("created", f"vlaams-parlement open data ({syntax})")
    ]
    second = run(SEED)
    assert outcomes(second) == [(SEED.name, "updated")]
    assert_one_question_from_record_and_document()


@pytest.mark.parametrize("syntax", ["JSON", "XML"])
def test_the_document_then_a_record_of_the_same_question_make_one_question(syntax):
    run(SEED)
    second = run(RECORD_551[syntax])
    assert [entry["outcome"] for entry in second.report] == ["updated"]
    assert_one_question_from_record_and_document()
    assert not any("new person" in note for note in second.report[0]["notes"])


def test_a_record_read_again_in_the_other_syntax_changes_nothing():
    run(RECORD_551["JSON"])
    again = run(RECORD_551["XML"])
    assert [entry["outcome"] for entry in again.report] == ["unchanged"]


@pytest.mark.parametrize("name", ["open-data-list.json", "open-data-lijst.xml"])
def test_each_record_of_a_wrapped_list_is_imported_on_its_own(name):
    result = run(DOCUMENTS / name)
    assert outcomes(result) == [(f"{name} (record 1)", "created"), (f"{name} (record 2)", "created")]
    assert sorted(Question.objects.values_list("number", flat=True)) == [147, 551]


def test_values_the_importer_does_not_know_are_kept_and_reported_not_refused():
    record = json.loads(RECORD_551["JSON"].read_text(encoding="utf-8"))
    record["tijdig"] = "grotendeels"
    record["procedureverloop"].append({"status": "Antwoord gecorrigeerd", "datum": "2018-08-01T00:00:00+02:00"})
    record["nieuw-veld"] = "iets"
    result = run(("record.json", json.dumps(record).encode()))
    assert outcomes(result) == [("record.json (record 1)", "created")]
    notes = result.report[0]["notes"]
    assert "tijdig 'grotendeels' is not a verdict this importer knows; kept as given, without a verdict" in notes
    assert "procedureverloop: step 'Antwoord gecorrigeerd' is new to this importer; kept as given" in notes
    assert "field 'nieuw-veld' is not read by this importer; as given: 'iets'" in notes
    question = Question.objects.get()
    assert question.procedure[-1] == {"status": "Antwoord gecorrigeerd", "date": "2018-08-01"}
    assert (question.answer.answered_in_time, question.answer.in_time_wording) == (True, "grotendeels"), (
        "no verdict from the word; the 'Tijdig beantwoord' step gives it"
    )


def test_our_own_export_is_reported_as_our_format(editor):
    result = upload(exported_question(), user=editor)
    assert result.report[0]["layout"] == "our export format"


@pytest.mark.parametrize(("horizon", "deadline"), [("legislature", "2019-05-26"), ("government", "2019-07-02")])
def test_a_promise_for_the_end_of_the_legislature_is_suggested_due_at_the_default_horizon(settings, horizon, deadline):
    settings.TRACKER_DEFAULT_HORIZON = horizon
    document = {
        "assembly": "vlaams-parlement",
        "number": 77,
        "asked_on": "2018-06-29",
        "asker": "An Peeters",
        "addressee": "Jan Jansen",
        "subject": "Armoedetoets",
        "answer": {"answered_on": "2018-07-19", "text": "Ik zal voor het einde van de legislatuur een decreet indienen."},
    }
    run(("vraag-77.json", json.dumps(document).encode()))
    suggestion = Suggestion.objects.get()
    assert (suggestion.deadline.isoformat(), suggestion.deadline_wording) == (deadline, "voor het einde van de legislatuur")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("answer.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
        ("scan.pdf", b"%PDF-1.4", "cannot read the PDF: it is damaged or not a PDF"),
        ("broken.xml", b"<vraag>", "not valid XML: no element found"),
        ("broken.json", b'{"number": 5,', "not valid JSON: Expecting property name enclosed in double quotes at line 1"),
        ("garbage.txt", bytes(range(256)) * 4, "not a text document (binary content)"),
        ("empty.txt", b"", "layout not recognised: expected a Flemish written question"),
    ],
)
def test_unreadable_files_are_reported_with_their_name_and_reason(name, data, reason):
    result = run((name, data))
    assert outcomes(result) == [(name, "failed")]
    assert result.report[0]["reason"].startswith(reason)
    assert Question.objects.count() == 0


def test_an_import_run_is_recorded_with_who_and_the_report(editor):
    run(SEED, user=editor)
    recorded = ImportRun.objects.get()
    assert (recorded.started_by, recorded.created, recorded.finished_at is not None) == (editor, 1, True)
    assert json.dumps(recorded.report)


# -- Importing our own JSON with commitments and history (an editor's upload) ----------------------


def upload(question: dict, *, user=None, restore=False, name="export.json"):
    document = {"format": "commitment-tracker/1", "questions": [question]}
    origin = ImportRun.Origin.RESTORE if restore else ImportRun.Origin.UPLOAD
    return import_documents([(name, json.dumps(document).encode())], user=user, origin=origin, restore=restore)


def test_an_imported_history_is_recorded_by_the_importer_now_not_by_the_names_in_the_file(editor, administrator):
    before = timezone.now()
    result = upload(exported_question(), user=editor)
    assert outcomes(result) == [("export.json (record 1)", "created")]
    commitment = Commitment.objects.get()
    added = commitment.status_updates.get(status="in_progress")
    assert (added.recorded_by, added.recorded_by_name) == (editor, "")
    assert added.recorded_at >= before
    assert commitment.reference != "C-00042", "an import gives new references; only a restore keeps them"
    assert any("kept only by an administrator's restore" in note for note in result.report[0]["notes"])


def test_importing_the_same_history_again_adds_nothing(editor):
    upload(exported_question(), user=editor)
    again = upload(exported_question(), user=editor)
    assert outcomes(again) == [("export.json (record 1)", "unchanged")]
    assert StatusUpdate.objects.count() == 2


def test_an_imported_commitment_without_a_deadline_gets_the_default_horizon(editor):
    upload(exported_question(), user=editor)
    commitment = Commitment.objects.get()
    assert (commitment.deadline_source, commitment.deadline) == ("default", datetime.date(2019, 5, 26))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"commitments.0.status_history.1.observed_on": "2099-03-01"}, "The date observed cannot lie in the future."),
        ({"commitments.0.status_history.1.observed_on": "2017-03-01"}, "cannot lie before the commitment was made"),
        ({"commitments.0.status_history.1.evidence_url": "javascript:alert(1)"}, "http:// or https://"),
        ({"commitments.0.status_history.1.status": "position_changed"}, "for refusals only"),
    ],
)
def test_an_impossible_history_in_a_file_fails_the_document_and_writes_nothing(editor, change, reason):
    result = upload(exported_question(**change), user=editor)
    assert outcomes(result) == [("export.json (record 1)", "failed")]
    assert reason in result.report[0]["reason"]
    assert "status_history[2]" in result.report[0]["reason"]
    assert database_counts() == {name: 0 for name in database_counts()}


def test_voided_updates_in_a_file_are_left_out_of_an_import(editor):
    voided = {"by": "admin", "at": "2019-04-01T10:00:00+02:00", "reason": "Fout."}
    result = upload(exported_question(**{"commitments.0.status_history.1.voided": voided}), user=editor)
    assert list(StatusUpdate.objects.values_list("status", flat=True)) == ["announced"]
    assert any("1 voided status update(s) in the file left out" in note for note in result.report[0]["notes"])


# -- Restoring a full export (administrators) -------------------------------------------------------


def test_a_restore_keeps_references_authors_times_and_voids(administrator):
    voided = {"by": "ada-admin", "at": "2019-04-01T10:00:00+02:00", "reason": "Te vroeg."}
    question = exported_question(**{"commitments.0.status_history.1.voided": voided})
    result = upload(question, user=administrator, restore=True)
    assert outcomes(result) == [("export.json (record 1)", "created")]
    commitment = Commitment.objects.get()
    assert commitment.reference == "C-00042"
    restored = commitment.status_updates.get(status="in_progress")
    assert (restored.recorded_by, restored.recorded_by_name) == (None, "admin"), "no user 'admin' here: the name is kept"
    assert restored.recorded_at == datetime.datetime(2019, 3, 2, 8, 30, tzinfo=datetime.UTC)
    assert (restored.void.voided_by, restored.void.reason) == (administrator, "Te vroeg.")
    assert commitment.current_status == "announced", "the voided update does not count"
    assert (commitment.deadline_source, commitment.deadline) == ("none", None), "the deadline comes back as exported"
    assert ImportRun.objects.get().origin == ImportRun.Origin.RESTORE


def test_a_restore_run_again_adds_nothing_and_one_interrupted_is_completed(administrator):
    upload(exported_question(), user=administrator, restore=True)
    StatusUpdate.objects.filter(status="in_progress").delete()  # as if the first run stopped half-way
    again = upload(exported_question(), user=administrator, restore=True)
    assert outcomes(again) == [("export.json (record 1)", "updated")]
    third = upload(exported_question(), user=administrator, restore=True)
    assert outcomes(third) == [("export.json (record 1)", "unchanged")]
    assert StatusUpdate.objects.count() == 2


def test_a_restore_into_an_installation_with_other_history_is_refused_and_writes_nothing(administrator):
    upload(exported_question(), user=administrator, restore=True)
    commitment_record_status(
        commitment=Commitment.objects.get(), user=administrator, status="delayed", observed_on=datetime.date(2020, 1, 1)
    )
    other = CommitmentFactory()
    before = database_counts()
    result = upload(exported_question(), user=administrator, restore=True)
    assert outcomes(result) == [("export.json", "failed")]
    reason = result.report[0]["reason"]
    assert reason.startswith("restore refused, nothing written")
    assert f"{other.reference} is stored here but is not in the export" in reason
    assert "C-00042 has a status update here (delayed, observed 2020-01-01)" in reason
    assert database_counts() == before


def test_a_restore_needs_the_original_times(administrator):
    result = upload(exported_question(**{"commitments.0.status_history.1.recorded_at": None}), user=administrator, restore=True)
    assert "recorded_at missing (a restore keeps the original times)" in result.report[0]["reason"]
    assert not Commitment.objects.exists()


def test_a_restore_reads_only_full_exports(administrator):
    result = import_documents([(SEED.name, SEED.read_bytes())], user=administrator, restore=True)
    assert outcomes(result) == [(SEED.name, "failed")]
    assert "a restore reads a full export" in result.report[0]["reason"]


# -- Hostile and broken files ---------------------------------------------------------------------


def test_json_nested_deeper_than_the_limit_is_refused_naming_the_limit_and_the_run_finishes(editor):
    result = run(("deep.json", b"[" * 100_000 + b"]" * 100_000), user=editor)
    assert outcomes(result) == [("deep.json", "failed")]
    assert result.report[0]["reason"] == "the JSON nests 100000 levels deep; the limit is 32 (an export needs 8)"
    assert ImportRun.objects.get().finished_at is not None


def test_brackets_inside_strings_do_not_count_as_nesting():
    voided = {"by": "admin", "at": "2019-04-01T10:00:00+02:00", "reason": "Fout ]]]}}} {{{[[["}
    record = exported_question(subject="[[[[{{{{" * 20, **{"commitments.0.status_history.1.voided": voided})
    assert json_depth(json.dumps({"questions": [record]})) == 8


def test_an_unexpected_error_fails_only_its_document_and_the_run_still_finishes(caplog):
    with mock.patch("tracker.imports.upsert._suggest", side_effect=[RuntimeError("bug"), 0]):
        result = run(SEED, DOCUMENTS / "unknown-minister.txt")
    assert outcomes(result) == [(SEED.name, "failed"), ("unknown-minister.txt", "created")]
    assert result.report[0]["reason"] == "an unexpected error; the details are in the server log"
    assert "Importing vraag-551-2017-2018.txt failed unexpectedly" in caplog.text
    assert ImportRun.objects.get().finished_at is not None
