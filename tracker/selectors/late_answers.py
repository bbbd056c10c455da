"""Late answers: questions not answered within the legal term, and each minister's record of them.

The rule itself (the parliament's verdict first, else twenty working days) lives on the Question
model and its QuerySet; this module filters, ranks and orders.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, QuerySet

from tracker.choices import LATE_ANSWERS, cached_value, query_key
from tracker.models import Person, Question
from tracker.models.questions import answered_late_condition, unanswered_past_term_condition
from tracker.selectors.filtering import ListResult, TrackerFilterSet, apply_valid_filters, minister_filter
from tracker.selectors.questions import session_year_filter


class LateAnswerFilter(TrackerFilterSet):
    minister = minister_filter("addressee")
    session_year = session_year_filter()

    class Meta:
        model = Question
        fields = []


@dataclass(frozen=True)
class MinisterAnswerRecord:
    """One minister's questions whose answer was due (or came) by the report date."""

    minister_id: int
    name: str
    judged: int  # answered, or past the term: the questions that can be on time or late
    answered_late: int
    unanswered: int  # still unanswered after the term

    @property
    def late(self) -> int:
        return self.answered_late + self.unanswered

    @property
    def late_share(self) -> float:
        return self.late / self.judged if self.judged else 0.0

    @property
    def late_percent(self) -> int:
        return round(100 * self.late_share)


@dataclass(frozen=True)
class LateAnswers:
    filter: ListResult
    late: QuerySet  # the late questions, latest first
    ranking: list[MinisterAnswerRecord]  # most late answers first


def late_answers(*, params, as_of: datetime.date) -> LateAnswers:
    filterset, questions, ignored = apply_valid_filters(LateAnswerFilter, params, Question.objects.all())
    late = (
        questions.late(as_of=as_of)
        .with_days_late(as_of=as_of)
        .order_by(F("late_by").desc(nulls_last=True), "-answer_due_on", "-pk")
    )
    # The record changes only when a question or an answer is written (or the day passes): kept until
    # then (tracker.choices), for the filters applied, which the query's SQL names exactly.
    ranking = cached_value(
        LATE_ANSWERS,
        f"{as_of.isoformat()}:{query_key(questions)}",
        lambda: minister_ranking(questions, as_of=as_of),
    )
    return LateAnswers(filter=ListResult(filterset, late, ignored), late=late, ranking=ranking)


def minister_ranking(questions: QuerySet, *, as_of: datetime.date) -> list[MinisterAnswerRecord]:
    """Each minister's late answers among *questions*, in two queries, most late first."""
    # Grouped on the question table alone (an index-only scan on PostgreSQL); the names are read
    # afterwards for the few ministers found, not joined to every question.
    rows = list(
        questions.term_passed(as_of=as_of)
        .order_by()
        .values("addressee")
        .annotate(
            judged=Count("pk"),
            answered_late=Count("pk", filter=answered_late_condition()),
            unanswered=Count("pk", filter=unanswered_past_term_condition(as_of)),
        )
    )
    names = Person.objects.filter(pk__in=[row["addressee"] for row in rows]).in_bulk()
    records = [
        MinisterAnswerRecord(
            minister_id=row["addressee"],
            name=names[row["addressee"]].full_name,
            judged=row["judged"],
            answered_late=row["answered_late"],
            unanswered=row["unanswered"],
        )
        for row in rows
    ]
    return sorted(records, key=lambda record: (-record.late, -record.late_share, record.name))


def late_rows(ids: list[int]) -> QuerySet:
    """The late questions *ids* with what a row shows."""
    return Question.objects.filter(pk__in=ids).for_list()
