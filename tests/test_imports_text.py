"""Text documents in each layout: every sample under tests/data/documents/ against its golden file
(PROVENANCE.md there says which samples are real and where they come from), then what each layout
must get right, and what every refusal must say."""

from pathlib import Path

import pytest

from tests.golden import assert_matches_golden
from tracker.imports.layouts.detect import NOT_RECOGNISED
from tracker.imports.records import DocumentError
from tracker.imports.runner import decode
from tracker.imports.suggestions import suggest_commitments
from tracker.imports.text import parse_text_document

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "data" / "documents"
SEED = ROOT / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"
SAMPLES = [SEED, *sorted(DOCUMENTS.glob("*.txt"))]


def parse(path: Path):
    text, notes = decode(path.read_bytes())
    record = parse_text_document(text)
    record.notes[:0] = notes
    return record


def read(text: str):
    return parse_text_document(text)


def aanhangsel(*, members="het lid Jansen (PvdA)", number="412", body="Vraag 1\nKlopt het?\nAntwoord 1\nJa."):
    """A short Aanhangsel in the layout of tweede-kamer.md, for what one test varies."""
    return (
        f"Vergaderjaar 2023–2024 Aanhangsel van de Handelingen\n\n{number}\n"
        f"Vragen van {members} aan de Minister van Onderwijs, Cultuur en Wetenschap over\n"
        "de bekostiging van de kinderopvang (ingezonden 3 oktober 2023).\n\n"
        "Antwoord van Minister De Vries (Onderwijs, Cultuur en Wetenschap) (ontvangen\n14 november 2023).\n\n"
        f"{body}\n"
    )


def golden_for(path: Path) -> Path:
    return DOCUMENTS / f"{'seed-551' if path == SEED else path.stem}.expected.json"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_each_sample_parses_to_its_golden_record_and_suggestions_or_refusal(path):
    try:
        record = parse(path)
    except DocumentError as error:
        assert_matches_golden({"refused": str(error)}, golden_for(path))
        return
    answer = record.answer
    suggestions = suggest_commitments(answer.text, made_on=answer.answered_on or record.asked_on) if answer else []
    assert_matches_golden({"record": record, "suggestions": suggestions}, golden_for(path))


@pytest.mark.parametrize(
    ("name", "layout", "assembly"),
    [
        ("broken-paragraphs.txt", "flemish-printed", "vlaams-parlement"),
        ("vp-606-printed.txt", "flemish-printed", "vlaams-parlement"),
        ("vp-606-collapsed.txt", "flemish-collapsed", "vlaams-parlement"),
        ("seed-551-collapsed.txt", "flemish-collapsed", "vlaams-parlement"),
        ("tk-ah-20232024-387.txt", "tweede-kamer-aanhangsel", "tweede-kamer"),
        ("tk-mededeling-412.txt", "tweede-kamer-aanhangsel", "tweede-kamer"),
    ],
)
def test_the_layout_is_detected_and_named_on_the_record(name, layout, assembly):
    record = parse(DOCUMENTS / name)
    assert (record.layout, record.assembly) == (layout, assembly)


# -- The Flemish written question as printed --------------------------------------------------------


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


def test_a_real_conversion_without_blank_lines_keeps_its_paragraphs_and_drops_the_glued_signature():
    record = parse(DOCUMENTS / "vp-606-printed.txt")
    paragraphs = record.text.split("\n\n")
    assert paragraphs[0].endswith("uit de staalindustrie.")
    assert paragraphs[1].startswith("Aan het project werd bijna vijf jaar")
    assert (
        paragraphs[-1]
        == "3. Kan de sociale woningsector, naar analogie met bijvoorbeeld het ASTER-project, hierbij het voortouw nemen?"
    )
    assert "DIEPENDAELE" not in record.text
    assert record.answer.text.startswith("1. Gezien de bredere tendens")


def test_an_item_number_glued_to_its_first_word_is_separated():
    record = parse(DOCUMENTS / "vp-1037-printed.txt")
    assert "\n\n1. Hoeveel aanvragen" in record.text
    assert record.answer.text.startswith("1-2. Bij dossiers")


def test_the_answer_spelling_a_name_with_another_apostrophe_is_the_same_asker():
    record = parse(DOCUMENTS / "vp-1532-printed.txt")
    assert record.asker.name == "JOS D'HAESE"
    assert record.asker_variants == ()


# -- The Flemish written question with its line breaks collapsed ------------------------------------


