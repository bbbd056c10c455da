"""Step 4a of the suggestions: the past is history; a time to come makes a present-tense plan."""

import datetime

from tracker.imports.suggesting import timing

MADE_ON = datetime.date(2024, 3, 1)


def test_the_past_tense_and_the_perfect_are_past_but_a_state_or_an_infinitive_is_not():
    assert timing.is_past("De studie werd uitgevoerd.")
    assert timing.is_past("Ik heb de sector ontvangen.")
    assert not timing.is_past("De publicatie is gepland in juni.")
    assert not timing.is_past("Het is mijn bedoeling de procedure te vereenvoudigen.")
    assert not timing.is_past("We streven ernaar alle dossiers te hebben afgehandeld.")


def test_jl_ll_and_years_before_the_answer_are_history():
    assert timing.names_a_past_date("op 12 maart jl. ontving ik de sector", MADE_ON)
    assert timing.names_a_past_date("zijn we in mei 2023 gestart", MADE_ON)
    assert not timing.names_a_past_date("naar aanleiding van het rapport uit 2022 loopt", MADE_ON)
    assert not timing.names_a_past_date("wordt in 2024 in gebruik genomen", MADE_ON)


def test_existing_or_habitual_work_is_not_work_with_a_result_to_come():
    assert timing.is_existing("Daar wordt al aan gewerkt.")
    assert timing.is_existing("Ik ben steeds in overleg met de provincies.")
    assert not timing.is_existing("Ik ben met al de partijen in overleg.")


def test_a_time_to_come_is_a_deadline_after_the_answer_or_a_wording_without_a_date():
    assert timing.time_to_come("volgt na de zomer", made_on=MADE_ON).date == datetime.date(2024, 12, 20)
    assert timing.time_to_come("volgt binnenkort", made_on=MADE_ON).date is None
    assert timing.time_to_come("volgde in 2023", made_on=MADE_ON) is None


def test_a_noun_after_an_article_is_no_participle_of_the_perfect():
    assert not timing.is_past("Ik ben met de gemeenten in gesprek om tot een oplossing te komen.")
    assert not timing.is_past("Het kabinet is voor alle gebieden bezig met een nieuw plan.")
    assert timing.is_past("Ik heb met de gemeenten gesproken.")
