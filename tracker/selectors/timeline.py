"""A commitment's complete history: status updates, audited edits, re-statements in later answers
and moves of its deadline, together, newest first."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, DeadlineChange, DeadlineSource, Kind, Office, Person, Restatement, StatusUpdate
from tracker.selectors.commitments import deadline_changes

_FIELD_LABELS = {
    "title": _("Title"),
    "quote": _("Quote"),
    "kind": _("Kind"),
    "deadline": _("Deadline"),
    "deadline_source": _("Deadline source"),
    "deadline_wording": _("Deadline as worded"),
    "responsible_person": _("Responsible minister"),
    "responsible_office": _("Responsible office"),
    "target_group": _("Target group"),
    "answer": _("Answer"),
    "assignee": _("Assigned to"),
}
_HIDDEN_FIELDS = {"version", "themes"}
# Shown by the deadline change itself (old and new date and words, the days slipped, the reason).
_DEADLINE_FIELDS = {"deadline", "deadline_source", "deadline_wording"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class TimelineEvent:
    kind: str  # "status", "edit", "created", "restated" or "deadline"
    day: datetime.date
    recorded_at: datetime.datetime
    who: str
    update: StatusUpdate | None = None
    changes: list[Change] = field(default_factory=list)
    reason: str = ""
    voided_by: str = ""  # a voided status update: who voided it (the reason is on update.void)
    decided_by: str = ""  # a closing status a second editor decided on: who (the decision is on update.confirmation)
    restatement: Restatement | None = None
    deadline_change: DeadlineChange | None = None  # a move of the deadline (for "restated": the move it caused)

    @property
    def sort_key(self):
        return (self.day, self.recorded_at)

    @property
    def awaiting(self) -> bool:
        """A closing status still waiting for a second editor (the four-eyes check): it does not count yet."""
        update = self.update
        return bool(
            update is not None
            and update.needs_confirmation
            and not hasattr(update, "confirmation")
            and not hasattr(update, "void")
        )

    @property
    def rejected(self) -> bool:
        update = self.update
        return bool(update is not None and hasattr(update, "confirmation") and not update.confirmation.confirmed)


def _who(user, fallback: str = "") -> str:
    if user is None:
        return fallback or str(_("import"))
    return user.get_full_name() or user.get_username()


def _display(name: str, value, people: dict, offices: dict, users: dict) -> str:
    if name == "assignee":
        return _who(users.get(value), str(value)) if value else str(_("nobody"))
    if value in (None, ""):
        return "—"
    if name == "responsible_person":
        person = people.get(value)
        return person.full_name if person else str(value)
    if name == "responsible_office":
        office = offices.get(value)
        return office.title if office else str(value)
    if name == "kind":
        return str(Kind(value).label) if value in Kind.values else value
    if name == "deadline_source":
        return str(DeadlineSource(value).label) if value in DeadlineSource.values else value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _chain_events(commitment: Commitment) -> tuple[list[TimelineEvent], set]:
    """The re-statements (each with the move of the deadline it caused) and the other deadline
    changes; and the (old, new) deadlines they show, for the edits to leave out. Two queries."""
    changes = deadline_changes(commitment)
    caused = {change.restatement_id: change for change in changes if change.restatement_id}
    events = [
        TimelineEvent(
            kind="restated",
            day=restatement.made_on,
            recorded_at=restatement.recorded_at,
            who=_who(restatement.recorded_by, restatement.recorded_by_name),
            restatement=restatement,
            deadline_change=caused.get(restatement.pk),
        )
        for restatement in Restatement.objects.filter(commitment=commitment).select_related("answer__question", "recorded_by")
    ]
    events += [
        TimelineEvent(
            kind="deadline",
            day=change.changed_on,
            recorded_at=change.recorded_at,
            who=_who(change.recorded_by, change.recorded_by_name),
            deadline_change=change,
            reason=change.reason,
        )
        for change in changes
        if not change.restatement_id
    ]
    return events, {(change.old_deadline, change.new_deadline) for change in changes}


def deadline_changes_of(timeline: list[TimelineEvent]) -> list[DeadlineChange]:
    """The deadline changes a timeline shows, in the order made (the commitment page's list of moves)."""
    changes = [event.deadline_change for event in timeline if event.deadline_change is not None]
    return sorted(changes, key=lambda change: (change.changed_on, change.recorded_at, change.pk))


def _as_date(value) -> datetime.date | None:
    if isinstance(value, str) and value:
        return datetime.date.fromisoformat(value)
    return value or None


def commitment_timeline(commitment: Commitment) -> list[TimelineEvent]:
    """Status updates (by the date observed), edits (by the date made), re-statements (by the date
    of the later answer) and deadline changes, newest first. Seven queries at most (the people
    assigned, only when someone ever was)."""
    chain, deadline_moves = _chain_events(commitment)
    events = chain + [
        TimelineEvent(
            kind="status",
            day=update.observed_on,
            recorded_at=update.recorded_at,
            who=_who(update.recorded_by, update.recorded_by_name),
            update=update,
            voided_by=_who(update.void.voided_by, update.void.voided_by_name) if hasattr(update, "void") else "",
            decided_by=(
                _who(update.confirmation.decided_by, update.confirmation.decided_by_name)
                if hasattr(update, "confirmation")
                else ""
            ),
        )
        for update in StatusUpdate.objects.filter(commitment=commitment).select_related(
            "recorded_by", "void__voided_by", "confirmation__decided_by"
        )
    ]
    records = list(commitment.history.select_related("history_user").order_by("history_date", "history_id"))
    person_ids, office_ids, user_ids = set(), set(), set()
    for record in records:
        person_ids.add(record.responsible_person_id)
        office_ids.add(record.responsible_office_id)
        user_ids.add(record.assignee_id)
    people = Person.objects.in_bulk([pk for pk in person_ids if pk])
    offices = Office.objects.in_bulk([pk for pk in office_ids if pk])
    users = get_user_model().objects.in_bulk([pk for pk in user_ids if pk])
    previous = None
    for record in records:
        when = record.history_date
        day = timezone.localdate(when) if timezone.is_aware(when) else when.date()
        who = _who(record.history_user)
        if previous is None:
            events.append(
                TimelineEvent(kind="created", day=day, recorded_at=when, who=who, reason=record.history_change_reason or "")
            )
        else:
            hidden = _HIDDEN_FIELDS
            if (_as_date(previous.deadline), _as_date(record.deadline)) in deadline_moves:
                hidden = hidden | _DEADLINE_FIELDS
            delta = record.diff_against(previous, excluded_fields=hidden)
            changes = [
                Change(
                    str(_FIELD_LABELS.get(change.field, change.field)),
                    _display(change.field, change.old, people, offices, users),
                    _display(change.field, change.new, people, offices, users),
                )
                for change in delta.changes
            ]
            if changes:
                events.append(
                    TimelineEvent(
                        kind="edit",
                        day=day,
                        recorded_at=when,
                        who=who,
                        changes=changes,
                        reason=record.history_change_reason or "",
                    )
                )
        previous = record
    return sorted(events, key=lambda event: event.sort_key, reverse=True)
