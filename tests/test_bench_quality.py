"""The measurement of the suggestions on the labelled corpus (bench/quality.py): what counts as found,
missed and falsely suggested, on a small corpus made here."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import quality
from quality import measure, report

ANSWER = (
    "1. Ik zal tegen eind 2025 een projectoproep lanceren. "
    "De gemeenten zullen zelf een plan opmaken. "
    "Ik plan geen aparte regeling voor deze groep. "
    "Vorig jaar werden 12 projecten gesteund."
)


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "labels").mkdir()
    (tmp_path / "documents" / "a.txt").write_text(ANSWER, encoding="utf-8")
    listed = [{"id": "a", "assembly": "vlaams-parlement", "answered_on": "2024-03-01", "split": "dev"}]
    (tmp_path / "documents.json").write_text(json.dumps(listed), encoding="utf-8")
    return tmp_path


def label_lines(corpus, *entries):
    (corpus / "labels" / "a.jsonl").write_text("\n".join(json.dumps(entry) for entry in entries), encoding="utf-8")


def test_a_promise_covered_by_a_suggestion_is_found_and_one_suggested_without_label_is_a_false_positive(corpus):
    label_lines(
        corpus,
        {
            "sentence": "Ik zal tegen eind 2025 een projectoproep lanceren.",
            "label": "commitment",
            "kind": "project_call",
            "deadline_wording": "tegen eind 2025",
            "deadline": "2025-12-31",
        },
        {"sentence": "De gemeenten zullen zelf een plan opmaken.", "label": "none"},
        {"sentence": "Ik plan geen aparte regeling voor deze groep.", "label": "none"},  # labelled none on purpose
        {"sentence": "Vorig jaar werden 12 projecten gesteund.", "label": "none"},
    )
    result = measure("dev", corpus)
    assert (result.documents, result.sentences) == (1, 4)
    assert (result.together.found, result.together.missed) == (1, 0)
    assert result.together.false >= 1, "the refusal suggested where the label says none"
    assert any(guess.sentence.startswith("Ik plan geen aparte regeling") for guess in result.false_positives)
    assert (result.kind_right, result.kind_total) == (1, 1)
    assert (result.deadline_right, result.deadline_total) == (1, 1)
    assert "FALSE POSITIVE [refusal] a: Ik plan geen aparte regeling" in report(result, sentences=True)
    assert "FALSE POSITIVE" not in report(result, sentences=False)


def test_a_promise_nobody_suggested_is_a_miss_and_a_wrong_date_counts_against_the_deadlines(corpus):
    label_lines(
        corpus,
        {
            "sentence": "Ik zal tegen eind 2025 een projectoproep lanceren.",
            "label": "commitment",
            "kind": "funding",
            "deadline_wording": "tegen eind 2025",
            "deadline": "2025-06-30",
        },
        {"sentence": "De gemeenten zullen zelf een plan opmaken.", "label": "none"},
        {"sentence": "Ik plan geen aparte regeling voor deze groep.", "label": "refusal"},
        {"sentence": "Vorig jaar werden 12 projecten gesteund.", "label": "commitment", "kind": "action"},
    )
    result = measure("dev", corpus)
    assert result.together.missed == 1
    assert result.misses[0][0].sentence == "Vorig jaar werden 12 projecten gesteund."
    assert result.by_label["refusal"].recall == 1.0
    assert (result.kind_right, result.deadline_right, result.deadline_total) == (0, 0, 1)


def test_a_labelled_sentence_that_is_not_in_its_document_is_reported(corpus):
    label_lines(corpus, {"sentence": "Een zin die er niet staat.", "label": "none"})
    with pytest.raises(ValueError, match="labelled sentence not in the text"):
        measure("dev", corpus)


def test_an_elaboration_of_a_promise_counts_neither_as_missed_nor_as_falsely_suggested(corpus):
    label_lines(
        corpus,
        {
            "sentence": "Ik zal tegen eind 2025 een projectoproep lanceren.",
            "label": "commitment",
            "kind": "project_call",
            "deadline_wording": "tegen eind 2025",
            "deadline": "2025-12-31",
        },
        {
            "sentence": "De gemeenten zullen zelf een plan opmaken.",
            "label": "commitment",
            "kind": "action",
            "note": "elaboration: how the call works",
        },
        {"sentence": "Ik plan geen aparte regeling voor deze groep.", "label": "refusal", "note": "repeats: said before"},
        {"sentence": "Vorig jaar werden 12 projecten gesteund.", "label": "none"},
    )
    result = measure("dev", corpus)
    assert (result.together.found, result.together.missed, result.together.false) == (1, 0, 0)


def test_the_development_split_parts_into_two_halves_by_document_the_same_way_every_time(tmp_path):
    (tmp_path / "documents").mkdir()
    listed = [{"id": f"d{number:02}", "split": "dev"} for number in range(10)] + [{"id": "t", "split": "test"}]
    (tmp_path / "documents.json").write_text(json.dumps(listed), encoding="utf-8")
    tune = [document["id"] for document in quality.documents("dev", tmp_path, "tune")]
    check = [document["id"] for document in quality.documents("dev", tmp_path, "check")]
    assert len(tune) == len(check) == 5
    assert sorted(tune + check) == [f"d{number:02}" for number in range(10)]
    assert tune == [document["id"] for document in quality.documents("dev", tmp_path, "tune")]
