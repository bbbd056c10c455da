"""The dashboard's figures, each in one grouped query whatever the number of commitments."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from tracker.models import Commitment, Person, Status, StatusUpdate
from tracker.models.commitments import due_soon_condition, follow_up_condition, overdue_condition

PANEL_SIZE = 8


@dataclass(frozen=True)
class MinisterRecord:
    person: Person
    made: int
    fulfilled: int
    overdue: int
    broken: int
    open: int

    @property
    def fulfilled_share(self) -> int:
        return round(100 * self.fulfilled / self.made) if self.made else 0


def status_counts() -> dict[str, int]:
    counts = dict(Commitment.objects.values_list("current_status").annotate(total=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in Status.values}


def headline_counts(as_of: datetime.date) -> dict[str, int]:
    """Overdue, long overdue, due soon and needing follow-up, in one query."""
    long_before = as_of - datetime.timedelta(days=settings.TRACKER_LONG_OVERDUE_DAYS)
    return Commitment.objects.aggregate(
        overdue=Count("pk", filter=overdue_condition(as_of)),
        long_overdue=Count("pk", filter=overdue_condition(as_of) & Q(deadline__lt=long_before)),
        due_soon=Count("pk", filter=due_soon_condition(as_of, settings.TRACKER_DUE_SOON_DAYS)),
        needs_follow_up=Count("pk", filter=follow_up_condition(as_of, settings.TRACKER_FOLLOW_UP_MONTHS)),
        total=Count("pk"),
    )


def overdue_panel(as_of: datetime.date):
    return list(
        Commitment.objects.overdue(as_of=as_of).with_context().with_overdue_flag(as_of=as_of).overdue_first()[:PANEL_SIZE]
    )


def due_soon_panel(as_of: datetime.date):
    return list(
        Commitment.objects.due_soon(as_of=as_of, days=settings.TRACKER_DUE_SOON_DAYS)
        .with_context()
        .order_by("deadline", "pk")[:PANEL_SIZE]
    )


def follow_up_panel(as_of: datetime.date):
    return list(
        Commitment.objects.needs_follow_up(as_of=as_of, months=settings.TRACKER_FOLLOW_UP_MONTHS)
        .with_context()
        .neglected_first()[:PANEL_SIZE]
    )


def recent_updates():
    return list(StatusUpdate.objects.select_related("commitment", "recorded_by").order_by("-recorded_at", "-pk")[:PANEL_SIZE])


def minister_records(as_of: datetime.date, limit: int = 12) -> list[MinisterRecord]:
    """Per responsible minister: promises made, fulfilled, overdue, broken; most overdue first."""
    promises = Commitment.objects.promises()
    rows = list(
        promises.values("responsible_person")
        .annotate(
            made=Count("pk"),
            fulfilled=Count("pk", filter=Q(current_status__in=[Status.FULFILLED, Status.PARTIALLY_FULFILLED])),
            overdue=Count("pk", filter=overdue_condition(as_of)),
            broken=Count("pk", filter=Q(current_status__in=Status.broken_values())),
            open=Count("pk", filter=Q(current_status__in=Status.open_values())),
        )
        .order_by("-overdue", "-made")[:limit]
    )
    people = Person.objects.in_bulk([row["responsible_person"] for row in rows])
    return [
        MinisterRecord(
            person=people[row["responsible_person"]],
            made=row["made"],
            fulfilled=row["fulfilled"],
            overdue=row["overdue"],
            broken=row["broken"],
            open=row["open"],
        )
        for row in rows
    ]


def status_by_year_made() -> list[tuple[int, dict[str, int]]]:
    """For each year in which promises were made, how many of them now have each status."""
    rows = (
        Commitment.objects.annotate(year=ExtractYear("made_on"))
        .values_list("year", "current_status")
        .annotate(total=Count("pk"))
        .order_by("year")
    )
    years: dict[int, dict[str, int]] = {}
    for year, status, total in rows:
        years.setdefault(year, {})[status] = total
    return sorted(years.items())
