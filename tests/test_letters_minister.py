"""The minister's letter composed from the report: in Dutch, addressed to the office held on the
report date, citing each promise's question the way the parliament does."""

import datetime

import pytest

from tests.factories import AnswerFactory, CommitmentFactory, OfficeFactory, PersonFactory, QuestionFactory, government
from tracker.letters.minister import minister_letter
from tracker.models import Assembly, Person
from tracker.selectors.reports import minister_letterhead, minister_report, report_citations

pytestmark = pytest.mark.django_db

REPORT_DATE = datetime.date(2026, 1, 1)
NEXT_REPORT = datetime.date(2026, 4, 1)
LIST_URL = "https://tracker.example.org/commitments/"


@pytest.fixture
def office():
    return OfficeFactory(
        person__first_name="Zuhal",
        person__last_name="Demir",
        government=government("diependaele"),
        title="Vlaams minister van Justitie en Handhaving, Omgeving, Energie en Toerisme",
    )


def promise(minister, title, deadline, *, wording="", asker=None, number=None, asked_on=datetime.date(2023, 10, 16), **kwargs):
    question = QuestionFactory(
        addressee=minister,
        asked_on=asked_on,
        asker=asker or Person.objects.named("Hélène Vanhée").first() or PersonFactory(first_name="Hélène", last_name="Vanhée"),
        **({"number": number} if number else {}),
    )
    answer = AnswerFactory(question=question)
    return CommitmentFactory(answer=answer, title=title, deadline=deadline, deadline_wording=wording, **kwargs)


def letter_for(minister, as_of=REPORT_DATE, until=NEXT_REPORT):
    report = minister_report(minister=minister, as_of=as_of, until=until)
    return minister_letter(
        report,
        letterhead=minister_letterhead(minister=minister, as_of=as_of),
        citations=report_citations(report),
        list_url=LIST_URL,
    )


def test_the_letter_is_addressed_to_the_minister_in_the_office_held_on_the_report_date(office):
    letter = letter_for(office.person)
    assert letter.assembly == "Vlaams Parlement"
    assert letter.addressee == "Zuhal Demir"
    assert letter.office == "Vlaams minister van Justitie en Handhaving, Omgeving, Energie en Toerisme"
    assert letter.place_and_date == "Brussel, 1 januari 2026"
    assert letter.salutation == "Geachte minister,"
    assert letter.subject == "Opvolging van uw toezeggingen in antwoorden op schriftelijke vragen (stand op 1 januari 2026)"
    assert letter.email_subject == "Toezeggingen van Zuhal Demir: rapport van 1 januari 2026"
    assert letter.filename == "toezeggingen-zuhal-demir-2026-01-01"


def test_a_minister_without_an_office_on_the_report_date_gets_the_last_one_held_before_it():
    earlier = OfficeFactory(government=government("jambon"), title="Vlaams minister van Welzijn")
    letter = letter_for(earlier.person, as_of=datetime.date(2025, 3, 1), until=datetime.date(2025, 6, 1))
    assert letter.office == "Vlaams minister van Welzijn"
    assert letter.assembly == "Vlaams Parlement"


def test_a_minister_without_any_office_is_written_to_by_the_assembly_of_their_questions():
    minister = PersonFactory(first_name="Hanke", last_name="Bruins Slot")
    house = Assembly.objects.get(slug="tweede-kamer")
    QuestionFactory(addressee=minister, assembly=house, asked_on=datetime.date(2023, 10, 2))
    letter = letter_for(minister)
    assert (letter.assembly, letter.office) == ("Tweede Kamer der Staten-Generaal", "")
    assert letter.place_and_date == "Den Haag, 1 januari 2026"
    assert "van de leden van de Tweede Kamer der Staten-Generaal" in letter.introduction[0]


@pytest.mark.parametrize(
    ("title", "greeting"),
    [
        ("Viceminister-president van de Vlaamse Regering, Vlaams minister van Economie", "Geachte viceminister-president,"),
        ("Minister-president van de Vlaamse Regering, Vlaams minister van Buitenlandse Zaken", "Geachte minister-president,"),
        ("Staatssecretaris van Financiën", "Geachte staatssecretaris,"),
        ("Minister van Buitenlandse Zaken", "Geachte minister,"),
    ],
)
def test_the_greeting_follows_the_office(title, greeting):
    office = OfficeFactory(government=government("diependaele"), title=title)
    assert letter_for(office.person).salutation == greeting


def test_the_lists_cite_the_question_the_deadline_in_its_own_words_and_the_days(office):
    promise(
        office.person, "Coördinatie van het éénloketbeleid", datetime.date(2024, 12, 31), wording="tegen eind 2024", number=606
    )
    promise(office.person, "Actieplan voor de kust", datetime.date(2026, 2, 15))
    letter = letter_for(office.person)
    past_due, falling_due = letter.sections
    [late] = past_due.rows
    assert late.reference.startswith("C-")
    assert late.title == "Coördinatie van het éénloketbeleid"
    assert late.promised_in == "vraag nr. 606 van 16 oktober 2023 van Hélène Vanhée"
    assert (late.deadline, late.deadline_wording) == ("31 december 2024", "\u201ctegen eind 2024\u201d")
    assert (late.days, late.long_overdue) == (366, True)
    [coming] = falling_due.rows
    assert (coming.deadline, coming.deadline_wording, coming.days) == ("15 februari 2026", "vastgelegd bij de opvolging", 45)
    assert falling_due.heading == "2. Toezeggingen waarvan de termijn verstrijkt tot en met 1 april 2026"


