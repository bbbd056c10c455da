"""What an e-mail digest holds (README, "E-mail").

For one period, what changed is read once for every recipient (`period_changes`: a fixed number of
queries, whatever the number of users); what each user follows is read for all of them in one query
(`followings`); each user's share is then picked in Python (`digest_for`, no query). So a run costs
the same queries for ten users as for a thousand, plus the writes that record each digest sent.

A digest is about the commitments a user follows (directly, or through their minister, one of
their themes or their question) or is assigned, and about the new suggestions for the ministers they
follow or look after:

- status updates recorded in the period that count, and closing ones still awaiting a second
  editor's confirmation, marked as such (a rejected or voided update is left out); also an update
  recorded earlier whose confirmation came in the period;
- deadline changes made in the period, read from the commitment's history (first old, last new);
- promises that became overdue in the period (their deadline lay in the period and they are still
  open: the overdue rule counted on the day after the period);
- open promises falling due within TRACKER_DUE_SOON_DAYS days of the day after the period (all of
  them are listed; those that came into that window during the period are new);
- suggestions made in the period and still awaiting review, for reviewers only.

What the recipient did themselves (an update they recorded or confirmed, a deadline they moved) is
left out of their own digest. A digest with nothing new is not sent.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from tracker.models import Commitment, DigestFrequency, Follow, Status, StatusUpdate, Suggestion
from tracker.models.commitments import due_soon_condition, open_condition, overdue_condition
from tracker.selectors.recipients import person_name

# Ids per IN (...) list: well under SQLite's limit on variables, and small enough for PostgreSQL's plans.
CHUNK = 500


@dataclass(frozen=True)
class Period:
    """The days a digest covers, as dates in the installation's time zone (Europe/Brussels)."""

    frequency: str
    start: datetime.date
    end: datetime.date  # the last day covered

    @property
    def as_of(self) -> datetime.date:
        """The day after the period: what is overdue or falls due soon is counted on it."""
        return self.end + datetime.timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """From midnight at the start to midnight after the end, local time (23 or 25 hours on the
        days the clocks change)."""
        return _midnight(self.start), _midnight(self.as_of)


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def digest_period(frequency: str, *, today: datetime.date) -> Period:
    """The period a digest sent on *today* covers: the day before (daily), or the last whole week,
    Monday to Sunday, before today (weekly: on a Monday, the week that ended the day before)."""
    if frequency == DigestFrequency.DAILY:
        day = today - datetime.timedelta(days=1)
        return Period(frequency, day, day)
    if frequency == DigestFrequency.WEEKLY:
        sunday = today - datetime.timedelta(days=today.isoweekday())
        return Period(frequency, sunday - datetime.timedelta(days=6), sunday)
    raise ValueError(f"no digest period for {frequency!r}")


@dataclass(frozen=True)
class CommitmentRow:
    """What a digest line shows of a commitment, and what decides who sees it."""

    id: int
    title: str
    minister: str
    person_id: int
    question_id: int
    assignee_id: int | None
    deadline: datetime.date | None
    status: str
    theme_ids: frozenset[int]
    path: str

    @property
    def reference(self) -> str:
        return f"C-{self.id:05d}"

    @property
    def status_label(self) -> str:
        return Status(self.status).label if self.status in Status.values else self.status

    @property
    def is_open(self) -> bool:
        return self.status in Status.open_values()


@dataclass(frozen=True)
class StatusChange:
    commitment_id: int
    status: str
    observed_on: datetime.date
    note: str
    recorded_at: datetime.datetime
    recorded_by_id: int | None
    recorded_by: str  # empty: an import
    awaiting_confirmation: bool
    confirmed_by_id: int | None = None
    confirmed_by: str = ""

    @property
    def status_label(self) -> str:
        return Status(self.status).label if self.status in Status.values else self.status


@dataclass(frozen=True)
class DeadlineChange:
    commitment_id: int
    old: datetime.date | None
    new: datetime.date | None
    changed_by_id: int | None
    changed_by: str
    reason: str


@dataclass(frozen=True)
class NewSuggestion:
    id: int
    title: str
    minister_id: int
    minister: str
    question: str  # "2017-2018 nr. 551"
    path: str