@pytest.mark.parametrize(
    ("printed", "collapsed"),
    [(SEED, DOCUMENTS / "seed-551-collapsed.txt"), (DOCUMENTS / "vp-606-printed.txt", DOCUMENTS / "vp-606-collapsed.txt")],
    ids=["seed-551", "vp-606"],
)
def test_the_collapsed_copy_reads_as_the_printed_question(printed, collapsed):
    first, second = parse(printed), parse(collapsed)
    for field in ("number", "asked_on", "asker", "addressee", "office", "subject", "assembly", "asker_variants"):
        assert getattr(second, field) == getattr(first, field), field
    assert second.text.split("\n\n")[-2:] == first.text.split("\n\n")[-2:]
    assert [s.sentence for s in suggest_commitments(second.answer.text, made_on=second.asked_on)] == [
        s.sentence for s in suggest_commitments(first.answer.text, made_on=first.asked_on)
    ]


def test_a_question_put_to_several_ministers_is_the_one_to_the_minister_who_answered():
    record = parse(DOCUMENTS / "vp-several-ministers-collapsed.txt")
    assert (record.number, record.addressee.name) == (256, "HILDE VANDAMME")
    assert "Deze vraag werd gesteld" not in record.text
    assert (
        "also put to Jan Peeters (nr. 142), Bart Claes (nr. 311): imported as the question to HILDE VANDAMME (nr. 256)"
        in record.notes
    )


def test_the_several_ministers_line_lets_the_answer_carry_the_answering_ministers_number():
    text = (DOCUMENTS / "vp-several-ministers-collapsed.txt").read_text(encoding="utf-8")
    record = read(text.replace("SCHRIFTELIJKE VRAAG nr. 256", "SCHRIFTELIJKE VRAAG nr. 142"))
    assert record.number == 256


def test_a_collapsed_copy_may_keep_or_lose_the_word_aan():
    text = (DOCUMENTS / "vp-606-collapsed.txt").read_text(encoding="utf-8")
    with_aan = read(text.replace("2023 MATTHIAS", "2023 aan MATTHIAS", 1))
    assert (with_aan.addressee.name, with_aan.subject) == ("MATTHIAS DIEPENDAELE", "CO2-negatieve gevelsteen - Toepassing")


# -- The Tweede Kamer's Aanhangsel -------------------------------------------------------------------


def test_the_aanhangsel_header_gives_number_session_asker_office_subject_and_dates():
    record = parse(DOCUMENTS / "tk-ah-20232024-387.txt")
    assert (record.number, record.session_year, record.asked_on.isoformat()) == (387, "2023-2024", "2023-10-02")
    assert (record.asker.name, record.asker.party) == ("Boswijk", "CDA")
    assert (record.addressee.name, record.office) == ("Bruins Slot", "Minister van Buitenlandse Zaken")
    assert record.subject == "de situatie in de Zuidelijke Kaukasus"
    assert record.answer.answered_on.isoformat() == "2023-11-13"
    assert record.documents == ("https://zoek.officielebekendmakingen.nl/ah-tk-20232024-387.html",)


def test_co_askers_come_with_their_party_and_mede_namens_is_a_note():
    record = parse(DOCUMENTS / "tk-ah-20232024-2353.txt")
    assert [(p.name, p.party) for p in (record.asker, *record.co_askers)] == [("Paternotte", "D66"), ("Bamenga", "D66")]
    assert (record.addressee.name, record.office) == (
        "Veldkamp",
        "Ministers van Buitenlandse Zaken en van Infrastructuur en Waterstaat",
    )
    assert record.answer.answered_on.isoformat() == "2024-08-27"  # printed "(ontvangen (ontvangen 27 augustus2024)"
    assert (
        "answered by Minister Veldkamp (Buitenlandse Zaken), mede namens de Minister van Infrastructuur en Waterstaat"
        in record.notes
    )


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ("het lid Jansen (PvdA)", [("Jansen", "PvdA")]),
        ("de leden Michon-Derkzen (VVD) en Helder (BBB)", [("Michon-Derkzen", "VVD"), ("Helder", "BBB")]),
        (
            "de leden Bouchallikh, Bromet en Kröger (allen GroenLinks)",
            [("Bouchallikh", "GroenLinks"), ("Bromet", "GroenLinks"), ("Kröger", "GroenLinks")],
        ),
        (
            "de leden Inge van Dijk , Vedder (beiden CDA) en Welzijn (Nieuw\nSociaal Contract)",
            [("Inge van Dijk", "CDA"), ("Vedder", "CDA"), ("Welzijn", "Nieuw Sociaal Contract")],
        ),
    ],
)
def test_every_member_who_put_the_questions_is_read_with_their_party(members, expected):
    record = read(aanhangsel(members=members))
    assert [(p.name, p.party) for p in (record.asker, *record.co_askers)] == expected


