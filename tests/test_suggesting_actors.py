"""Step 3 of the suggestions: who acts. The minister, the government and the administration are the
minister's side; municipalities, the EU, the federal level, courts, juries and companies are not."""

import pytest

from tracker.imports.suggesting import actors


@pytest.mark.parametrize(
    ("subject", "side"),
    [
        ("ik", actors.MINISTER),
        ("we", actors.MINISTER),
        ("het kabinet", actors.GOVERNMENT),
        ("de Vlaamse Regering", actors.GOVERNMENT),
        ("de Minister van Justitie", actors.GOVERNMENT),
        ("mijn administratie", actors.ADMINISTRATION),
        ("het departement Onderwijs", actors.ADMINISTRATION),
        ("het Agentschap Wegen", actors.ADMINISTRATION),
        ("de ILT", actors.ADMINISTRATION),
        ("de gemeenten", actors.THIRD_PARTY),
        ("het Europees Parlement", actors.THIRD_PARTY),
        ("de federale overheid", actors.THIRD_PARTY),
        ("het Rekenhof", actors.THIRD_PARTY),
        ("de jury", actors.THIRD_PARTY),
        ("Gasunie", actors.THIRD_PARTY),
        ("het nieuwe rapport", actors.THING),
        ("", actors.IMPLIED),
    ],
)
def test_a_subject_is_the_ministers_side_a_third_party_or_a_thing(subject, side):
    assert actors.classify_subject(subject) == side


def actor(clause, verb):
    start = clause.index(verb)
    return actors.actor_of(clause, start, start + len(verb))


def test_the_subject_comes_before_the_finite_verb_or_right_after_an_adverbial_opening():
    assert actor("De provincies zullen een plan opmaken.", "zullen") == actors.THIRD_PARTY
    assert actor("Daarnaast zal de Raad van State zijn advies geven.", "zal") == actors.THIRD_PARTY
    assert actor("In het voorjaar zal ik de sector horen.", "zal") == actors.MINISTER
    assert actor("Die regeling zal ik aanpassen.", "zal") == actors.MINISTER


def test_a_passive_without_an_agent_is_the_ministers_doing_and_with_a_third_party_agent_is_not():
    assert actor("Uw Kamer wordt voor de zomer geïnformeerd.", "wordt") == actors.IMPLIED
    assert actor("Het decreet zal in 2026 worden geëvalueerd.", "zal") == actors.IMPLIED
    assert actor("Het plan wordt opgemaakt door de gemeenten.", "wordt") == actors.THIRD_PARTY


def test_only_an_auxiliary_carries_a_passive_so_a_lexical_verb_keeps_its_own_subject():
    assert actor("De vervoerder kijkt naar de cijfers en daarna worden de middelen verdeeld.", "kijkt") != actors.IMPLIED


def test_state_inspectorates_are_the_administration():
    assert actors.classify_subject("de IGJ") == actors.ADMINISTRATION
    assert actors.classify_subject("de Arbeidsinspectie") == actors.ADMINISTRATION


def test_a_passive_participle_may_stand_before_a_phrase_put_after_it():
    assert actors.is_passive("Op dit moment worden met de gemeenten en de provincies afspraken gemaakt over de verdeling.")
    assert not actors.is_passive("De kosten worden volgend jaar hoger door de inflatie.")
