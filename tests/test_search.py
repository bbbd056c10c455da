"""Free-text search, on SQLite (a plain match) and PostgreSQL (Dutch full text, ranked)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AnswerFactory, CommitmentFactory, QuestionFactory
from tracker.models import Answer, Commitment, Question
from tracker.search import by_relevance, commitment_search, question_search

pytestmark = pytest.mark.django_db


def found(text: str) -> set[str]:
    return set(commitment_search(Commitment.objects.all(), text).values_list("title", flat=True))


@pytest.fixture
def commitments():
    call = AnswerFactory(text="Ik wil een projectoproep lanceren voor buddywerkingen. Daarnaast overleg ik met de sector.")
    CommitmentFactory(
        answer=call, title="Projectoproep buddywerkingen", quote="Ik wil een projectoproep lanceren voor buddywerkingen."
    )
    housing = AnswerFactory(text="Ik zal de huurpremie uitbreiden. Dat gebeurt na overleg over de projectoproep van vorig jaar.")
    CommitmentFactory(answer=housing, title="Uitbreiding huurpremie", quote="Ik zal de huurpremie uitbreiden.")


def test_every_word_must_match_in_the_title_quote_or_answer(commitments):
    assert found("projectoproep") == {"Projectoproep buddywerkingen", "Uitbreiding huurpremie"}
    assert found("projectoproep buddywerkingen") == {"Projectoproep buddywerkingen"}
    assert found("huurpremie") == {"Uitbreiding huurpremie"}
    assert found("kernenergie") == set()


def test_any_text_is_safe_to_search_for(commitments):
    for text in ("'; DROP TABLE x; --", "a & | ! ( ) :* <->", "\x00", "____", "é" * 300, "projectoproep:*"):
        list(commitment_search(Commitment.objects.all(), text))


def test_a_search_of_no_words_returns_everything(commitments):
    assert found("  ... ") == {"Projectoproep buddywerkingen", "Uitbreiding huurpremie"}


def test_questions_are_found_by_subject_text_and_answer(commitments):
    QuestionFactory(subject="Kinderopvang in Gent", text="Hoeveel plaatsen zijn er?")
    assert set(question_search(Question.objects.all(), "kinderopvang").values_list("subject", flat=True)) == {
        "Kinderopvang in Gent"
    }
    assert question_search(Question.objects.all(), "huurpremie").count() == 1


@pytest.mark.postgres
def test_postgresql_reads_dutch_word_forms_and_prefixes(postgres_only, commitments):
    assert found("projectoproepen") == {"Projectoproep buddywerkingen", "Uitbreiding huurpremie"}, "plural stems to singular"
    assert found("buddywerk") == {"Projectoproep buddywerkingen"}, "a word matches as a prefix"


@pytest.mark.postgres
def test_postgresql_ranks_a_title_match_above_an_answer_text_match(postgres_only, commitments):
    ranked, windowed = by_relevance(commitment_search(Commitment.objects.all(), "projectoproep"), "projectoproep", recent=["pk"])
    assert not windowed
    assert list(ranked.values_list("title", flat=True)) == ["Projectoproep buddywerkingen", "Uitbreiding huurpremie"]


@pytest.mark.postgres
def test_postgresql_search_follows_changes_to_the_answer_and_the_commitment(postgres_only, commitments):
    answer = Answer.objects.get(text__contains="huurpremie")
    answer.text = answer.text + " Er komt ook een renovatiepremie."
    answer.save()
    assert found("renovatiepremie") == {"Uitbreiding huurpremie"}
    Commitment.objects.filter(title="Uitbreiding huurpremie").update(title="Huurpremie voor iedereen")
    assert found("iedereen") == {"Huurpremie voor iedereen"}
    assert connection.vendor == "postgresql"


def test_the_list_orders_a_search_by_relevance_unless_asked_otherwise(viewer_client, commitments):
    response = viewer_client.get("/commitments/", {"q": "projectoproep"})
    assert response.context["sort"] == "relevance"
    assert "Relevance" in response.content.decode()
    sorted_by_deadline = viewer_client.get("/commitments/", {"q": "projectoproep", "sort": "deadline"})
    assert sorted_by_deadline.context["sort"] == "deadline"


def test_made_on_dates_of_searched_commitments_are_shown(viewer_client, commitments):
    assert datetime.date(2018, 7, 19) in {
        c.made_on for c in viewer_client.get("/commitments/", {"q": "huurpremie"}).context["page"]
    }


@pytest.mark.postgres
def test_a_common_word_is_ranked_among_its_most_recent_matches_and_the_page_says_so(postgres_only, viewer_client, monkeypatch):
    monkeypatch.setattr("tracker.search.RANK_WINDOW", 3)
    monkeypatch.setattr("tracker.search.COMMON_FROM", 2)
    monkeypatch.setattr("tracker.views.commitments.RANK_WINDOW", 3)
    answers = [
        AnswerFactory(
            text=f"Ik zal een projectoproep nummer {n} lanceren.",
            question=QuestionFactory(asked_on=datetime.date(2018, 1, 1) + datetime.timedelta(days=30 * n)),
        )
        for n in range(5)
    ]
    for n, answer in enumerate(answers):
        CommitmentFactory(answer=answer, title=f"Oproep {n}", quote=answer.text)
    response = viewer_client.get("/commitments/", {"q": "projectoproep"})
    assert {c.title for c in response.context["page"]} == {"Oproep 4", "Oproep 3", "Oproep 2"}
    assert "these are the 3 most recent" in response.content.decode()


@pytest.mark.postgres
def test_a_ranked_search_is_counted_and_paged_from_its_ids_read_once(postgres_only, viewer_client, settings, monkeypatch):
    settings.TRACKER_PAGE_SIZE = 2
    for n in range(5):
        answer = AnswerFactory(text=f"Ik lanceer projectoproep {n}.")
        CommitmentFactory(answer=answer, title=f"Projectoproep {n}", quote=answer.text)
    response = viewer_client.get("/commitments/", {"q": "projectoproep", "page": "3"})
    assert response.context["page"].paginator.count == 5
    assert len(response.context["page"]) == 1
    pages = [viewer_client.get("/commitments/", {"q": "projectoproep", "page": page}).context["page"] for page in "123"]
    assert sorted(c.title for page in pages for c in page) == [f"Projectoproep {n}" for n in range(5)]
    assert not [query for query in _queries(viewer_client, "/commitments/?q=projectoproep") if "COUNT(" in query]
    # More matches than are read at once: counted and paged as any list.
    monkeypatch.setattr("tracker.pagination.RANKED_AT_ONCE", 3)
    more = viewer_client.get("/commitments/", {"q": "projectoproep", "page": "3"}).context["page"]
    assert (more.paginator.count, len(more)) == (5, 1)


def _queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return [query["sql"] for query in context.captured_queries]
