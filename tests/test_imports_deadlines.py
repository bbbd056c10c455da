"""Dutch deadline wording, normalised to a date with its precision; the original words are kept.
Every convention here is a row of the README's deadline table ("Suggestions")."""

import datetime

import pytest

from tracker.imports.deadlines import find_deadline

MADE_ON = datetime.date(2018, 6, 29)  # a Friday
TERM_END = datetime.date(2019, 7, 2)

CASES = [
    # sentence, expected date, precision, wording
    ("Het decreet zal tegen eind 2019 worden aangepast.", "2019-12-31", "year", "tegen eind 2019"),
    ("We zullen dit in het najaar van 2018 evalueren.", "2018-12-20", "season", "in het najaar van 2018"),
    ("De oproep wordt begin volgend jaar gelanceerd.", "2019-03-31", "quarter", "begin volgend jaar"),
    ("Ik wil dit tegen de zomer afronden.", "2019-06-21", "season", "tegen de zomer"),
    ("In de loop van 2020 komt er een nieuw plan.", "2020-12-31", "year", "In de loop van 2020"),
    ("Binnen zes maanden ligt er een voorstel.", "2018-12-29", "month", "Binnen zes maanden"),
    ("Binnen de 3 maanden volgt een antwoord.", "2018-09-29", "month", "Binnen de 3 maanden"),
    ("Voor het einde van de legislatuur wordt het besluit gewijzigd.", "2019-07-02", "term", "Voor het einde van de legislatuur"),
    ("Ik zal tegen 1 januari 2020 een voorstel indienen.", "2020-01-01", "day", "tegen 1 januari 2020"),
    ("Uiterlijk op 15 maart 2019 zal de oproep sluiten.", "2019-03-15", "day", "Uiterlijk op 15 maart 2019"),
    ("De regeling gaat in op 1 september.", "2018-09-01", "day", "op 1 september"),
    ("Tegen september start het project.", "2018-09-01", "month", "Tegen september"),
    ("De minister zal eind oktober een nota bezorgen.", "2018-10-31", "month", "eind oktober"),
    ("Begin oktober 2019 volgt de lancering.", "2019-10-10", "month", "Begin oktober 2019"),
    ("In het derde kwartaal van 2019 volgt een evaluatie.", "2019-09-30", "quarter", "In het derde kwartaal van 2019"),
    ("De cijfers volgen in Q2 2019.", "2019-06-30", "quarter", "in Q2 2019"),
    ("De evaluatie volgt in de eerste helft van 2019.", "2019-06-30", "half_year", "in de eerste helft van 2019"),
    ("Nog dit jaar wordt het plan voorgesteld.", "2018-12-31", "year", "Nog dit jaar"),
    ("Ik zal dit volgend voorjaar bekijken.", "2019-06-20", "season", "volgend voorjaar"),
    ("Midden 2019 zal het rapport klaar zijn.", "2019-06-30", "half_year", "Midden 2019"),
    ("Ik zal de sector binnen de maand samenroepen.", "2018-07-29", "month", "binnen de maand"),
    ("Vanaf het schooljaar 2019-2020 zal dit gelden.", "2019-09-01", "day", "Vanaf het schooljaar 2019-2020"),
    ("Tegen het nieuwe schooljaar zijn de richtlijnen klaar.", "2018-09-01", "day", "Tegen het nieuwe schooljaar"),
    ("Ik zal dit doen voor 2020.", "2019-12-31", "year", "voor 2020"),
    ("Dit wordt opgestart tegen het najaar.", "2018-09-23", "season", "tegen het najaar"),
    ("We publiceren de resultaten in de winter van 2018.", "2019-03-20", "season", "in de winter van 2018"),
    ("Het verslag volgt binnen twee jaar.", "2020-06-29", "year", "binnen twee jaar"),
    ("Het portaal gaat over drie weken online.", "2018-07-20", "day", "over drie weken"),
    ("De nieuwe website komt er volgende maand.", "2018-07-31", "month", "volgende maand"),
    ("Tegen eind dit jaar zal de oproep gepubliceerd zijn.", "2018-12-31", "year", "Tegen eind dit jaar"),
    ("Ten laatste eind 2020 moet elke gemeente aansluiten.", "2020-12-31", "year", "Ten laatste eind 2020"),
    # "na" a season: the end of the season after it; "na de zomer" is the autumn.
    ("Na de zomer zal ik de sector uitnodigen.", "2018-12-20", "season", "Na de zomer"),
    ("Na de winter volgt een tweede ronde.", "2019-06-20", "season", "Na de winter"),
    ("In de loop van het najaar volgt het ontwerp.", "2018-12-20", "season", "In de loop van het najaar"),
    # "vóór" names the day before: a day, a month, a season, a year.
    ("Het advies komt vóór 1 december 2018.", "2018-11-30", "day", "vóór 1 december 2018"),
    ("Het ontwerp ligt er voor de zomer van 2019.", "2019-06-20", "season", "voor de zomer van 2019"),
    ("Dat gebeurt vóór oktober.", "2018-09-30", "month", "vóór oktober"),
    (
        "Ik informeer u ruim voor het sluiten van de inschrijvingen (1 december 2018).",
        "2018-11-30",
        "day",
        "ruim voor het sluiten van de inschrijvingen (1 december 2018)",
    ),
    # Spans counted from the answer's date.
    ("Ik bezorg u deze week de cijfers.", "2018-07-01", "day", "deze week"),
    ("Volgende week volgt de nota.", "2018-07-08", "day", "Volgende week"),
    ("De brief gaat nog deze maand de deur uit.", "2018-06-30", "month", "nog deze maand"),
    ("Tegen het einde van het kwartaal is de tool klaar.", "2018-06-30", "quarter", "Tegen het einde van het kwartaal"),
    ("Volgend kwartaal starten we.", "2018-09-30", "quarter", "Volgend kwartaal"),
    ("Binnen zes weken volgt een besluit.", "2018-08-10", "day", "Binnen zes weken"),
    ("Het derde kwartaal brengt een evaluatie.", "2018-09-30", "quarter", "Het derde kwartaal"),
    ("In het eerste kwartaal volgt de oproep.", "2019-03-31", "quarter", "In het eerste kwartaal"),
    # The House's calendar.
    ("De instellingen horen het met Prinsjesdag.", "2018-09-18", "day", "met Prinsjesdag"),
    ("Uw Kamer wordt voor het zomerreces geïnformeerd.", "2018-07-05", "day", "voor het zomerreces"),
    ("Voor het zomerreces van 2019 stuur ik een brief.", "2019-07-04", "day", "Voor het zomerreces van 2019"),
    # From: the first day.
    ("Vanaf 2019 wordt de steun structureel.", "2019-01-01", "year", "Vanaf 2019"),
    ("Vanaf januari geldt de nieuwe regel.", "2019-01-01", "month", "Vanaf januari"),
    # A passed day without a year is next year's only after a limit word.
    ("Tegen 1 maart volgt het ontwerp.", "2019-03-01", "day", "Tegen 1 maart"),
    # A year named alone: its last day.
    ("Ik zal u dit jaar nog informeren.", "2018-12-31", "year", "dit jaar"),
    ("Volgend jaar volgt de derde tranche.", "2019-12-31", "year", "Volgend jaar"),
]


