import datetime

import pytest

from tests.chains import EARLIER, LATER, OTHER, answer_of, promise, restating
from tests.factories import CommitmentFactory, OfficeFactory, PersonFactory, SuggestionFactory, ThemeFactory, government
from tracker.models import Commitment, Kind, Status
from tracker.services import matching
from tracker.services.matching import find_match, suggestions_match
from tracker.similarity import normalise, similarity

pytestmark = pytest.mark.django_db


def _later(minister, sentence=LATER, **question):
    return answer_of(minister, sentence, asked_on=datetime.date(2020, 3, 3), **question)


@pytest.fixture(params=["database", "python"])
def both_ways(request, monkeypatch):
    """Each test runs with the similarity the database computes (PostgreSQL with pg_trgm) and with
    the Python fallback; on SQLite both are the fallback."""
    if request.param == "python":
        monkeypatch.setattr(matching, "uses_trigram_index", lambda: False)
    return request.param


# The measure itself (no database).


def test_the_same_sentence_is_fully_similar_and_an_unrelated_one_hardly():
    assert similarity(EARLIER, EARLIER) == 1.0
    assert similarity(EARLIER, OTHER) < 0.15


def test_function_words_do_not_make_sentences_alike():
    assert normalise("Ik zal de projectoproep van het jaar lanceren.") == "projectoproep jaar lanceren"
    assert similarity("de het een van voor", "de het een van voor") == 0.0


def test_a_restatement_in_other_words_scores_above_the_threshold_and_below_one():
    assert matching.threshold() <= similarity(EARLIER, LATER) < 1.0


# Which commitments are candidates.


def test_a_later_answer_of_the_same_minister_is_matched_to_the_promise(both_ways):
    commitment = promise()
    match = find_match(sentence=LATER, answer=_later(commitment.responsible_person), kind=Kind.PROJECT_CALL)
    assert match.commitment == commitment
    assert match.similarity == pytest.approx(similarity(EARLIER, LATER), abs=0.03)


def test_a_promise_of_a_predecessor_in_the_portfolio_is_a_candidate(both_ways):
    old_office = OfficeFactory(government=government("bourgeois"))
    new_office = OfficeFactory(government=government("jambon"))
    old_office.successor = new_office
    old_office.save()
    commitment = promise(old_office.person, responsible_office=old_office)
    answer = _later(new_office.person, addressee_office=new_office)
    assert find_match(sentence=LATER, answer=answer, kind=Kind.ACTION).commitment == commitment


def test_a_promise_on_one_of_the_questions_themes_is_a_candidate(both_ways):
    theme = ThemeFactory(slug="armoede", name="Armoede")
    commitment = promise(themes=[theme])
    answer = _later(PersonFactory())
    answer.question.themes.add(theme)
    assert find_match(sentence=LATER, answer=answer, kind=Kind.ACTION).commitment == commitment


def test_another_ministers_promise_on_other_themes_is_no_candidate(both_ways):
    promise()
    assert find_match(sentence=LATER, answer=_later(PersonFactory()), kind=Kind.ACTION) is None


def test_closed_merged_same_answer_and_refusals_are_no_candidates(both_ways):
    minister = PersonFactory()
    closed = promise(minister)
    Commitment.objects.filter(pk=closed.pk).update(current_status=Status.NOT_FULFILLED)
    merged = promise(minister)
    Commitment.all_objects.filter(pk=merged.pk).update(merged_into=closed)
    assert find_match(sentence=LATER, answer=_later(minister), kind=Kind.ACTION) is None
    refusal_answer = answer_of(minister, f"{LATER} Ik plan geen nieuwe acties.", asked_on=datetime.date(2018, 6, 29))
    CommitmentFactory(answer=refusal_answer, kind=Kind.REFUSAL)
    assert find_match(sentence=LATER, answer=_later(minister), kind=Kind.ACTION) is None
    same = promise(minister)
    assert find_match(sentence=EARLIER, answer=same.answer, kind=Kind.ACTION) is None


def test_a_promise_made_after_the_answer_is_no_candidate(both_ways):
    commitment = promise()
    earlier = answer_of(commitment.responsible_person, LATER, asked_on=datetime.date(2017, 1, 10))
    assert find_match(sentence=LATER, answer=earlier, kind=Kind.ACTION) is None


def test_below_the_threshold_nothing_is_proposed(both_ways, settings):
    commitment = promise()
    settings.TRACKER_RESTATEMENT_THRESHOLD = 0.95
    assert find_match(sentence=LATER, answer=_later(commitment.responsible_person), kind=Kind.ACTION) is None


def test_the_most_similar_of_several_promises_is_proposed(both_ways):
    minister = PersonFactory()
    promise(minister, quote="Ik wil tegen eind 2019 een projectoproep lanceren voor sportclubs in de gemeenten.")
    closest = promise(minister)
    assert find_match(sentence=LATER, answer=_later(minister), kind=Kind.ACTION).commitment == closest


def test_matching_costs_the_same_queries_with_1_or_25_candidates(both_ways, django_assert_num_queries):
    office = OfficeFactory()
    promise(office.person)
    answer = _later(office.person, addressee_office=office)
    answer = type(answer).objects.select_related("question").get(pk=answer.pk)
    # The offices (for the predecessors), then the candidates, scored.
    with django_assert_num_queries(2):
        find_match(sentence=LATER, answer=answer, kind=Kind.ACTION)
    for n in range(24):
        promise(office.person, quote=f"Ik wil tegen eind 2019 maatregel {n} voor de gemeenten uitwerken.")
    with django_assert_num_queries(2):
        assert find_match(sentence=LATER, answer=answer, kind=Kind.ACTION) is not None


def test_on_postgresql_with_pg_trgm_the_database_computes_the_same_score():
    if not matching.uses_trigram_index():
        pytest.skip("the database has no pg_trgm: the Python fallback is the only path")
    commitment = promise()
    match = find_match(sentence=LATER, answer=_later(commitment.responsible_person), kind=Kind.ACTION)
    assert match.similarity == pytest.approx(similarity(EARLIER, LATER), abs=0.02)


# Storing the proposals.


def test_proposals_are_stored_on_pending_suggestions_and_removed_when_none_is_left(settings):
    commitment = promise()
    suggestion = restating(commitment)
    assert (suggestion.match, suggestion.match_similarity) == (commitment, pytest.approx(similarity(EARLIER, LATER), abs=0.03))
    settings.TRACKER_RESTATEMENT_THRESHOLD = 0.99
    assert suggestions_match([suggestion]) == 0
    suggestion.refresh_from_db()
    assert (suggestion.match, suggestion.match_similarity) == (None, None)


def test_importing_a_later_answer_proposes_the_earlier_promise():
    from tracker.imports.upsert import _suggest

    commitment = promise()
    answer = _later(commitment.responsible_person)
    assert _suggest(answer) == 1
    suggestion = answer.suggestions.get()
    assert suggestion.match == commitment


def test_the_command_matches_pending_suggestions_imported_before(capsys):
    from django.core.management import call_command

    commitment = promise()
    suggestion = SuggestionFactory(answer=_later(commitment.responsible_person), sentence=LATER)
    call_command("match_suggestions")
    suggestion.refresh_from_db()
    assert suggestion.match == commitment
    out = capsys.readouterr().out
    assert "1 pending suggestions compared" in out
    assert "1 look like a commitment" in out
