"""Importing a text document in each layout end to end, through the runner: the question, its
answer, its people and the suggestions land in the database as the layout read them, and the same
question in two layouts is one question."""

from pathlib import Path

import pytest

from tracker.imports.runner import import_documents
from tracker.models import Question, Suggestion

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
    assert entry["layout"] in {"flemish-printed", "flemish-collapsed"}
    question = Question.objects.get()
    assert entry["citation"].startswith(question.citation)
    assert question.answer_due_on is not None
    assert entry["suggestions"] == Suggestion.objects.count()


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
