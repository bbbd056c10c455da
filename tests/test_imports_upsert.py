"""Writing a parsed record: what the parliaments' records carry besides the question and its answer."""

import datetime

import pytest

from tracker.imports.records import AnswerRecord, HoldingReplyRecord, PersonRecord, ProcedureStep, QuestionRecord
from tracker.imports.upsert import question_upsert
from tracker.models import HoldingReply, Person, Question, Suggestion

pytestmark = pytest.mark.django_db

D = datetime.date


def house_record(**changes) -> QuestionRecord:
    values = {
        "assembly": "tweede-kamer",
        "number": 412,
        "session_year": "2023-2024",
        "asked_on": D(2023, 10, 3),
        "asker": PersonRecord(name="Jansen", party="PvdA"),
        "co_askers": (PersonRecord(name="De Boer", party="GL"),),
        "addressee": PersonRecord(name="De Vries"),
        "office": "Minister van Onderwijs, Cultuur en Wetenschap",
        "subject": "de bekostiging van de kinderopvang",
        "documents": ("https://zoek.officielebekendmakingen.nl/ah-tk-20232024-412.pdf",),
        "holding_replies": (
            HoldingReplyRecord(text="De vragen kunnen niet binnen de termijn worden beantwoord.", received_on=D(2023, 10, 24)),
        ),
    }
    return QuestionRecord(**{**values, **changes})


def test_a_house_question_keeps_its_co_askers_parties_documents_and_holding_reply_but_is_not_answered():
    question = question_upsert(house_record()).question
    assert [person.full_name for person in question.co_askers.all()] == ["De Boer"]
    assert (question.asker.party.abbreviation, question.co_askers.get().party.abbreviation) == ("PvdA", "GL")
    assert question.documents == ["https://zoek.officielebekendmakingen.nl/ah-tk-20232024-412.pdf"]
    assert question.addressee_office.government.slug == "rutte-iv"
    assert HoldingReply.objects.get(question=question).received_on == D(2023, 10, 24)
    assert not hasattr(Question.objects.get(pk=question.pk), "answer"), "a holding reply is not an answer"
    assert Question.objects.late(as_of=D(2023, 10, 25)).get() == question, "still late once the three weeks passed"


def test_importing_again_adds_no_second_holding_reply_and_documents_add_up():
    question_upsert(house_record())
    outcome = question_upsert(house_record(documents=("https://example.org/antwoord.html",)))
    assert outcome.outcome == "updated"
    question = Question.objects.get()
    assert question.documents == [
        "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-412.pdf",
        "https://example.org/antwoord.html",
    ]
    assert HoldingReply.objects.count() == 1
    assert question_upsert(house_record(documents=())).outcome == "unchanged"


def test_the_verdict_and_kind_of_answer_are_kept_as_the_parliament_words_them():
    record = house_record(
        answer=AnswerRecord(
            text="1. Ja.", answered_on=D(2023, 11, 14), in_time_wording="te laat (uitstel)", kind_wording="verwijzing"
        ),
        procedure=(ProcedureStep(status="Vraag ingediend", on=D(2023, 10, 3)), ProcedureStep(status="Iets nieuws")),
    )
    question = question_upsert(record).question
    answer = Question.objects.get(pk=question.pk).answer
    assert (answer.in_time_wording, answer.kind_wording, answer.answered_in_time) == ("te laat (uitstel)", "verwijzing", None)
    assert question.procedure == [{"status": "Vraag ingediend", "date": "2023-10-03"}, {"status": "Iets nieuws", "date": None}]


def test_an_answer_holding_the_same_promise_twice_gives_one_suggestion():
    sentence = "Ik zal tegen eind 2024 een projectoproep lanceren."
    record = house_record(answer=AnswerRecord(text=f"1. {sentence}\n\n2. {sentence}", answered_on=D(2023, 11, 14)))
    outcome = question_upsert(record)
    assert outcome.suggestions_added == 1
    assert Suggestion.objects.count() == 1
    assert Person.objects.filter(last_name="Jansen").count() == 1


def test_a_document_link_that_is_not_a_web_address_is_left_out_and_reported():
    outcome = question_upsert(house_record(documents=("javascript:alert(1)", "https://example.org/a.pdf")))
    assert outcome.question.documents == ["https://example.org/a.pdf"]
    assert "document link left out, not a web address: 'javascript:alert(1)'" in outcome.notes


def test_the_question_page_shows_co_askers_the_holding_reply_and_the_documents(viewer_client):
    question = question_upsert(house_record()).question
    html = viewer_client.get(question.get_absolute_url()).content.decode()
    assert "Also asked by De Boer (GL)" in html
    assert "Holding reply" in html
    assert "De vragen kunnen niet binnen de termijn worden beantwoord." in html
    assert 'href="https://zoek.officielebekendmakingen.nl/ah-tk-20232024-412.pdf"' in html
    assert "Not answered yet." in html


def test_a_suggested_deadline_without_a_date_is_stored_with_its_wording_and_no_date():
    record = house_record(
        answer=AnswerRecord(text="1. Ik zal uw Kamer zo spoedig mogelijk informeren.", answered_on=D(2023, 11, 14))
    )
    question_upsert(record)
    suggestion = Suggestion.objects.get()
    assert (suggestion.deadline, suggestion.deadline_wording, suggestion.deadline_precision) == (None, "zo spoedig mogelijk", "")
