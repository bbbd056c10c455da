"""Step 2c of the suggestions: a main clause's finite verb, found by Dutch word order, and its tense
and class."""

import pytest

from tracker.imports.suggesting import verbs


def verb_beside(clause, subject):
    start = clause.index(subject)
    return verbs.finite_verb_of(clause, start, start + len(subject))


def test_the_finite_verb_follows_a_subject_that_opens_the_clause():
    found = verb_beside("Het kabinet zet zich in voor betere regels.", "Het kabinet")
    assert (found.word, found.tense) == ("zet", verbs.PRESENT)


def test_after_an_opening_adverbial_the_finite_verb_stands_right_before_the_subject():
    assert verb_beside("Daarnaast voert de minister de motie uit.", "de minister").word == "voert"
    assert verb_beside("Die regels leg ik vast in de concessie.", "ik").word == "leg"


def test_a_subject_behind_a_preposition_has_no_finite_verb_beside_it():
    assert verb_beside("Er is overleg met het kabinet over de regels.", "het kabinet") is None


@pytest.mark.parametrize(
    ("word", "tense"),
    [
        ("noemde", "past"),
        ("zette", "past"),
        ("nam", "past"),
        ("besloot", "past"),
        ("zet", "present"),
        ("informeert", "present"),
        ("werken", "present"),
    ],
)
def test_the_past_of_weak_verbs_ends_in_de_or_te_and_strong_verbs_change_their_vowel(word, tense):
    assert verbs.tense_of(word) == tense


@pytest.mark.parametrize("word", ["de", "in", "zoals", "omdat", "niet", "Nederland", "2024"])
def test_articles_prepositions_conjunctions_adverbs_names_and_numbers_are_no_finite_verb(word):
    assert not verbs.can_be_finite(word)


@pytest.mark.parametrize("word", ["vind", "acht", "verwijst", "delen", "benadruk", "begrijpt"])
def test_verbs_of_mind_judgement_and_speech_are_a_view_not_an_action(word):
    assert verbs.is_mind_or_speech(word)


@pytest.mark.parametrize("word", ["voer", "investeert", "organiseren", "leg"])
def test_other_verbs_are_actions(word):
    assert not verbs.is_mind_or_speech(word)
