"""Importing a text document in each layout end to end, through the runner: the question, its
answer or holding reply, its people and the suggestions land in the database as the layout read
them, and the same question in two layouts or two publications is one question."""

import datetime
from pathlib import Path

import pytest

from tracker.imports.runner import import_documents
from tracker.models import Answer, HoldingReply, Question, Suggestion

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "data" / "documents"
SEED = ROOT / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"
READABLE = [
    SEED,
    *(
        DOCUMENTS / f"{name}.txt"
        for name in (
            "seed-551-collapsed",
            "vp-606-printed",
            "vp-606-collapsed",
            "vp-1037-printed",
            "vp-1532-printed",
            "vp-several-ministers-collapsed",
            "tk-ah-20232024-387",
            "tk-ah-20232024-2353",
            "tk-ah-20232024-302",
            "tk-ah-20222023-3649",
            "tk-mededeling-412",
            "tk-answer-612-after-mededeling",
        )
    ),
]


def run(*paths: Path):
    return import_documents([(path.name, path.read_bytes()) for path in paths])


def only(import_run) -> dict:
    (entry,) = import_run.report
    return entry


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.stem)
def test_each_readable_sample_is_imported_as_one_question_named_by_its_layout(path):
    entry = only(run(path))
    assert (entry["outcome"], entry["reason"]) == ("created", "")
    assert entry["layout"] in {"flemish-printed", "flemish-collapsed", "tweede-kamer-aanhangsel"}
    question = Question.objects.get()
    assert entry["citation"].startswith(question.citation)
    assert question.answer_due_on is not None
    assert entry["suggestions"] == Suggestion.objects.count()


def test_a_tweede_kamer_answer_lands_with_its_co_askers_parties_minister_and_three_week_term():
    entry = only(run(DOCUMENTS / "tk-ah-20232024-2353.txt"))
    question = Question.objects.get()
    assert (question.assembly.slug, question.session_year, question.number) == ("tweede-kamer", "2023-2024", 2353)
    assert (question.asker.full_name, str(question.asker.party)) == ("Paternotte", "D66")
    assert [(p.full_name, str(p.party)) for p in question.co_askers.all()] == [("Bamenga", "D66")]
    assert question.addressee.full_name == "Veldkamp"
    assert question.addressee_office.title == "Ministers van Buitenlandse Zaken en van Infrastructuur en Waterstaat"
    assert question.answer_due_on == datetime.date(2024, 6, 20) + datetime.timedelta(days=21)
    assert question.answer.answered_on == datetime.date(2024, 8, 27)
    assert question.documents == ["https://zoek.officielebekendmakingen.nl/ah-tk-20232024-2353.html"]
    assert (
        "answered by Minister Veldkamp (Buitenlandse Zaken), mede namens de Minister van Infrastructuur en Waterstaat"
        in entry["notes"]
    )


def test_a_mededeling_alone_imports_the_question_unanswered_with_its_holding_reply():
    run(DOCUMENTS / "tk-mededeling-412.txt")
    question = Question.objects.get()
    assert not Answer.objects.exists()
    reply = HoldingReply.objects.get()
    assert (reply.question, reply.received_on) == (question, datetime.date(2023, 10, 24))
    assert question.answer_lateness(as_of=datetime.date(2023, 12, 1)).late


def test_the_answer_after_a_mededeling_completes_the_same_question_and_keeps_the_notice():
    run(DOCUMENTS / "tk-mededeling-412.txt")
    entry = only(run(DOCUMENTS / "tk-answer-612-after-mededeling.txt"))
    assert entry["outcome"] == "updated"
    question = Question.objects.get()
    assert (question.number, question.answered_on) == (412, datetime.date(2023, 11, 14))
    assert question.holding_replies.count() == 1
    assert question.documents == [
        "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-412.html",
        "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-612.html",
    ]
    assert Suggestion.objects.count() == 2


@pytest.mark.parametrize(
    ("printed", "collapsed"),
    [(SEED, DOCUMENTS / "seed-551-collapsed.txt"), (DOCUMENTS / "vp-606-printed.txt", DOCUMENTS / "vp-606-collapsed.txt")],
    ids=["seed-551", "vp-606"],
)
def test_the_printed_and_the_collapsed_text_of_one_flemish_question_are_one_question(printed, collapsed):
    run(printed)
    suggestions = list(Suggestion.objects.values_list("sentence", flat=True))
    entry = only(run(collapsed))
    assert entry["outcome"] in {"updated", "unchanged"}
    assert Question.objects.count() == 1
    assert list(Suggestion.objects.values_list("sentence", flat=True)) == suggestions


def test_importing_a_sample_again_changes_nothing():
    run(DOCUMENTS / "tk-ah-20232024-387.txt")
    assert only(run(DOCUMENTS / "tk-ah-20232024-387.txt"))["outcome"] == "unchanged"


def test_a_refused_sample_writes_nothing_and_names_its_layout():
    entry = only(run(DOCUMENTS / "tk-no-answer.txt"))
    assert entry["outcome"] == "failed"
    assert entry["reason"].startswith("Tweede Kamer Aanhangsel: ")
    assert not Question.objects.exists()
