"""Step 2 of the suggestions: a sentence's main clause, where the minister's own announcement is."""

import pytest

from tracker.imports.suggesting.clauses import clauses, main_clause, main_clause_with_object


@pytest.mark.parametrize(
    ("sentence", "main"),
    [
        ("Ik verwacht dat de gemeenten een plan zullen opmaken.", "Ik verwacht"),
        ("Zodra het advies er is, wordt de regeling aangepast.", "wordt de regeling aangepast."),
        ("Als de evaluatie positief is, zal ik de proef verlengen.", "zal ik de proef verlengen."),
        ("Ik zal, zoals eerder gezegd, de sector horen.", "Ik zal de sector horen."),
        ("Dit is een regeling die de provincies zelf beheren.", "Dit is een regeling"),
        ("Dat engagement neem ik graag op.", "Dat engagement neem ik graag op."),
        ("Voor dat laatste werk ik samen met de sector.", "Voor dat laatste werk ik samen met de sector."),
        ("Het kan wel, maar dat is niet aan mij.", "Het kan wel maar dat is niet aan mij."),
        ("Ik onderzoek momenteel of de regeling kan worden verruimd.", "Ik onderzoek momenteel"),
    ],
)
def test_the_main_clause_leaves_out_subordinate_clauses(sentence, main):
    assert main_clause(sentence) == main


def test_a_subordinating_word_alone_before_a_comma_runs_on_to_the_end():
    found = clauses("De nota stelt dat, om de kosten te drukken, de diensten zullen fuseren.")
    assert [clause.text for clause in found if clause.main] == ["De nota stelt"]


def test_the_indirect_question_after_the_main_verb_is_kept_for_the_kind():
    assert main_clause_with_object("Ik bekijk of de regels moeten worden aangescherpt.") == (
        "Ik bekijk of de regels moeten worden aangescherpt."
    )


def test_a_subordinate_clause_that_opens_the_sentence_without_a_comma_ends_at_the_inverted_main_verb():
    assert main_clause("Zoals ik eerder heb uitgelegd kan ik de vergunning niet intrekken.") == (
        "kan ik de vergunning niet intrekken."
    )
    assert main_clause("Zoals eerder toegezegd informeer ik de Kamer na de zomer.") == "informeer ik de Kamer na de zomer."


def test_dat_followed_by_a_negation_or_only_the_infinitive_is_an_object_not_a_conjunction():
    assert main_clause("Ik ga dat niet doen.") == "Ik ga dat niet doen."
    assert main_clause("Ik zal dat doen.") == "Ik zal dat doen."
    assert main_clause("Ik weet dat de gemeenten dit doen.") == "Ik weet"


def test_a_short_aside_in_brackets_does_not_end_its_clause():
    assert main_clause("Zoals eerder aan de commissie (VWS) beloofd, stuur ik de rapportage in mei.") == (
        "stuur ik de rapportage in mei."
    )
    assert main_clause("Het plan (versie 2) wordt in juni gepubliceerd.") == "Het plan (versie 2) wordt in juni gepubliceerd."


def test_dat_before_the_first_persons_verb_points_back():
    assert main_clause("Ja, dat ben ik bereid.") == "Ja dat ben ik bereid."
    assert main_clause("Ik weet dat de gemeenten dit doen.") == "Ik weet"
