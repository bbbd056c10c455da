"""The minister's letter as a PDF, read back with pypdf: what a minister's office would read."""

import dataclasses
import datetime
import io
import re

import pytest
from pypdf import PdfReader

from tests.factories import OfficeFactory, government
from tests.test_letters_minister import letter_for, promise
from tracker.letters.minister import LetterRow
from tracker.letters.pdf import letter_pdf
from tracker.selectors.reports import REPORT_ROWS

pytestmark = pytest.mark.django_db


def pages_of(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def office():
    return OfficeFactory(
        person__first_name="Zuhal",
        person__last_name="Demir",
        government=government("diependaele"),
        title="Vlaams minister van Justitie en Handhaving, Omgeving, Energie en Toerisme",
    )


def test_the_letter_reads_back_with_the_minister_the_promise_its_deadline_and_dutch_accents(office):
    commitment = promise(
        office.person, "Coördinatie van het éénloketbeleid", datetime.date(2024, 12, 31), wording="tegen eind 2024", number=606
    )
    data = letter_pdf(letter_for(office.person))
    assert data.startswith(b"%PDF-")
    [page] = pages_of(data)
    assert page.startswith("VLAAMS PARLEMENT")
    assert "Zuhal Demir" in page
    assert "Vlaams minister van Justitie en Handhaving, Omgeving, Energie en Toerisme" in page
    assert "Brussel, 1 januari 2026" in page
    assert "Geachte minister," in page
    assert commitment.reference in page
    assert "Coördinatie van het éénloketbeleid" in page
    assert "vraag nr. 606 van 16 oktober 2023 van Hélène Vanhée" in page
    assert "31 december 2024" in page
    assert "\u201ctegen eind 2024\u201d" in page
    assert "366" in page  # days late
    assert "Hoogachtend," in page
    assert "Pagina 1 van 1" in page


def test_a_long_letter_runs_over_numbered_pages_repeating_the_table_head(office):
    for day in range(60):
        promise(
            office.person,
            f"Belofte nummer {day} over het éénloketbeleid",
            datetime.date(2024, 1, 1) + datetime.timedelta(days=day),
        )
    pages = pages_of(letter_pdf(letter_for(office.person)))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} van {len(pages)}" in page
    # Every page the list runs over starts it with its head again.
    assert all("Kenmerk Toezegging Gedaan in antwoord op Termijn Dagen te laat" in page for page in pages[:-1])
    assert all(f"Belofte nummer {day} " in "".join(pages) for day in range(60))


def test_the_question_links_to_where_the_parliament_publishes_it(office):
    commitment = promise(office.person, "Met een bron", datetime.date(2025, 6, 30))
    question = commitment.answer.question
    question.source_url = "https://www.vlaamsparlement.be/nl/parlementaire-documenten/schriftelijke-vragen/1450827"
    question.save()
    reader = PdfReader(io.BytesIO(letter_pdf(letter_for(office.person))))
    links = [annotation.get_object()["/A"]["/URI"] for annotation in reader.pages[0]["/Annots"]]
    assert links == [question.source_url]


def test_the_document_says_what_it_is_and_that_it_is_in_dutch(office):
    reader = PdfReader(io.BytesIO(letter_pdf(letter_for(office.person))))
    assert reader.metadata.title == "Toezeggingen van Zuhal Demir: rapport van 1 januari 2026"
    assert reader.metadata.author == "Vlaams Parlement"
    assert reader.trailer["/Root"]["/Lang"] == "nl"


def test_a_title_that_looks_like_the_page_count_is_printed_as_written(office):
    promise(office.person, "Plan {nb} stappen", datetime.date(2025, 6, 30))
    [page] = pages_of(letter_pdf(letter_for(office.person)))
    assert re.search(r"Plan \{\u200b?nb\} stappen", page)


def test_the_largest_letter_the_report_allows_stays_a_bounded_document(office):
    row = LetterRow(
        reference="C-00042",
        title="Een toezegging met een titel van ruim honderd tekens, zoals ze in de praktijk voorkomen bij grote ministeries",
        promised_in="vraag nr. 551 van 29 juni 2018 van Cindy Franssen",
        promised_in_url="https://www.vlaamsparlement.be/vraag/551",
        deadline="31 december 2019",
        deadline_wording="\u201ctegen eind 2019\u201d",
        days=2525,
        long_overdue=True,
    )
    letter = letter_for(office.person)
    sections = tuple(
        dataclasses.replace(section, rows=(row,) * REPORT_ROWS, total=REPORT_ROWS * 3) for section in letter.sections
    )
    data = letter_pdf(dataclasses.replace(letter, sections=sections))
    pages = pages_of(data)
    assert 15 <= len(pages) <= 40
    assert len(data) < 1_000_000
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]
