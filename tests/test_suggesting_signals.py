"""Step 2b of the suggestions: what in a main clause announces action to come."""

import pytest

from tracker.imports.suggesting import signals


def kinds(clause):
    return {signal.kind for signal in signals.signals_in(clause)}


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("Ik zal de regeling aanpassen.", signals.FUTURE),
        ("We gaan de subsidies verhogen.", signals.FUTURE),
        ("Het is mijn bedoeling om de procedure te vereenvoudigen.", signals.INTENT),
        ("Het kabinet is voornemens de wet te wijzigen.", signals.INTENT),
        ("Ja, daartoe ben ik bereid.", signals.ASSENT),
        ("Dat engagement neem ik op.", signals.ASSENT),
        ("Ik heb het agentschap gevraagd om de cijfers te actualiseren.", signals.REQUEST),
        ("Ik laat de regeling doorlichten.", signals.REQUEST),
        ("Mijn diensten zijn bezig met de evaluatie.", signals.ONGOING),
        ("Momenteel wordt er gewerkt aan een actieplan.", signals.ONGOING),
        ("Het ministerie verkent de mogelijkheden.", signals.ONGOING),
        ("De publicatie is gepland in juni.", signals.PLAN),
        ("Een tweede oproep volgt na de zomer.", signals.PLAN),
    ],
)
def test_each_way_of_announcing_action_is_a_signal(clause, kind):
    assert kind in kinds(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "Ik wil benadrukken dat de gemeenten een sleutelrol spelen.",
        "Ik heb de sector om deze cijfers gevraagd.",  # asking for information: no action to come
        "We gaan ervan uit dat de sector volgt.",
        "Het onderzoek toont aan dat de premie werkt.",
    ],
)
def test_courtesies_requests_for_information_and_nouns_are_no_signal_of_those_kinds(clause):
    assert not kinds(clause) & {signals.FUTURE, signals.INTENT, signals.REQUEST, signals.ONGOING}


@pytest.mark.parametrize(
    "clause",
    [
        "Wel kan ik een evaluatie toezeggen.",
        "Het kabinet committeert zich aan de uitvoering van het plan.",
        "Nederland verplicht zich om de steun vijf jaar voort te zetten.",
        "Ik beloof u een antwoord voor de zomer.",
    ],
)
def test_commissive_verbs_bind_the_speaker_and_are_assent(clause):
    assert signals.ASSENT in kinds(clause)


def test_work_on_something_in_the_passive_with_its_object_between():
    kinds = [signal.kind for signal in signals.signals_in("Er wordt op dit moment hard aan een nieuwe subsidieregeling gewerkt.")]
    assert signals.ONGOING in kinds
    kinds = [signal.kind for signal in signals.signals_in("In de regio wordt met vaste teams gewerkt.")]
    assert signals.ONGOING not in kinds


def test_the_future_with_gaan_and_the_government_as_its_subject():
    kinds = [signal.kind for signal in signals.signals_in("Het kabinet gaat de regels voor uitzendwerk aanscherpen.")]
    assert signals.FUTURE in kinds
    kinds = [signal.kind for signal in signals.signals_in("Het kabinet gaat ervan uit dat de regels volstaan.")]
    assert signals.FUTURE not in kinds