@dataclass
class PeriodChanges:
    """Everything that changed in one period, for every user at once, with indexes from each thing one
    can follow (a minister, a theme, a question, an assignee) to the commitments concerned."""

    period: Period
    commitments: dict[int, CommitmentRow] = field(default_factory=dict)
    status_changes: dict[int, list[StatusChange]] = field(default_factory=dict)
    deadline_changes: dict[int, DeadlineChange] = field(default_factory=dict)
    newly_overdue: set[int] = field(default_factory=set)
    due_soon: set[int] = field(default_factory=set)
    due_soon_new: set[int] = field(default_factory=set)
    suggestions_by_minister: dict[int, list[NewSuggestion]] = field(default_factory=dict)
    by_person: dict[int, set[int]] = field(default_factory=dict)
    by_theme: dict[int, set[int]] = field(default_factory=dict)
    by_question: dict[int, set[int]] = field(default_factory=dict)
    by_assignee: dict[int, set[int]] = field(default_factory=dict)


def _chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


def commitment_rows(ids: Iterable[int]) -> dict[int, CommitmentRow]:
    """The rows of *ids* with their themes: two queries per CHUNK ids."""
    result: dict[int, CommitmentRow] = {}
    for chunk in _chunks(ids):
        themes: dict[int, set[int]] = defaultdict(set)
        for commitment_id, theme_id in Commitment.themes.through.objects.filter(commitment_id__in=chunk).values_list(
            "commitment_id", "theme_id"
        ):
            themes[commitment_id].add(theme_id)
        rows = Commitment.objects.filter(pk__in=chunk).values_list(
            "pk",
            "title",
            "responsible_person__first_name",
            "responsible_person__last_name",
            "responsible_person_id",
            "answer__question_id",
            "assignee_id",
            "deadline",
            "current_status",
        )
        for pk, title, first, last, person_id, question_id, assignee_id, deadline, status in rows:
            result[pk] = CommitmentRow(
                id=pk,
                title=title,
                minister=person_name(first, last),
                person_id=person_id,
                question_id=question_id,
                assignee_id=assignee_id,
                deadline=deadline,
                status=status,
                theme_ids=frozenset(themes.get(pk, ())),
                path=reverse("commitment_detail", args=[pk]),
            )
    return result


def _status_changes(period: Period) -> Iterator[StatusChange]:
    """Updates recorded in the period that count or await confirmation (not voided, not rejected),
    and updates recorded before it whose confirmation came in it. Two queries."""
    start, end = period.bounds()
    fields = (
        "commitment_id",
        "status",
        "observed_on",
        "note",
        "recorded_at",
        "recorded_by_id",
        "recorded_by__first_name",
        "recorded_by__last_name",
        "recorded_by__username",
        "recorded_by_name",
        "needs_confirmation",
        "confirmation__id",
        "confirmation__decided_by_id",
        "confirmation__decided_by__first_name",
        "confirmation__decided_by__last_name",
        "confirmation__decided_by__username",
        "confirmation__decided_by_name",
    )
    counting = Q(void__isnull=True) & (Q(confirmation__isnull=True) | Q(confirmation__confirmed=True))
    recorded = StatusUpdate.objects.filter(counting, recorded_at__gte=start, recorded_at__lt=end)
    confirmed = StatusUpdate.objects.filter(
        void__isnull=True,
        confirmation__confirmed=True,
        confirmation__decided_at__gte=start,
        confirmation__decided_at__lt=end,
        recorded_at__lt=start,
    )
    for queryset in (recorded, confirmed):
        for row in queryset.order_by("recorded_at", "pk").values(*fields).iterator(chunk_size=2000):
            confirmed_by_id = row["confirmation__decided_by_id"]
            yield StatusChange(
                commitment_id=row["commitment_id"],
                status=row["status"],
                observed_on=row["observed_on"],
                note=row["note"],
                recorded_at=row["recorded_at"],
                recorded_by_id=row["recorded_by_id"],
                recorded_by=person_name(
                    row["recorded_by__first_name"], row["recorded_by__last_name"], row["recorded_by__username"]
                )
                or row["recorded_by_name"],
                awaiting_confirmation=row["needs_confirmation"] and row["confirmation__id"] is None,
                confirmed_by_id=confirmed_by_id,
                confirmed_by=(
                    person_name(
                        row["confirmation__decided_by__first_name"],
                        row["confirmation__decided_by__last_name"],
                        row["confirmation__decided_by__username"],
                    )
                    or row["confirmation__decided_by_name"]
                    if row["confirmation__id"] is not None and row["needs_confirmation"]
                    else ""
                ),
            )


