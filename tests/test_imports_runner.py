"""Importing: idempotent, atomic per document, never losing what staff did."""

import datetime
import json
from pathlib import Path
from unittest import mock

import pytest
from django.db import DatabaseError

from tracker.imports.runner import import_documents
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
        ("scan.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
        ("broken.json", b'{"number": 5,', "not valid JSON: Expecting property name enclosed in double quotes at line 1"),
        ("garbage.txt", bytes(range(256)) * 4, "not a text document (binary content)"),
        ("empty.txt", b"", "answer missing: no line 'ANTWOORD' found"),
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
