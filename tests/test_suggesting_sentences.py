"""Step 1 of the suggestions: an answer's sentences, as a careful reader splits them."""

from tracker.imports.suggesting.sentences import readable, split_sentences


def sentences(text):
    return [sentence.text for sentence in split_sentences(text)]


def test_a_line_break_inside_a_sentence_does_not_end_it():
    text = "Ik zal de sector in het najaar\nsamenroepen. Daarna volgt een\nevaluatie."
    assert sentences(text) == ["Ik zal de sector in het najaar\nsamenroepen.", "Daarna volgt een\nevaluatie."]


def test_abbreviations_do_not_end_a_sentence():
    text = "Op 12 maart jl. heb ik de sector ontvangen, bv. de koepels en o.a. de vakbonden. Ook m.b.t. de lonen volgt overleg."
    assert sentences(text) == [
        "Op 12 maart jl. heb ik de sector ontvangen, bv. de koepels en o.a. de vakbonden.",
        "Ook m.b.t. de lonen volgt overleg.",
    ]


def test_a_footnote_marker_after_the_full_stop_belongs_to_neither_sentence():
    text = "De regels staan in de wet. 2\nHet toezicht ligt bij de provincie.[3 ] Zij rapporteert jaarlijks."
    assert sentences(text) == [
        "De regels staan in de wet.",
        "Het toezicht ligt bij de provincie.",
        "Zij rapporteert jaarlijks.",
    ]


def test_headings_items_bullets_and_a_closing_colon_start_new_sentences():
    text = "Antwoord 2\nDe maatregelen zijn:\n1. een nieuwe oproep\n– een hogere premie\nIk zal ze evalueren."
    assert sentences(text) == ["De maatregelen zijn:", "een nieuwe oproep", "een hogere premie", "Ik zal ze evalueren."]


def test_a_question_followed_by_an_answer_on_one_line_is_two_sentences():
    assert sentences("Zal ik de regeling uitbreiden? Ja, ik zal dat doen.") == [
        "Zal ik de regeling uitbreiden?",
        "Ja, ik zal dat doen.",
    ]


def test_every_sentence_points_into_the_text():
    text = "Inleiding.\n\n2. Ik plan geen nieuwe acties. Wel zal ik de sector\nhoren. 4\n\nAntwoord 3\nNee."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_readable_words_join_hyphenated_line_breaks_and_drop_footnote_markers():
    assert readable("De vertegenwoordi-\nging wordt in 2024\nuitgerold.[4 ]") == "De vertegenwoordiging wordt in 2024 uitgerold."
    assert readable("de motie Jansen,7 die") == "de motie Jansen, die"


def test_a_full_stop_glued_to_the_next_sentence_by_a_converter_still_ends_it():
    text = "Het plan moet worden aangepast.Daarom is de dienst van plan de regels te wijzigen. Zie p.Jansen."
    assert sentences(text) == [
        "Het plan moet worden aangepast.",
        "Daarom is de dienst van plan de regels te wijzigen.",
        "Zie p.Jansen.",
    ]


def test_readable_words_part_a_word_glued_before_a_capital_but_not_an_abbreviation_like_ienw():
    assert readable("Ik informeer deTweede Kamer; daarom isRVO bezig.") == "Ik informeer de Tweede Kamer; daarom is RVO bezig."
    assert readable("het ministerie van IenW en mRNA") == "het ministerie van IenW en mRNA"


def test_readable_words_part_an_acronym_glued_to_the_verb_after_it():
    assert readable("Vanuit VWSwordt geld beschikbaar gesteld.") == "Vanuit VWS wordt geld beschikbaar gesteld."


def test_a_short_heading_inside_the_answer_is_no_sentence():
    text = "De cijfers volgen later.\nVoortgang van het programma\nIn de rapportage volgt meer.\nDe minister van\nFinanciën zal dat doen."
    assert sentences(text) == [
        "De cijfers volgen later.",
        "In de rapportage volgt meer.",
        "De minister van\nFinanciën zal dat doen.",
    ]


def test_readable_words_part_het_glued_to_the_next_word_but_not_hetzelfde():
    assert readable("Dat is niet aan hetkabinet maar hetzelfde geldt hetgeen volgt.") == (
        "Dat is niet aan het kabinet maar hetzelfde geldt hetgeen volgt."
    )
