"""The text-document parser on the seed and on variants with the same defects (golden files)."""

from pathlib import Path

import pytest

from tests.golden import assert_matches_golden
from tracker.imports.records import DocumentError
from tracker.imports.runner import decode
from tracker.imports.suggestions import suggest_commitments
from tracker.imports.text import parse_text_document

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "data" / "documents"
SEED = ROOT / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"
READABLE = [SEED, DOCUMENTS / "broken-paragraphs.txt", DOCUMENTS / "unknown-minister.txt", DOCUMENTS / "windows-1252.txt"]


def parse(path: Path):
    text, notes = decode(path.read_bytes())
    record = parse_text_document(text)
    record.notes[:0] = notes
    return record


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.stem)
def test_document_parses_to_its_golden_record_and_suggestions(path):
    record = parse(path)
    answer = record.answer
    suggestions = suggest_commitments(answer.text, made_on=answer.answered_on or record.asked_on)
    golden = DOCUMENTS / f"{'seed-551' if path == SEED else path.stem}.expected.json"
    assert_matches_golden({"record": record, "suggestions": suggestions}, golden)


def test_the_seed_header_is_read_despite_its_markup():
    record = parse(SEED)
    assert (record.number, record.asked_on.isoformat()) == (551, "2018-06-29")
    assert (record.asker.name, record.addressee.name) == ("CINDY FRANSSEN", "LIESBETH HOMANS")
    assert record.office.startswith("VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR")
    assert record.subject == "Persoonlijke netwerkversterking bij mensen in armoede - Studie"
    assert record.asker_variants == ("CINDY FRANSEN",)
    assert record.answer.answered_on is None


def test_the_seed_paragraph_broken_by_the_page_break_is_joined():
    record = parse(SEED)
    assert "Hun kaders zijn niet dezelfde als die van mensen die al lange tijd in armoede leven" in record.text


def test_markup_and_separators_are_removed():
    record = parse(SEED)
    for text in (record.text, record.answer.text, record.subject, record.office):
        assert "**" not in text
        assert "---" not in text
        assert not text.startswith("*")


def test_the_seed_suggestions_are_exactly_the_project_call_and_the_refusal():
    record = parse(SEED)
    suggestions = suggest_commitments(record.answer.text, made_on=record.asked_on)
    assert [(s.kind, s.sentence.split(",")[-1].strip()[:40]) for s in suggestions] == [
        ("project_call", "wil ik een projectoproep lanceren om pro"),
        ("refusal", "Ik plan geen specifieke acties naar 'nie"),
    ]


def test_hyphenation_page_numbers_and_wrapped_lines_are_repaired():
    record = parse(DOCUMENTS / "broken-paragraphs.txt")
    assert "waar de energiefactuur een groot deel" in record.text
    assert "Dat bleek ook uit de cijfers die de minister" in record.text
    assert "Pagina" not in record.text
    assert "huurders met een bescheiden inkomen." in record.answer.text
    assert "- 2 -" not in record.answer.text
    assert record.office == "VLAAMS MINISTER VAN JUSTITIE EN HANDHAVING, OMGEVING, ENERGIE EN TOERISME"
    assert record.answer.answered_on.isoformat() == "2019-12-12"


def test_a_windows_1252_file_is_read_with_its_accents_and_a_note():
    record = parse(DOCUMENTS / "windows-1252.txt")
    assert "crèches" in record.text
    assert "geïndexeerd" in record.text
    assert "read as Windows-1252 (the file is not UTF-8)" in record.notes


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing-date.txt", "no question date found (a line like 'datum: 29 juni 2018')"),
        ("two-answers.txt", "2 answers ('ANTWOORD') found in one document: import each question and answer separately"),
        ("no-answer.txt", "answer missing: no line 'ANTWOORD' found"),
        ("no-number.txt", "no question number found (a line like 'nr. 551')"),
        ("wrong-answer-number.txt", "the answer is to question nr. 81, not nr. 80"),
    ],
)
def test_an_unreadable_document_is_refused_with_the_exact_reason(name, reason):
    with pytest.raises(DocumentError) as error:
        parse(DOCUMENTS / name)
    assert str(error.value) == reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02PK\x03\x04" * 100, "not a text document (binary content)"),
        (b"\x81\x8d\x8f\x90\x9d" * 20, "cannot read the text: it is neither UTF-8 nor Windows-1252"),
    ],
)
def test_binary_garbage_and_undecodable_bytes_are_refused(data, reason):
    with pytest.raises(DocumentError) as error:
        decode(data)
    assert str(error.value) == reason


def test_accents_encoded_twice_are_repaired():
    text, notes = decode("Ã©Ã©n coÃ¶peratie".encode())
    assert text == "één coöperatie"
    assert notes == ["repaired accents encoded twice (Ã© for é)"]


def test_utf8_with_byte_order_mark_and_utf16_are_read():
    assert decode("\ufeffnr. 551".encode("utf-8"))[0] == "nr. 551"
    assert decode("nr. 551 één".encode("utf-16"))[0] == "nr. 551 één"