def _deadline_changes(period: Period) -> dict[int, DeadlineChange]:
    """Deadline changes made in the period, from the commitments' history (django-simple-history): each
    edit's deadline against the record before it; several in the period make one change, from the
    first old deadline to the last new one (none when it came back). One query."""
    start, end = period.bounds()
    history = Commitment.history.model
    before = history.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id")).order_by("-history_id")
    rows = (
        history.objects.filter(history_date__gte=start, history_date__lt=end, history_type="~")
        .annotate(before=Subquery(before.values("deadline")[:1]))
        .order_by("history_id")
        .values(
            "id",
            "deadline",
            "before",
            "history_user_id",
            "history_user__first_name",
            "history_user__last_name",
            "history_user__username",
            "history_change_reason",
        )
    )
    found: dict[int, tuple[datetime.date | None, dict]] = {}
    for row in rows.iterator(chunk_size=2000):
        if row["deadline"] == row["before"]:
            continue  # another field changed
        first_old = found[row["id"]][0] if row["id"] in found else row["before"]
        found[row["id"]] = (first_old, row)
    return {
        pk: DeadlineChange(
            commitment_id=pk,
            old=old,
            new=last["deadline"],
            changed_by_id=last["history_user_id"],
            changed_by=person_name(
                last["history_user__first_name"], last["history_user__last_name"], last["history_user__username"]
            ),
            reason=last["history_change_reason"] or "",
        )
        for pk, (old, last) in found.items()
        if old != last["deadline"]
    }


def _new_suggestions(period: Period) -> dict[int, list[NewSuggestion]]:
    """Suggestions made in the period and still awaiting review, by the minister who answered. One query."""
    start, end = period.bounds()
    rows = (
        Suggestion.objects.pending()
        .filter(created_at__gte=start, created_at__lt=end)
        .order_by("created_at", "pk")
        .values(
            "id",
            "title",
            "answer__question__addressee_id",
            "answer__question__addressee__first_name",
            "answer__question__addressee__last_name",
            "answer__question__session_year",
            "answer__question__number",
        )
    )
    by_minister: dict[int, list[NewSuggestion]] = defaultdict(list)
    for row in rows.iterator(chunk_size=2000):
        minister_id = row["answer__question__addressee_id"]
        by_minister[minister_id].append(
            NewSuggestion(
                id=row["id"],
                title=row["title"],
                minister_id=minister_id,
                minister=person_name(
                    row["answer__question__addressee__first_name"], row["answer__question__addressee__last_name"]
                ),
                question=f"{row['answer__question__session_year']} nr. {row['answer__question__number']}",
                path=reverse("suggestion_review", args=[row["id"]]),
            )
        )
    return dict(by_minister)


def period_changes(period: Period) -> PeriodChanges:
    """What changed in *period*, for every user at once: six queries, plus two per CHUNK commitments
    concerned (their rows and their themes), never per user."""
    changes = PeriodChanges(period=period)
    for change in _status_changes(period):
        changes.status_changes.setdefault(change.commitment_id, []).append(change)
    changes.deadline_changes = _deadline_changes(period)
    as_of = period.as_of
    changes.newly_overdue = set(
        Commitment.objects.filter(overdue_condition(as_of), deadline__gte=period.start, deadline__lte=period.end).values_list(
            "pk", flat=True
        )
    )
    # In the due-soon window of the day after this period, and new there when it was not yet in the
    # window of the day after the period before (which is this period's first day).
    previous_window_end = period.start + datetime.timedelta(days=settings.TRACKER_DUE_SOON_DAYS)
    for pk, deadline in Commitment.objects.filter(due_soon_condition(as_of)).values_list("pk", "deadline"):
        changes.due_soon.add(pk)
        if deadline > previous_window_end:
            changes.due_soon_new.add(pk)
    changes.suggestions_by_minister = _new_suggestions(period)

    concerned = set(changes.status_changes) | set(changes.deadline_changes) | changes.newly_overdue | changes.due_soon
    changes.commitments = commitment_rows(concerned)
    for pk, row in changes.commitments.items():
        changes.by_person.setdefault(row.person_id, set()).add(pk)
        changes.by_question.setdefault(row.question_id, set()).add(pk)
        if row.assignee_id is not None:
            changes.by_assignee.setdefault(row.assignee_id, set()).add(pk)
        for theme_id in row.theme_ids:
            changes.by_theme.setdefault(theme_id, set()).add(pk)
    return changes


