import pytest

from tracker.names import display_name, normalise_name, one_letter_apart


@pytest.mark.parametrize("variant", ["CINDY FRANSSEN", "Cindy  Franssen", "Franssen, Cindy", "cindy franssen"])
def test_spelling_and_order_variants_share_one_matching_key(variant):
    assert normalise_name(variant) == "cindy franssen"


def test_accents_do_not_matter_for_matching():
    assert normalise_name("Zuhal Demir") == normalise_name("Zühal Demír")


def test_names_printed_in_capitals_are_shown_in_title_case():
    assert display_name("LIESBETH HOMANS") == "Liesbeth Homans"
    assert display_name("Jan De Vries") == "Jan De Vries"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("fransen", "franssen", True),
        ("franssen", "fransen", True),
        ("homans", "homens", True),
        ("franssen", "frans", False),
        ("peeters", "peters", True),
        ("peeters", "pieters", True),
        ("peeters", "pietersen", False),
        ("demir", "derim", False),
    ],
)
def test_one_letter_apart(first, second, expected):
    assert one_letter_apart(first, second) is expected
