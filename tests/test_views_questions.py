import datetime

import pytest

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db


def subjects(response):
    return [question.subject for question, _count in response.context["rows"]]


def test_question_list_shows_questions_newest_first_with_their_commitment_count(viewer_client):
    old = CommitmentFactory(answer__question__subject="Oud", answer__question__asked_on=datetime.date(2016, 1, 5)).answer.question
    AnswerFactory(question=QuestionFactory(subject="Nieuw", asked_on=datetime.date(2019, 3, 1)))
    response = viewer_client.get("/questions/")
    assert subjects(response) == ["Nieuw", "Oud"]
    assert dict((q.pk, n) for q, n in response.context["rows"])[old.pk] == 1


def test_question_list_filters_by_minister_session_year_and_commitments(viewer_client):
    minister = PersonFactory()
    with_commitment = CommitmentFactory(answer__question__addressee=minister, answer__question__subject="Met").answer.question
    AnswerFactory(question=QuestionFactory(subject="Zonder", asked_on=datetime.date(2020, 1, 10)))
    assert subjects(viewer_client.get("/questions/", {"minister": minister.pk})) == ["Met"]
    assert subjects(viewer_client.get("/questions/", {"session_year": "2019-2020"})) == ["Zonder"]
    assert subjects(viewer_client.get("/questions/", {"commitments": "with"})) == [with_commitment.subject]
    assert subjects(viewer_client.get("/questions/", {"commitments": "without"})) == ["Zonder"]


def test_question_search_looks_in_subject_text_and_answer(viewer_client):
    AnswerFactory(question=QuestionFactory(subject="Netwerkversterking"), text="Ik zal een projectoproep lanceren.")
    AnswerFactory(question=QuestionFactory(subject="Wonen"))
    assert subjects(viewer_client.get("/questions/", {"q": "projectoproep"})) == ["Netwerkversterking"]
    assert subjects(viewer_client.get("/questions/", {"q": "netwerk"})) == ["Netwerkversterking"]


def test_question_detail_shows_sub_questions_and_links_each_highlighted_commitment(viewer_client):
    commitment = CommitmentFactory()
    html = viewer_client.get(f"/questions/{commitment.answer.question.pk}/").content.decode()
    assert '<li value="1">Wat plant de minister?</li>' in html
    assert f'href="/commitments/{commitment.pk}/"' in html
    assert f"<mark>{commitment.quote}</mark>" in html


def test_question_without_answer_says_so(viewer_client):
    question = QuestionFactory()
    assert "Not answered yet." in viewer_client.get(f"/questions/{question.pk}/").content.decode()


def test_unknown_question_is_404(viewer_client):
    assert viewer_client.get("/questions/424242/").status_code == 404


def test_question_pages_cost_the_same_number_of_queries_for_1_and_30_rows(viewer_client):
    sentences = [f"Ik zal maatregel {n} uitvoeren." for n in range(30)]
    answer = AnswerFactory(text=" ".join(sentences))
    CommitmentFactory(answer=answer, quote=sentences[0])
    detail = f"/questions/{answer.question.pk}/"
    counts_one = [queries_for(viewer_client, "/questions/"), queries_for(viewer_client, detail)]
    for sentence in sentences[1:]:
        CommitmentFactory(answer=answer, quote=sentence)
        CommitmentFactory()  # and 29 more questions in the list
    assert answer.commitments.count() == 30
    counts_thirty = [queries_for(viewer_client, "/questions/"), queries_for(viewer_client, detail)]
    assert counts_one == counts_thirty
    assert max(counts_thirty) <= 12