@dataclass
class Following:
    """What one user follows, and the ministers of the open commitments they look after."""

    commitments: set[int] = field(default_factory=set)
    ministers: set[int] = field(default_factory=set)
    themes: set[int] = field(default_factory=set)
    questions: set[int] = field(default_factory=set)
    assigned_ministers: set[int] = field(default_factory=set)


def followings(user_ids: list[int]) -> dict[int, Following]:
    """What each of *user_ids* follows (one query for all their follows), and the ministers whose open
    commitments each looks after (one query). Callers pass users a chunk at a time."""
    result: dict[int, Following] = defaultdict(Following)
    follows = Follow.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "commitment_id", "minister_id", "theme_id", "question_id"
    )
    for user_id, commitment_id, minister_id, theme_id, question_id in follows.iterator(chunk_size=5000):
        following = result[user_id]
        if commitment_id:
            following.commitments.add(commitment_id)
        elif minister_id:
            following.ministers.add(minister_id)
        elif theme_id:
            following.themes.add(theme_id)
        elif question_id:
            following.questions.add(question_id)
    assigned = (
        Commitment.objects.filter(open_condition(), assignee_id__in=user_ids)
        .values_list("assignee_id", "responsible_person_id")
        .distinct()
    )
    for user_id, person_id in assigned:
        result[user_id].assigned_ministers.add(person_id)
    return result


@dataclass(frozen=True)
class DigestLine:
    """One commitment in one section of a digest, and whether it is the recipient's to look after."""

    commitment: CommitmentRow
    assigned: bool
    change: StatusChange | DeadlineChange | None = None
    new: bool = True


@dataclass
class Digest:
    period: Period
    status_changes: list[DigestLine] = field(default_factory=list)
    deadline_changes: list[DigestLine] = field(default_factory=list)
    newly_overdue: list[DigestLine] = field(default_factory=list)
    due_soon: list[DigestLine] = field(default_factory=list)
    suggestions: list[NewSuggestion] = field(default_factory=list)

    @property
    def news(self) -> int:
        """What is new in the period: every line except the due-soon ones already in the window before."""
        return (
            len(self.status_changes)
            + len(self.deadline_changes)
            + len(self.newly_overdue)
            + sum(line.new for line in self.due_soon)
            + len(self.suggestions)
        )

    @property
    def is_empty(self) -> bool:
        """Nothing new: such a digest is not sent (even with promises still falling due soon)."""
        return self.news == 0


def _by_deadline(line: DigestLine) -> tuple:
    return (line.commitment.deadline or datetime.date.max, line.commitment.id)


def digest_for(*, user_id: int, following: Following | None, changes: PeriodChanges, can_review: bool) -> Digest:
    """One user's share of the period's changes: no query."""
    following = following or Following()
    mine = changes.by_assignee.get(user_id, set())
    ids = set(mine) | (following.commitments & changes.commitments.keys())
    for index, keys in (
        (changes.by_person, following.ministers),
        (changes.by_theme, following.themes),
        (changes.by_question, following.questions),
    ):
        for key in keys:
            ids |= index.get(key, set())
    digest = Digest(period=changes.period)
    for pk in sorted(ids):
        commitment = changes.commitments[pk]
        assigned = pk in mine
        for change in changes.status_changes.get(pk, ()):
            if user_id not in (change.recorded_by_id, change.confirmed_by_id):
                digest.status_changes.append(DigestLine(commitment, assigned, change))
        deadline_change = changes.deadline_changes.get(pk)
        if deadline_change is not None and deadline_change.changed_by_id != user_id:
            digest.deadline_changes.append(DigestLine(commitment, assigned, deadline_change))
        if pk in changes.newly_overdue:
            digest.newly_overdue.append(DigestLine(commitment, assigned))
        if pk in changes.due_soon:
            digest.due_soon.append(DigestLine(commitment, assigned, new=pk in changes.due_soon_new))
    digest.newly_overdue.sort(key=_by_deadline)
    digest.due_soon.sort(key=_by_deadline)
    if can_review:
        for minister_id in sorted(following.ministers | following.assigned_ministers):
            digest.suggestions.extend(changes.suggestions_by_minister.get(minister_id, ()))
    return digest
