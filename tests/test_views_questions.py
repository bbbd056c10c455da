import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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


# Late answers
ASKED = datetime.date(2019, 1, 7)  # due 4 February 2019
DUE = datetime.date(2019, 2, 4)


def late_answer(days_after_term, **fields):
    return AnswerFactory(question__asked_on=ASKED, answered_on=DUE + datetime.timedelta(days=days_after_term), **fields).question


def test_late_answers_lists_late_and_unanswered_questions_with_days_late_and_the_ministers_ranking(viewer_client):
    late = late_answer(6, question__subject="Traag antwoord")
    late_answer(0, question__subject="Op tijd")
    waiting = QuestionFactory(asked_on=datetime.date(2026, 1, 5), subject="Geen antwoord")
    response = viewer_client.get("/questions/late/")
    assert [question.subject for question, _lateness in response.context["rows"]] == ["Geen antwoord", "Traag antwoord"]
    html = response.content.decode()
    assert "not answered" in html
    assert '<span class="days-late">6</span>' in html
    ranking = {record.minister_id: record for record in response.context["ranking"]}
    assert (ranking[late.addressee_id].answered_late, ranking[waiting.addressee_id].unanswered) == (1, 1)
    assert f'minister={late.addressee_id}"' in html


def test_late_answers_says_when_the_verdict_is_the_parliaments(viewer_client):
    late_answer(-5, answered_in_time=False)
    assert "late according to the parliament" in viewer_client.get("/questions/late/").content.decode()


def test_late_answers_with_nothing_late_shows_an_empty_state(viewer_client):
    late_answer(0)
    assert "No late answers." in viewer_client.get("/questions/late/").content.decode()


def test_late_answers_ignores_a_filter_it_does_not_understand_and_says_so(viewer_client):
    late_answer(3)
    response = viewer_client.get("/questions/late/", {"minister": "nobody", "session_year": "1850-1851"}, follow=True)
    assert len(response.context["rows"]) == 1
    assert "were not understood and were ignored: Minister, Session year" in response.content.decode()


def test_late_answers_in_dutch(viewer_client):
    late_answer(3)
    viewer_client.cookies["django_language"] = "nl"
    html = viewer_client.get("/questions/late/").content.decode()
    assert "Laattijdige antwoorden" in html
    assert "Dagen te laat" in html


def test_question_detail_shows_when_the_answer_was_due_and_how_late_it_came(viewer_client):
    question = late_answer(3)
    html = viewer_client.get(f"/questions/{question.pk}/").content.decode()
    assert "answered 3 days late" in html
    assert "Answer due" in html
    on_time = late_answer(0)
    assert "answered in time" in viewer_client.get(f"/questions/{on_time.pk}/").content.decode()


def test_late_answers_costs_the_same_number_of_queries_for_1_and_30_rows(viewer_client):
    late_answer(1)
    one = queries_for(viewer_client, "/questions/late/")
    for days in range(2, 31):
        late_answer(days, question__addressee=PersonFactory())
    response = viewer_client.get("/questions/late/")
    assert len(response.context["rows"]) == 25  # a full page
    assert response.context["page"].paginator.count == 30  # counted from the ministers' record
    assert queries_for(viewer_client, "/questions/late/") == one
    assert one <= 10


def test_a_minister_in_the_record_links_to_their_late_answers_in_the_same_session_year(viewer_client):
    question = late_answer(3)
    html = viewer_client.get("/questions/late/", {"session_year": "2018-2019", "page": "1"}).content.decode()
    assert f'href="?session_year=2018-2019&amp;minister={question.addressee_id}"' in html


def test_late_answers_keeps_its_page_until_a_question_or_answer_is_written(viewer_client):
    late_answer(4, question__subject="Eerst")
    first = queries_for(viewer_client, "/questions/late/")  # with an empty cache
    with CaptureQueriesContext(connection) as again:
        viewer_client.get("/questions/late/")
    assert len(again) < first
    # the page's ids in the list's order are not read again (nor the record)
    assert not [query for query in again.captured_queries if '"answer_due_on" DESC' in query["sql"]]
    late_answer(9, question__subject="Later")  # written: both forgotten
    assert subjects(viewer_client.get("/questions/late/")) == ["Later", "Eerst"]
    assert subjects(viewer_client.get("/questions/late/", {"page": "2"})) == ["Later", "Eerst"]  # nearest real page
