"""The periodic report per minister: what is past due on the report date, and what falls due
before the next report, of the kind a parliament sends its ministers."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count

from tracker.models import Answer, Assembly, Commitment, Office, Person, Question, Slippage
from tracker.models.commitments import (
    due_soon_condition,
    long_overdue_condition,
    open_promise_condition,
    overdue_condition,
)

REPORT_ROWS = 200  # per section; the rest is one click away in the filtered list


@dataclass(frozen=True)
class MinisterReport:
    minister: Person
    as_of: datetime.date
    until: datetime.date
    past_due: list[Commitment]
    falling_due: list[Commitment]
    past_due_count: int
    long_overdue_count: int
    falling_due_count: int
    slippage: Slippage = field(default_factory=Slippage)  # how far the deadlines of all the minister's commitments slipped

    # The same rows in the commitment list (open, by deadline), for sections longer than REPORT_ROWS.
    @property
    def past_due_query(self) -> str:
        last_day = self.as_of - datetime.timedelta(days=1)
        return urlencode({"minister": self.minister.pk, "state": "open", "deadline_to": last_day, "sort": "deadline"})

    @property
    def falling_due_query(self) -> str:
        return urlencode(
            {
                "minister": self.minister.pk,
                "state": "open",
                "deadline_from": self.as_of,
                "deadline_to": self.until,
                "sort": "deadline",
            }
        )


def minister_report(*, minister: Person, as_of: datetime.date, until: datetime.date) -> MinisterReport:
    mine = Commitment.objects.for_minister(minister)
    days_ahead = (until - as_of).days
    counts = mine.filter(open_promise_condition(), deadline__lte=until).aggregate(
        past_due=Count("pk", filter=overdue_condition(as_of)),
        long_overdue=Count("pk", filter=long_overdue_condition(as_of)),
        falling_due=Count("pk", filter=due_soon_condition(as_of, days_ahead)),
    )
    rows = mine.with_context().with_overdue_flag(as_of=as_of)
    return MinisterReport(
        minister=minister,
        as_of=as_of,
        until=until,
        past_due=list(rows.overdue(as_of=as_of).overdue_first()[:REPORT_ROWS]),
        falling_due=list(rows.due_soon(as_of=as_of, days=days_ahead).order_by("deadline", "pk")[:REPORT_ROWS]),
        past_due_count=counts["past_due"],
        long_overdue_count=counts["long_overdue"],
        falling_due_count=counts["falling_due"],
        slippage=Slippage(**mine.slippage()),
    )


@dataclass(frozen=True)
class Letterhead:
    """Who writes the minister's letter and to which office: the assembly the minister answers to,
    and the office held on the report date (or last held before it)."""

    assembly: Assembly | None
    office: Office | None


def minister_letterhead(*, minister: Person, as_of: datetime.date) -> Letterhead:
    offices = Office.objects.held_by(minister).select_related("government__assembly")
    office = offices.containing(as_of).order_by("-start_date").first() or offices.filter(start_date__lte=as_of).first()
    assembly = office.government.assembly if office and office.government else None
    if assembly is None:
        question = Question.objects.addressed_to(minister).select_related("assembly").order_by("-asked_on").first()
        assembly = question.assembly if question else None
    return Letterhead(assembly=assembly, office=office)


@dataclass(frozen=True)
class Citation:
    """The question a promise was made in, as the letter cites it."""

    number: int
    asked_on: datetime.date
    asker: str
    url: str  # the question as the parliament publishes it, where known


def report_citations(report: MinisterReport) -> dict[int, Citation]:
    """The question of every row of *report*, by answer id, in one query (the report's rows load
    only the question's number and session year)."""
    answer_ids = {row.answer_id for row in (*report.past_due, *report.falling_due)}
    rows = Answer.objects.filter(pk__in=answer_ids).values_list(
        "pk",
        "question__number",
        "question__asked_on",
        "question__asker__first_name",
        "question__asker__last_name",
        "question__source_url",
    )
    return {
        pk: Citation(number=number, asked_on=asked_on, asker=f"{first} {last}".strip(), url=url)
        for pk, number, asked_on, first, last, url in rows
    }
