"""The dashboard's figures: counts from the running tallies, date-dependent counts from partial indexes.

Counts by status, by year made and per minister come from tracker.models.tallies (a couple of
thousand rows kept by the database). What depends on today's date is counted live, each from the
partial index its rule has: overdue (also per minister), due soon, needs follow-up. The rules are
the same builders the querysets use (tracker.models.commitments).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count

from tracker.choices import COMMITMENTS, cached_value
from tracker.models import Commitment, CommitmentTally, Person, Slippage, Status, StatusUpdate
from tracker.models.commitments import due_soon_deadline, long_overdue_deadline, open_promise_condition, overdue_deadline

PANEL_SIZE = 8
MINISTERS_SHOWN = 12


@dataclass(frozen=True)
class MinisterRecord:
    person: Person
    made: int
    fulfilled: int
    overdue: int
    broken: int
    open: int
    slippage: Slippage = field(default_factory=Slippage)

    @property
    def fulfilled_share(self) -> int:
        return round(100 * self.fulfilled / self.made) if self.made else 0


@dataclass
class Figures:
    status_counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Status.values, 0))
    headline: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("overdue", "long_overdue", "due_soon", "needs_follow_up", "total"), 0)
    )
    by_year: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    ministers: list[MinisterRecord] = field(default_factory=list)

    def status_by_year_made(self) -> list[tuple[int, dict[str, int]]]:
        return [(year, dict(counts)) for year, counts in sorted(self.by_year.items())]


def figures(as_of: datetime.date) -> Figures:
    """count_figures(as_of), kept in the cache until a commitment, its history or a minister is
    written (tracker.choices): the dashboard is read far more often than a status is recorded."""
    periods = f"{settings.TRACKER_DUE_SOON_DAYS}-{settings.TRACKER_LONG_OVERDUE_DAYS}-{settings.TRACKER_FOLLOW_UP_MONTHS}"
    return cached_value(COMMITMENTS, f"dashboard:{as_of.isoformat()}:{periods}", lambda: count_figures(as_of))


def count_figures(as_of: datetime.date) -> Figures:
    """Counts by status, the headline figures, the chart and the per-minister record (with how far
    their deadlines slipped), in five queries.
    Overdue, long overdue and due soon are their rules read together: open promises
    (open_promise_condition), each counted by its deadline window."""
    result = Figures()
    per_minister: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for person, year, status, refusal, total in CommitmentTally.objects.filter(total__gt=0).values_list(
        "responsible_person", "year", "status", "refusal", "total"
    ):
        result.status_counts[status] += total
        result.headline["total"] += total
        result.by_year[year][status] += total
        if not refusal:
            record = per_minister[person]
            record["made"] += total
            record["fulfilled"] += total if status in (Status.FULFILLED, Status.PARTIALLY_FULFILLED) else 0
            record["broken"] += total if status in Status.broken_values() else 0
            record["open"] += total if status in Status.open_values() else 0
    # Overdue (per minister), long overdue and due soon in one read of the open promises' deadline index.
    overdue, long_overdue, due_soon = overdue_deadline(as_of), long_overdue_deadline(as_of), due_soon_deadline(as_of)
    for person, overdue_count, long_overdue_count, due_soon_count in (
        Commitment.objects.filter(open_promise_condition(), overdue | due_soon)
        .values_list("responsible_person")
        .annotate(
            overdue=Count("pk", filter=overdue),
            long=Count("pk", filter=long_overdue),
            due_soon=Count("pk", filter=due_soon),
        )
        .order_by()
    ):
        per_minister[person]["overdue"] = overdue_count
        result.headline["overdue"] += overdue_count
        result.headline["long_overdue"] += long_overdue_count
        result.headline["due_soon"] += due_soon_count
    result.headline["needs_follow_up"] = Commitment.objects.needs_follow_up(as_of=as_of).count()
    leaders = sorted(per_minister.items(), key=lambda item: (-item[1]["overdue"], -item[1]["made"], item[0]))[:MINISTERS_SHOWN]
    people = Person.objects.in_bulk([person_id for person_id, _ in leaders])
    slipped = slippage_by_minister(list(people))
    result.ministers = [
        MinisterRecord(
            person=people[person_id],
            **{name: counts[name] for name in ("made", "fulfilled", "overdue", "broken", "open")},
            slippage=slipped.get(person_id, Slippage()),
        )
        for person_id, counts in leaders
    ]
    result.by_year = {year: dict(counts) for year, counts in result.by_year.items()}  # plain dicts: kept pickled
    return result


def slippage_by_minister(person_ids: list[int]) -> dict[int, Slippage]:
    """How far the deadlines of each of *person_ids* slipped, in one grouped read of the few
    commitments that moved (the stored figures, through the partial index tracker_cmt_moved_idx)."""
    rows = Commitment.objects.filter(responsible_person__in=person_ids).slippage_by_minister()
    return {row.pop("responsible_person"): Slippage(**row) for row in rows}


def overdue_panel(as_of: datetime.date):
    return list(
        Commitment.objects.overdue(as_of=as_of).with_context().with_overdue_flag(as_of=as_of).overdue_first()[:PANEL_SIZE]
    )


def due_soon_panel(as_of: datetime.date):
    return list(Commitment.objects.due_soon(as_of=as_of).with_context().order_by("deadline", "pk")[:PANEL_SIZE])


def follow_up_panel(as_of: datetime.date):
    return list(Commitment.objects.needs_follow_up(as_of=as_of).with_context().neglected_first()[:PANEL_SIZE])


def recent_updates():
    return list(
        StatusUpdate.objects.select_related("commitment", "recorded_by")
        .defer("commitment__quote")
        .order_by("-recorded_at", "-pk")[:PANEL_SIZE]
    )
