"""The repairs every layout shares (tracker/imports/layouts/cleaning.py), on the defects found in
real conversions."""

import re

from tracker.imports.dutch_dates import parse_dutch_date
from tracker.imports.layouts.cleaning import PAGE_BREAK, clean_lines, normalise, paragraphs, remove_footnotes, strip_markup

STOPS = re.compile(r"^(?:Vraag|Antwoord)\b")  # headings: a page's footnotes never run past one


def test_accents_printed_beside_their_letter_are_joined_but_an_apostrophe_stays():
    assert (
        normalise("het lid Kostic ´ (PvdD) en Minister Yes¸ilgöz-Zegerius")
        == "het lid Kostić (PvdD) en Minister Yeşilgöz-Zegerius"
    )
    assert normalise("euro´s en D´Haese") == "euro´s en D´Haese"


def test_a_year_glued_to_its_month_is_a_date_again():
    assert parse_dutch_date(normalise("(ontvangen 27 augustus2024)")).isoformat() == "2024-08-27"


def test_markdown_emphasis_headings_and_underscores_are_removed():
    assert strip_markup("#### Vergaderjaar 2023–2024") == "Vergaderjaar 2023–2024"
    assert strip_markup("**SCHRIFTELIJKE VRAAG**") == "SCHRIFTELIJKE VRAAG"
    assert strip_markup("_die toezichthouder verzamelt» en Peiling MIND_") == "die toezichthouder verzamelt» en Peiling MIND"


def test_an_item_number_glued_to_its_first_word_gets_its_space():
    assert clean_lines("1.Hoeveel aanvragen?\n1-2.Bij dossiers") == ["1. Hoeveel aanvragen?", "1-2. Bij dossiers"]


def test_separators_form_feeds_and_page_numbers_are_page_breaks():
    assert clean_lines("een\n-----\ntwee\fdrie\nPagina 2 van 3\nvier") == [
        "een",
        PAGE_BREAK,
        "twee",
        PAGE_BREAK,
        "drie",
        PAGE_BREAK,
        "vier",
    ]
    assert clean_lines("vraag\n1\nAntwoord 1", page_numbers=False) == ["vraag", "1", "Antwoord 1"]


def test_a_conversion_that_keeps_the_wrapping_space_ends_paragraphs_where_a_line_has_none():
    text = (
        "Begin september raakte bekend dat de producent erin \n"
        "geslaagd is om een gevelsteen te ontwikkelen. Bij de productie komt geen \n"
        "koolstofdioxide vrij.\n"
        "Aan het project werd vijf jaar lang \n"
        "intensief gewerkt.\n"
    )
    assert paragraphs(clean_lines(text)) == [
        "Begin september raakte bekend dat de producent erin geslaagd is om een gevelsteen te ontwikkelen. "
        "Bij de productie komt geen koolstofdioxide vrij.",
        "Aan het project werd vijf jaar lang intensief gewerkt.",
    ]


def test_without_wrapping_spaces_a_line_clearly_shorter_than_the_typical_one_ends_its_paragraph():
    text = (
        "Het klopt dat ik hierover, op 27 september jl., met de Hoge Vertegenwoordiger heb\n"
        "gesproken. Daarnaast is tijdens de Raad Buitenlandse Zaken (RBZ) van 23 oktober\n"
        "jl. ook kort gesproken over deze situatie.\n"
        "HV Borrell stelde tijdens de RBZ ten aanzien van steun voor Armenië voor dat\n"
        "EDEO de mogelijkheden zorgvuldig zal verkennen.\n"
    )
    found = paragraphs(clean_lines(text))
    assert len(found) == 2
    assert found[1].startswith("HV Borrell stelde")


def test_footnotes_at_the_foot_of_each_page_and_their_markers_are_removed():
    lines = clean_lines(
        "Vraag 1\nKent u het bericht «Stalvloer»?\n1 \nAntwoord 1\nIn de Kamerbrief van 30 juni 2023\n2 \nis aangegeven\n"
        "dat[3 ] het zo is.\n1Brabants Dagblad, 2 juli 2023, «Stalvloer».\n2Kamerstuk 29 383, nr. 406.\n"
        "3 Kamerstuk 29 383, nr. 407.\n\f\nAntwoord 2\nJa.\n",
        page_numbers=False,
    )
    kept = [
        line if line == PAGE_BREAK else line.strip()
        for line in remove_footnotes(lines, stops=STOPS)
        if line.strip() or line == PAGE_BREAK
    ]
    assert kept == [
        "Vraag 1",
        "Kent u het bericht «Stalvloer»?",
        "Antwoord 1",
        "In de Kamerbrief van 30 juni 2023",
        "is aangegeven",
        "dat het zo is.",
        PAGE_BREAK,
        "Antwoord 2",
        "Ja.",
    ]


def test_a_line_above_the_footnotes_starting_with_the_same_number_is_text_whose_marker_goes():
    lines = clean_lines(
        "Antwoord 14\nZoals in de vragen van het lid Bromet (GL)\n4 is de problematiek niet te vergelijken.\n"
        "4(Aanhangsel Handelingen, nr. 844).\n",
        page_numbers=False,
    )
    kept = remove_footnotes(["Vraag 1", "a1 2 3", "1 Een.", "2 Twee.", "3 Drie.", PAGE_BREAK, *lines], stops=STOPS)
    assert "\n".join(kept).endswith("Zoals in de vragen van het lid Bromet (GL)\nis de problematiek niet te vergelijken.")
