"""A commitment's complete history: status updates, audited edits, re-statements in later answers
and moves of its deadline, together, newest first; with those of the duplicates merged into it, and
the merges themselves."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.models import (
    Commitment,
    CommitmentMerge,
    DeadlineChange,
    DeadlineSource,
    Kind,
    Office,
    Person,
    Restatement,
    StatusUpdate,
)

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
    "parent": _("Part of"),
    "published": _("Publication"),
}
# merged_into: the merge is an event of its own (kind "merge"), with its reason.
_HIDDEN_FIELDS = {"version", "themes", "merged_into"}
# Shown by the deadline change itself (old and new date and words, the days slipped, the reason).
_DEADLINE_FIELDS = {"deadline", "deadline_source", "deadline_wording"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class TimelineEvent:
    kind: str  # "status", "edit", "created", "restated", "deadline", "merge" or "unmerge"
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
    origin: str = ""  # an event of a duplicate merged into this commitment: that one's reference
    merge: CommitmentMerge | None = None

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
    if name == "published":
        return str(_("published") if value else _("internal"))
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


def _chain_events(commitment: Commitment, absorbed: dict[int, str]) -> tuple[list[TimelineEvent], set]:
    """The re-statements (each with the move of the deadline it caused) and the other deadline
    changes, of the commitment and of the duplicates merged into it (*absorbed*: their references by
    id); and the (old, new) deadlines of the commitment's own, for its edits to leave out. Two queries."""
    ids = [commitment.pk, *absorbed]
    changes = list(
        DeadlineChange.objects.filter(commitment__in=ids).select_related("restatement__answer__question", "recorded_by")
    )
    caused = {change.restatement_id: change for change in changes if change.restatement_id}
    events = [
        TimelineEvent(
            kind="restated",
            day=restatement.made_on,
            recorded_at=restatement.recorded_at,
            who=_who(restatement.recorded_by, restatement.recorded_by_name),
            restatement=restatement,
            deadline_change=caused.get(restatement.pk),
            origin=absorbed.get(restatement.commitment_id, ""),
        )
        for restatement in Restatement.objects.filter(commitment__in=ids).select_related("answer__question", "recorded_by")
    ]
    events += [
        TimelineEvent(
            kind="deadline",
            day=change.changed_on,
            recorded_at=change.recorded_at,
            who=_who(change.recorded_by, change.recorded_by_name),
            deadline_change=change,
            reason=change.reason,
            origin=absorbed.get(change.commitment_id, ""),
        )
        for change in changes
        if not change.restatement_id
    ]
    own = {(change.old_deadline, change.new_deadline) for change in changes if change.commitment_id == commitment.pk}
    return events, own


def _merge_events(merges: list[CommitmentMerge]) -> list[TimelineEvent]:
    """Each merge, and its undoing where it was undone."""
    happened = [("merge", merge, merge.merged_at, merge.merged_by, merge.merged_by_name, merge.reason) for merge in merges]
    happened += [
        ("unmerge", merge, merge.undone_at, merge.undone_by, merge.undone_by_name, merge.undo_reason)
        for merge in merges
        if not merge.is_standing
    ]
    return [
        TimelineEvent(kind=kind, day=timezone.localdate(at), recorded_at=at, who=_who(user, name), reason=reason, merge=merge)
        for kind, merge, at, user, name, reason in happened
    ]


def deadline_changes_of(timeline: list[TimelineEvent]) -> list[DeadlineChange]:
    """The commitment's own deadline changes a timeline shows, in the order made (the commitment
    page's list of moves; a merged duplicate's are on the timeline, marked, but moved its own deadline)."""
    changes = [event.deadline_change for event in timeline if event.deadline_change is not None and not event.origin]
    return sorted(changes, key=lambda change: (change.changed_on, change.recorded_at, change.pk))


def _as_date(value) -> datetime.date | None:
    if isinstance(value, str) and value:
        return datetime.date.fromisoformat(value)
    return value or None


def commitment_timeline(commitment: Commitment, merges: list[CommitmentMerge] = ()) -> list[TimelineEvent]:
    """Status updates (by the date observed), edits (by the date made), re-statements (by the date
    of the later answer) and deadline changes, newest first; with *merges*
    (selectors.programmes.commitment_merges), the status updates, re-statements and deadline changes
    of the duplicates standing merged into it (marked with their reference) and the merges. Seven
    queries at most (the people assigned, only when someone ever was)."""
    absorbed = {
        merge.absorbed_id: merge.absorbed.reference for merge in merges if merge.kept_id == commitment.pk and merge.is_standing
    }
    chain, deadline_moves = _chain_events(commitment, absorbed)
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
            origin=absorbed.get(update.commitment_id, ""),
        )
        for update in StatusUpdate.objects.filter(commitment__in=[commitment.pk, *absorbed]).select_related(
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
    events.extend(_merge_events(merges))
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