def test_a_promise_without_a_stated_deadline_says_it_falls_due_at_the_default_horizon(office):
    promise(office.person, "Zonder termijn", None, asked_on=datetime.date(2019, 6, 3))
    letter = letter_for(office.person, as_of=datetime.date(2024, 6, 1), until=datetime.date(2024, 9, 1))
    [row] = letter.sections[1].rows
    assert row.deadline == "9 juni 2024"
    assert row.deadline_wording == "geen termijn genoemd: het einde van de legislatuur"


def test_the_introduction_counts_what_is_late_long_overdue_and_falling_due(office):
    promise(office.person, "Lang geleden", datetime.date(2024, 6, 30))
    promise(office.person, "Onlangs", datetime.date(2025, 12, 1))
    promise(office.person, "Binnenkort", datetime.date(2026, 3, 1))
    letter = letter_for(office.person)
    assert "van de leden van het Vlaams Parlement" in letter.introduction[0]
    assert letter.introduction[1] == (
        "Van 2 toezeggingen is de termijn verstreken, waarvan 1 al meer dan een jaar (lijst 1). "
        "De termijn van 1 toezegging verstrijkt uiterlijk op 1 april 2026, de datum van het volgende overzicht (lijst 2)."
    )
    assert "met vermelding van het kenmerk" in letter.introduction[2]


def test_a_letter_with_nothing_to_report_says_so_and_asks_nothing(office):
    letter = letter_for(office.person)
    assert letter.introduction[1] == (
        "Op 1 januari 2026 was de termijn van geen enkele toezegging verstreken. "
        "Vóór het volgende overzicht, op 1 april 2026, verstrijkt geen enkele termijn."
    )
    assert len(letter.introduction) == 2
    assert [section.rows for section in letter.sections] == [(), ()]


def test_a_list_cut_short_says_how_many_it_shows_and_where_the_rest_is(office, monkeypatch):
    monkeypatch.setattr("tracker.selectors.reports.REPORT_ROWS", 2)
    for year in (2024, 2025):
        for month in (3, 6):
            promise(office.person, f"Belofte {year}-{month}", datetime.date(year, month, 1))
    past_due = letter_for(office.person).sections[0]
    assert (len(past_due.rows), past_due.total) == (2, 4)
    assert past_due.more == (
        "Deze lijst toont de eerste 2 van de 4 toezeggingen (de oudste termijnen eerst). De volledige lijst: "
        f"{LIST_URL}?minister={office.person.pk}&state=open&deadline_to=2025-12-31&sort=deadline"
    )


def test_the_text_of_the_letter_holds_everything_the_pdf_shows(office):
    promise(
        office.person, "Coördinatie van het éénloketbeleid", datetime.date(2024, 12, 31), wording="tegen eind 2024", number=606
    )
    text = letter_for(office.person).plain_text(postscript="Het overzicht zit ook als PDF in de bijlage.")
    assert text.startswith("VLAAMS PARLEMENT\n\nAan Zuhal Demir\nVlaams minister van Justitie")
    assert "Betreft: Opvolging van uw toezeggingen" in text
    assert "Coördinatie van het éénloketbeleid" in text
    assert "Toegezegd in vraag nr. 606 van 16 oktober 2023 van Hélène Vanhée" in text
    assert "Termijn: 31 december 2024 (\u201ctegen eind 2024\u201d); 366 dagen te laat" in text
    assert text.index("Het overzicht zit ook als PDF") < text.index("Hoogachtend,")
    assert text.rstrip().endswith("Hoogachtend,\n\nVlaams Parlement")
    assert max(len(line) for line in text.splitlines()) <= 76


def test_the_letter_is_in_dutch_whatever_the_interface_language(office, settings):
    from django.utils import translation

    with translation.override("en"):
        english = letter_for(office.person)
    with translation.override("nl"):
        dutch = letter_for(office.person)
    assert english == dutch


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        (
            "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, INBURGERING, "
            "WONEN, GELIJKE KANSEN EN ARMOEDEBESTRIJDING",
            "Viceminister-president van de Vlaamse Regering, Vlaams minister van Binnenlands Bestuur, Inburgering, "
            "Wonen, Gelijke Kansen en Armoedebestrijding",
        ),
        ("VLAAMS MINISTER VAN FINANCIËN EN BEGROTING", "Vlaams minister van Financiën en Begroting"),
        ("Minister van Buitenlandse Zaken", "Minister van Buitenlandse Zaken"),
    ],
)
def test_an_office_printed_in_capitals_is_written_out_as_a_letter_would(printed, written):
    office = OfficeFactory(government=government("diependaele"), title=printed)
    assert letter_for(office.person).office == written