@pytest.mark.parametrize(("sentence", "date", "precision", "wording"), CASES, ids=[case[0][:40] for case in CASES])
def test_deadline_wording_becomes_a_date(sentence, date, precision, wording):
    deadline = find_deadline(sentence, made_on=MADE_ON, term_end=TERM_END)
    assert deadline is not None, sentence
    assert (deadline.date.isoformat(), deadline.precision, deadline.wording) == (date, precision, wording)


@pytest.mark.parametrize(
    ("sentence", "wording"),
    [
        ("Ik zal dit op korte termijn bekijken.", "op korte termijn"),
        ("Binnenkort volgt een nieuwe oproep.", "Binnenkort"),
        ("Ik informeer u zo spoedig mogelijk.", "zo spoedig mogelijk"),
        ("We bekijken dit de komende tijd verder.", "de komende tijd"),
        ("Het komend jaar worden afspraken gemaakt.", "Het komend jaar"),  # the coming twelve months: a period
        ("De komende drie jaar is er geld voor onderzoek.", "De komende drie jaar"),
        ("Over enkele maanden volgt het advies.", "Over enkele maanden"),
        ("Na afronding van het onderzoek informeer ik uw Kamer.", "Na afronding van het onderzoek"),
        ("Dat gebeurt bij de begrotingsaanpassing.", "bij de begrotingsaanpassing"),
        ("Totdat alle scholen zijn aangesloten, blijft de oude regeling gelden.", "Totdat alle scholen zijn aangesloten"),
    ],
)
def test_a_time_without_a_date_is_kept_as_worded_with_no_date(sentence, wording):
    deadline = find_deadline(sentence, made_on=MADE_ON, term_end=TERM_END)
    assert (deadline.date, deadline.wording, deadline.precision, deadline.dated) == (None, wording, "", False)


def test_a_dated_wording_wins_over_one_without_a_date():
    deadline = find_deadline("Ik kom hier op korte termijn op terug, uiterlijk eind 2018.", made_on=MADE_ON)
    assert (deadline.date, deadline.wording) == (datetime.date(2018, 12, 31), "uiterlijk eind 2018")


@pytest.mark.parametrize(
    "sentence",
    [
        "De studie werd in 2017 uitgevoerd.",
        "De subsidies lopen sinds 2016.",
        "Vorig jaar werden 300 dossiers behandeld.",
        "Het decreet van 9 februari 2018 regelt de erkenning.",
        "Er werken 12 mensen op de dienst.",
        # A date marked "jl." or "ll." is history, even when its day is still to come this year.
        "Op 12 maart jl. heb ik de sector ontvangen.",
        "In mijn brief van 14 december ll. schreef ik dat al.",
        "Op 2 september jongstleden vond een overleg plaats.",
        "Op 12 september jl. heb ik de sector ontvangen.",
        # A passed day without a year and without a limit word is history, not next year's.
        "Op 12 maart heb ik de sector ontvangen.",
        # "na" a year is the period concerned, not a limit.
        "Voor de periode na 2028 wordt dat opnieuw bekeken.",
    ],
)
def test_no_deadline_in_sentences_about_the_past_or_without_a_time(sentence):
    assert find_deadline(sentence, made_on=MADE_ON, term_end=TERM_END) is None


def test_the_legislature_needs_a_known_end_date():
    assert find_deadline("Voor het einde van de legislatuur volgt een decreet.", made_on=MADE_ON, term_end=None) is None


def test_a_named_limit_wins_over_a_mere_year():
    deadline = find_deadline("Na de evaluatie in 2019 zal ik het decreet tegen eind 2020 aanpassen.", made_on=MADE_ON)
    assert deadline.wording == "tegen eind 2020"


def test_prinsjesdag_said_after_it_is_next_years():
    deadline = find_deadline("Met Prinsjesdag volgt het besluit.", made_on=datetime.date(2024, 10, 1))
    assert deadline.date == datetime.date(2025, 9, 16)