def test_questions_and_answers_are_paired_by_number_and_footnotes_and_furniture_removed():
    record = parse(DOCUMENTS / "tk-ah-20232024-387.txt")
    numbers = [part.split(".")[0] for part in record.text.split("\n\n") if part[:1].isdigit()]
    assert numbers == ["1", "2", "3", "4", "6", "7", "8", "9", "10"]
    assert "4. Deelt u de zorg" in record.text
    assert "Hoe wordt door de Europese Unie" in record.text
    assert record.answer.text.startswith("1. Ja.\n\n2. Het leidt geen twijfel")
    assert "\n\n4. In het trilaterale akkoord" in record.answer.text
    assert "questions 4 and 5 are printed together, numbered 4" in record.notes
    for text in (record.text, record.answer.text):
        for furniture in (
            "[1",
            "Nederlands Dagblad",
            "Kamerstuk 21 501-02, nr. 2733",
            "h tk",
            "-----",
            "Aanhangsel",
            "Vraag 2",
            "Antwoord 3",
        ):
            assert furniture not in text
    assert "moet worden over gepaste maatregelen." in record.answer.text
    assert "11e sanctiepakket" in record.answer.text


def test_footnotes_of_a_pdf_to_text_copy_and_their_markers_are_removed():
    record = parse(DOCUMENTS / "tk-ah-20222023-3649.txt")
    assert "Brabants Dagblad" not in record.text + record.answer.text
    assert "In de Kamerbrief van 30 juni 2023 is aangegeven" in record.answer.text
    assert "van het lid Bromet (GL) is de problematiek" in record.answer.text
    assert record.answer.text.endswith("om de fabrikant eventueel aansprakelijk te stellen.")


def test_a_question_whose_heading_was_lost_at_a_page_break_is_recovered():
    record = parse(DOCUMENTS / "tk-ah-20232024-302.txt")
    assert "\n\n2. van een zogeheten privacyverklaring" in record.text
    assert "privacyverklaring in de ggz?" not in record.answer.text
    assert any("heading of question 2 was lost" in note for note in record.notes)


def test_a_mededeling_is_a_holding_reply_and_no_answer():
    record = parse(DOCUMENTS / "tk-mededeling-412.txt")
    assert record.answer is None
    assert record.text == ""
    (reply,) = record.holding_replies
    assert reply.received_on.isoformat() == "2023-10-24"
    assert reply.text.startswith("De vragen van het lid Jansen (PvdA) over de bekostiging")
    assert reply.text.endswith("zo spoedig mogelijk te beantwoorden.")
    assert (record.addressee.name, record.number) == ("De Vries", 412)


def test_an_answer_after_a_mededeling_keeps_the_mededelings_number():
    record = parse(DOCUMENTS / "tk-answer-612-after-mededeling.txt")
    assert (record.number, record.session_year) == (412, "2023-2024")
    assert record.answer.source_url == "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-612.html"
    assert any("the answer itself is Aanhangsel nr. 612" in note for note in record.notes)


@pytest.mark.parametrize(
    ("body", "question", "answer"),
    [
        (
            "Vraag 1\nKlopt het?\nAntwoord 1\nJa.\nVragen 2 en 3\nWaarom?\nWanneer?\nAntwoord op vraag 2 en 3\nOmdat.",
            "2. Waarom?",
            "2. Omdat.",
        ),
        ("Vraag 1\nKlopt het?\nVraag 2\nWaarom?\nAntwoord 1\nJa.\nAntwoord 2\nOmdat.", "2. Waarom?", "2. Omdat."),
        ("1\nKlopt het?\nAntwoord 1\nJa.\n2\nWaarom?\nAntwoord 2\nOmdat.", "2. Waarom?", "2. Omdat."),
        ("Vraag 1 Klopt het?\nAntwoord 1 Ja.\nVraag 2 Waarom?\nAntwoord 2: Omdat.", "2. Waarom?", "2. Omdat."),
        (
            "Vraag 1\nKlopt het?\nAntwoord op vraag 1\nJa.\nVraag 2\nWaarom?\nAntwoord op vraag 2\nOmdat.",
            "2. Waarom?",
            "2. Omdat.",
        ),
    ],
    ids=["vragen-2-en-3", "all-questions-first", "plain-numbers", "text-on-the-heading-line", "antwoord-op-vraag"],
)
def test_questions_and_answers_pair_however_they_are_headed(body, question, answer):
    record = read(aanhangsel(body=body))
    assert record.text.startswith("1. Klopt het?")
    assert question in record.text.split("\n\n")
    assert record.answer.text.split("\n\n")[0] == "1. Ja."
    assert answer in record.answer.text.split("\n\n")


