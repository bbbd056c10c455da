"""Parting words a PDF converter glued together, with Debian's list of Dutch words (lexicon.py).
`make test` installs the list where it can; without it these tests are skipped, and nothing is parted."""

import pytest

from tracker.imports.suggesting import lexicon

needs_the_word_list = pytest.mark.skipif(not lexicon.available(), reason="no Dutch word list (Debian's wdutch)")


@needs_the_word_list
@pytest.mark.parametrize(
    ("glued", "parted"),
    [
        ("zaldaarom", "zal daarom"),
        ("ikde", "ik de"),
        ("kannemen", "kan nemen"),
        ("deuitvoering", "de uitvoering"),
        ("wordengedaan", "worden gedaan"),
        ("ministerzal", "minister zal"),
        ("ophet", "op het"),
    ],
)
def test_a_grammatical_word_glued_to_a_dutch_word_is_parted(glued, parted):
    assert lexicon.unglued(glued) == parted


@needs_the_word_list
@pytest.mark.parametrize("word", ["hiervan", "waaronder", "bijeen", "instroom", "aanvullende", "beantwoording", "kansspelen"])
def test_dutch_words_and_compounds_that_begin_with_a_preposition_stay_whole(word):
    assert lexicon.unglued(word) == word


def test_without_the_word_list_nothing_is_parted(monkeypatch, tmp_path):
    monkeypatch.setattr(lexicon, "WORD_LIST", tmp_path / "missing")
    lexicon._words.cache_clear()
    lexicon.unglued.cache_clear()
    try:
        assert not lexicon.available()
        assert lexicon.unglued("zaldaarom") == "zaldaarom"
    finally:
        lexicon._words.cache_clear()
        lexicon.unglued.cache_clear()
