"""Dutch deadline wording, normalised to a date with its precision; the original words are kept."""

import datetime

import pytest

from tracker.imports.deadlines import find_deadline

MADE_ON = datetime.date(2018, 6, 29)
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
    ("Na de zomer zal ik de sector uitnodigen.", "2018-10-22", "season", "Na de zomer"),
]


@pytest.mark.parametrize(("sentence", "date", "precision", "wording"), CASES, ids=[case[0][:40] for case in CASES])
def test_deadline_wording_becomes_a_date(sentence, date, precision, wording):
    deadline = find_deadline(sentence, made_on=MADE_ON, term_end=TERM_END)
    assert deadline is not None, sentence
    assert (deadline.date.isoformat(), deadline.precision, deadline.wording) == (date, precision, wording)


@pytest.mark.parametrize(
    "sentence",
    [
        "De studie werd in 2017 uitgevoerd.",
        "De subsidies lopen sinds 2016.",
        "Vorig jaar werden 300 dossiers behandeld.",
        "Ik zal dit op korte termijn bekijken.",
        "Het decreet van 9 februari 2018 regelt de erkenning.",
        "Er werken 12 mensen op de dienst.",
    ],
)
def test_no_deadline_in_sentences_about_the_past_or_without_a_time(sentence):
    assert find_deadline(sentence, made_on=MADE_ON, term_end=TERM_END) is None


def test_the_legislature_needs_a_known_end_date():
    assert find_deadline("Voor het einde van de legislatuur volgt een decreet.", made_on=MADE_ON, term_end=None) is None


def test_a_named_limit_wins_over_a_mere_year():
    deadline = find_deadline("Na de evaluatie in 2019 zal ik het decreet tegen eind 2020 aanpassen.", made_on=MADE_ON)
    assert deadline.wording == "tegen eind 2020"
