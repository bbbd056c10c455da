"""Which sentences of an answer are suggested as commitments or refusals, and of which kind.

These are the development examples the rules were written from; the held-out measurement is in
tests/test_suggestion_quality.py."""

import datetime

import pytest

from tracker.imports.suggestions import classify, kind_of, split_sentences, suggest_commitments, title_for

MADE_ON = datetime.date(2018, 7, 20)

COMMITMENTS = [
    ("Ik zal een nieuw actieplan voorleggen.", "action"),
    ("Zal ik de regeling uitbreiden? Ja, ik zal dat doen.", None),  # a question and an answer in one line: split
    ("Daarom wil ik een projectoproep lanceren voor buurtprojecten.", "project_call"),
    ("We gaan de subsidies voor jeugdwerk verhogen.", "funding"),
    ("Gaan we de regeling evalueren? We gaan ze in 2019 evalueren.", None),
    ("De evaluatie van het decreet wordt in het najaar opgestart.", "study"),
    ("Ik plan een hervorming van het besluit over de huurpremie.", "legislation"),
    ("Het decreet zal tegen eind 2019 worden geëvalueerd.", "study"),
    ("Het uitvoeringsbesluit zal in het najaar worden aangepast.", "legislation"),
    ("Ik ben van plan om de sector samen te brengen.", "action"),
    ("Het is mijn bedoeling om de wachtlijsten weg te werken.", "action"),
    ("Er komt een nieuwe oproep voor innovatieve projecten.", "project_call"),
    ("De Vlaamse Regering zal 10 miljoen euro vrijmaken voor renovatie.", "funding"),
    ("Mijn administratie zal de cijfers jaarlijks publiceren.", "action"),
    ("Ik neem het initiatief om een rondetafel te organiseren.", "action"),
    ("Tegen 2027 zullen alle scholen een taalscreening organiseren.", "action"),
    ("Dit najaar organiseren we een studiedag.", "study"),
]
REFUSALS = [
    "Ik plan geen specifieke acties naar 'nieuwe armen' toe.",
    "Ik ben niet van plan de normen te versoepelen.",
    "Het is niet de bedoeling om de premie uit te breiden.",
    "Ik zal geen extra erkenningen toekennen.",
    "Er zijn momenteel geen plannen voor een bijkomend loket.",
    "Ik zie geen reden om het besluit te wijzigen.",
    "Ik acht het niet opportuun een nieuwe studie te bestellen.",
    "De regering zal de proefperiode niet verlengen.",
]
NEITHER = [
    "Samen met mijn collega – ministers van de Vlaamse Regering zet ik reeds sterk in op acties die mensen in armoede opnieuw zelfredzaam maken.",
    "De studie werd in opdracht van de minister uitgevoerd.",
    "Voor meer informatie kan u terecht in het Vlaams Actieplan Armoedebestrijding.",
    "Ik zet in op een inclusieve aanpak van de armoedeproblematiek.",
    "Ik wil benadrukken dat de lokale besturen hier een sleutelrol spelen.",
    "Ik wil het geachte lid verwijzen naar mijn antwoord op vraag nr. 12.",
    "Plant de minister extra acties?",
    "In 2017 werden 200 projecten gesteund.",
    "Indien nodig zou de regeling kunnen worden aangepast.",
    "U zal begrijpen dat ik niet inga op individuele dossiers.",
    "Dit zal een positieve impact hebben op de werkgelegenheid.",
    "De projectoproep werd in 2017 al gelanceerd en wordt nu geëvalueerd door de administratie, die reeds een rapport opmaakte.",
    "Ik ga ervan uit dat de sector dit zelf oppikt.",
]


@pytest.mark.parametrize(("sentence", "kind"), [case for case in COMMITMENTS if case[1]], ids=lambda v: str(v)[:40])
def test_a_sentence_announcing_future_action_is_a_commitment_of_its_kind(sentence, kind):
    found = suggest_commitments(sentence, made_on=MADE_ON)
    assert [s.kind for s in found] == [kind], sentence


@pytest.mark.parametrize("sentence", REFUSALS, ids=lambda v: v[:40])
def test_an_explicit_no_is_a_refusal(sentence):
    assert classify(sentence) == "refusal"
    assert suggest_commitments(sentence, made_on=MADE_ON)[0].deadline is None


@pytest.mark.parametrize("sentence", NEITHER, ids=lambda v: v[:40])
def test_existing_policy_the_past_questions_and_courtesies_are_not_suggested(sentence):
    assert suggest_commitments(sentence, made_on=MADE_ON) == []


def test_a_question_followed_by_a_promise_in_the_same_line_suggests_only_the_promise():
    found = suggest_commitments("Zal ik de regeling uitbreiden? Ja, ik zal dat doen.", made_on=MADE_ON)
    assert [s.sentence for s in found] == ["Ja, ik zal dat doen."]


def test_a_sentence_elaborating_on_the_promise_before_it_is_not_a_new_promise():
    text = "Ik wil een projectoproep lanceren. De projectoproep zal zich op buddywerkingen toespitsen."
    assert [s.sentence for s in suggest_commitments(text, made_on=MADE_ON)] == ["Ik wil een projectoproep lanceren."]


def test_sentences_are_split_without_breaking_on_abbreviations_or_item_numbers():
    text = "1. Dit is zo (bv. de vzw's, o.a. in Gent). Ik zal dit nr. 5 opvolgen.\n2. Tweede deel."
    assert [sentence for _start, sentence in split_sentences(text)] == [
        "Dit is zo (bv. de vzw's, o.a. in Gent).",
        "Ik zal dit nr. 5 opvolgen.",
        "Tweede deel.",
    ]


def test_sentence_positions_point_into_the_text():
    text = "Inleiding.\n\n2. Ik plan geen nieuwe acties. Wel zal ik de sector horen."
    for start, sentence in split_sentences(text):
        assert text[start : start + len(sentence)] == sentence


def test_a_stated_deadline_travels_with_the_suggestion():
    [suggestion] = suggest_commitments("Ik zal het decreet tegen eind 2019 aanpassen.", made_on=MADE_ON)
    assert (suggestion.deadline.date, suggestion.deadline.wording) == (datetime.date(2019, 12, 31), "tegen eind 2019")
    assert suggestion.title == "Decreet aanpassen"


def test_titles_are_the_clause_that_promises_without_auxiliaries_or_connectives():
    assert title_for("Aangezien dit nodig is, wil ik een projectoproep lanceren.", refusal=False) == "Projectoproep lanceren"
    assert title_for("Daarnaast zal ik de sector samenroepen.", refusal=False) == "Sector samenroepen"
    assert title_for("Ik plan geen nieuwe acties.", refusal=True) == "Geen nieuwe acties"
    assert len(title_for("Ik zal " + "zeer " * 60 + "veel doen.", refusal=False)) <= 120


def test_kind_prefers_the_project_call_and_reads_an_evaluation_of_a_decree_as_a_study():
    assert kind_of("Ik zal middelen vrijmaken voor een projectoproep.") == "project_call"
    assert kind_of("Ik zal het decreet evalueren.") == "study"
    assert kind_of("Ik zal het decreet wijzigen.") == "legislation"
