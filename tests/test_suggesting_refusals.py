"""Step 5 of the suggestions: refusals read from structure, not from a list of phrases."""

import pytest

from tracker.imports.suggesting import refusals


@pytest.mark.parametrize(
    "main",
    [
        "Een aparte regeling acht ik niet nodig.",
        "Daar is in de begroting geen ruimte voor.",
        "Ik ben geen voorstander van een apart statuut.",
        "Daar wil ik niet op vooruitlopen.",
        "Het kabinet is niet voornemens de termijn te verlengen.",
        "De minister overweegt niet om de erkenning in te trekken.",
        "Er wordt momenteel geen bijkomende steun overwogen.",
        "Ik kan geen uitspraken doen over een lopend dossier.",
        "Het is niet opportuun een nieuwe studie te bestellen.",
        "Ik zie geen aanleiding om het besluit te wijzigen.",
    ],
)
def test_a_negated_intent_need_support_room_or_possibility_is_a_refusal(main):
    assert refusals.refuses(main)


@pytest.mark.parametrize(
    "main",
    [
        "Ik heb geen zicht op het aantal dossiers.",
        "Dat overzicht is niet bekend.",
        "Dit geldt niet alleen voor scholen.",
        "De regeling is niet van toepassing op zelfstandigen.",
    ],
)
def test_lacking_information_and_plain_negations_are_not_refusals(main):
    assert not refusals.refuses(main)


def test_a_negated_future_action_declines_but_refraining_is_a_promise():
    assert refusals.declines_future_action("De regering zal de proefperiode niet verlengen.")
    assert not refusals.declines_future_action("Ik zal niets doen dat de hulp in de weg staat.")
    assert refusals.refrains("Ik zal niets doen dat de hulp in de weg staat.")


@pytest.mark.parametrize(
    "main",
    [
        "Ik kan hier geen uitspraak over doen.",
        "Ik zie geen mogelijkheid om de termijn te verlengen.",
        "Het is niet de bedoeling om de premie uit te breiden.",
        "Daar kies ik niet voor.",
        "Dat voorstel neem ik niet over.",
        "Aanvullende maatregelen zijn op dit moment niet nodig.",
        "Daarvoor zijn geen extra middelen beschikbaar.",
    ],
)
def test_refusals_worded_as_a_choice_a_need_or_room(main):
    assert refusals.refuses(main)


def test_what_a_rule_is_not_meant_for_declines_nothing():
    assert not refusals.refuses("Dat is niet de bedoeling van de regeling.")  # the rule's purpose, not the minister's


@pytest.mark.parametrize(
    "main",
    [
        "Evenmin acht ik een «breed» onderzoek naar de sector nodig.",
        "Een extra studie lijkt op dit moment niet van toegevoegde waarde.",
        "Een externe toets heeft geen meerwaarde.",
        "Het kabinet heeft geen reden gezien om het standpunt te herzien.",
        "Voor dit alles is het niet nodig dat de regels worden getoetst.",
        "Nederland verzet zich tegen de herziening van de richtlijn.",
        "Daarom kan ik de vergunning niet zomaar intrekken.",
        "Over lopende zaken kunnen geen uitspraken worden gedaan.",
    ],
)
def test_refusals_worded_as_no_need_no_use_opposition_or_an_action_the_minister_cannot_take(main):
    assert refusals.refuses(main)


def test_being_unable_to_give_figures_declines_nothing():
    assert not refusals.refuses("Daarom kan ik de precieze aantallen niet geven.")


def test_no_reason_to_believe_something_declines_nothing():
    assert not refusals.refuses("Er is geen reden om aan te nemen")


@pytest.mark.parametrize(
    "main",
    [
        "Dat ligt niet in de rede.",
        "Ik neem op dit moment geen aanvullende maatregelen.",
        "Ik ga niet in op individuele gevallen.",
        "Ik loop daar niet op vooruit.",
        "Over lopende onderzoeken worden geen mededelingen gedaan.",
        "Het kabinet verstrekt geen informatie over individuele bedrijven.",
    ],
)
def test_declining_to_act_or_to_share_on_principle(main):
    assert refusals.refuses(main)


def test_having_no_information_declines_nothing():
    assert not refusals.refuses("Ik heb geen informatie over het aantal bedrijven.")


def test_a_negated_judgement_declines_only_an_action():
    assert refusals.refuses("Een aparte registratie van deze meldingen is niet zinvol.")
    assert refusals.refuses("Het is op dit moment niet opportuun om de wet opnieuw te wijzigen.")
    assert not refusals.refuses("Dat is niet wenselijk omdat de wachttijden dan oplopen.")
    assert not refusals.refuses("Nee, een tekort is op dit moment niet aan de orde.")


def test_declining_as_not_the_obvious_course_or_with_a_long_middle_field():
    assert refusals.refuses(
        "Het ligt gezien de uitkomsten van het overleg met de sector niet voor de hand de regels nu te wijzigen."
    )
    assert refusals.refuses(
        "Ik zie na het lezen van het rapport van de inspectie over de gang van zaken bij deze school geen aanleiding voor een nieuw onderzoek."
    )
    assert not refusals.refuses("Het ligt voor de hand dat de gemeenten dit zelf regelen.")