# -- Refusals: every one names the layout tried and what was missing ---------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing-date.txt", "Flemish written question (printed): no question date found (a line like 'datum: 29 juni 2018')"),
        (
            "two-answers.txt",
            "Flemish written question (printed): 2 answers ('ANTWOORD') found in one document: "
            "import each question and answer separately",
        ),
        ("no-answer.txt", "Flemish written question (printed): answer missing: no line 'ANTWOORD' found"),
        ("no-number.txt", "Flemish written question (printed): no question number found (a line like 'nr. 551')"),
        ("wrong-answer-number.txt", "Flemish written question (printed): the answer is to question nr. 81, not nr. 80"),
        ("tk-no-answer.txt", "Tweede Kamer Aanhangsel: no 'Antwoord van …' and no 'Mededeling' found"),
        ("vp-committee-question.txt", NOT_RECOGNISED),
    ],
)
def test_an_unreadable_document_is_refused_with_the_exact_reason(name, reason):
    with pytest.raises(DocumentError) as error:
        parse(DOCUMENTS / name)
    assert str(error.value) == reason


def test_a_document_in_no_known_layout_is_refused_naming_the_layouts_expected():
    with pytest.raises(DocumentError) as error:
        read("Beste collega,\n\nIn bijlage het antwoord van de minister.\n")
    assert str(error.value).startswith("layout not recognised: expected a Flemish written question ('SCHRIFTELIJKE VRAAG'")
    assert "or a Tweede Kamer Aanhangsel ('Vragen van het lid …' … 'Antwoord van …')" in str(error.value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "SCHRIFTELIJKE VRAAG nr. 147 van KURT DE LOOR datum: 26 februari 2024 GWENDOLYN RUTTEN VLAAMS MINISTER VAN "
            "BINNENLANDS BESTUUR Wonen - Huurpremie Een vraag. 1. Hoeveel?",
            "Flemish written question (line breaks collapsed): answer missing: no 'ANTWOORD op vraag nr. …' found",
        ),
        (
            "SCHRIFTELIJKE VRAAG nr. 147 van KURT DE LOOR datum: morgen ANTWOORD op vraag nr. 147",
            "Flemish written question (line breaks collapsed): the question date 'morgen' is not a date (write e.g. '26 februari 2024')",
        ),
        (
            "SCHRIFTELIJKE VRAAG van KURT DE LOOR datum: 26 februari 2024 ANTWOORD op vraag nr. 147",
            "Flemish written question (line breaks collapsed): no question number found ('nr. 147' after 'SCHRIFTELIJKE VRAAG')",
        ),
        (
            aanhangsel(number=""),
            "Tweede Kamer Aanhangsel: no aanhangsel number found (the number above 'Vragen van …', or an id like 'ah-tk-20232024-387')",
        ),
        (
            aanhangsel().replace("(ingezonden 3 oktober 2023)", ""),
            "Tweede Kamer Aanhangsel: the header 'Vragen van …' is incomplete: "
            "expected '… aan de Minister van … over … (ingezonden 3 oktober 2023)'",
        ),
        (
            aanhangsel(body="Ik heb de vragen gelezen."),
            "Tweede Kamer Aanhangsel: no numbered answers ('Antwoord 1', 'Antwoord 2', …) found after 'Antwoord van …'",
        ),
    ],
    ids=[
        "collapsed-no-answer",
        "collapsed-bad-date",
        "collapsed-no-number",
        "aanhangsel-no-number",
        "aanhangsel-no-date",
        "aanhangsel-unnumbered",
    ],
)
def test_a_recognised_layout_missing_a_part_says_which_layout_and_which_part(text, reason):
    with pytest.raises(DocumentError) as error:
        read(text)
    assert str(error.value) == reason
