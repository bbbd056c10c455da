"""Bulk writes of commitments and their status histories, for the data generator: checked as the
single-row services check them (status_update_errors), written with one INSERT per batch and, on
PostgreSQL, the histories with COPY, and each commitment's current status then set from its history
by the one rule (commitments_refresh_current_status), in one UPDATE. Deadlines that moved get their
DeadlineChange rows, and the commitment its first deadline, moves and days slipped counted from them
by the same rule as tracker.services.slippage (slippage_from_changes)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction

from tracker.models import Commitment, DeadlineChange, DeadlineSource, StatusUpdate, slippage_from_changes
from tracker.public.cache import publication_changed_on_commit
from tracker.services.commitments import commitments_refresh_current_status, status_update_errors


@dataclass(frozen=True)
class BulkStatus:
    """One entry of a generated history (no author: the generator is nobody)."""

    status: str
    observed_on: datetime.date
    recorded_at: datetime.datetime
    note: str = ""
    note_is_public: bool = False


@dataclass(frozen=True)
class BulkMove:
    """A later deadline for a generated commitment, set by staff on *changed_on* (no author)."""

    new_deadline: datetime.date
    changed_on: datetime.date
    recorded_at: datetime.datetime
    reason: str


def _moved(commitment: Commitment, moves: list[BulkMove], *, today: datetime.date) -> list[DeadlineChange]:
    """Apply *moves* to the unsaved *commitment* (its deadline as first promised): the changes to
    insert, and the commitment's deadline and slippage figures as they end up."""
    changes = []
    commitment.first_deadline = commitment.deadline
    for move in moves:
        if commitment.deadline is None or not commitment.made_on <= move.changed_on <= today:
            raise ValidationError(f"{commitment.title}: a deadline moves from a date, between the day it was made and today")
        changes.append(
            DeadlineChange(
                old_deadline=commitment.deadline,
                new_deadline=move.new_deadline,
                old_wording=commitment.deadline_wording,
                changed_on=move.changed_on,
                reason=move.reason,
                recorded_at=move.recorded_at,
            )
        )
        commitment.deadline, commitment.deadline_source, commitment.deadline_wording = move.new_deadline, DeadlineSource.STAFF, ""
    commitment.first_deadline, commitment.deadline_moves, commitment.deadline_slip_days = slippage_from_changes(
        changes, deadline=commitment.deadline
    )
    return changes


@transaction.atomic
def commitments_bulk_create(
    commitments: list[Commitment],
    histories: list[list[BulkStatus]],
    *,
    today: datetime.date,
    moves: list[list[BulkMove]] | None = None,
) -> int:
    """Insert *commitments* (unsaved, their derived status fields left to this function) with one
    history each, and their deadline *moves* where given; returns the number of status updates written."""
    changes = [
        _moved(commitment, its_moves, today=today)
        for commitment, its_moves in zip(commitments, moves or [[] for _ in commitments], strict=True)
    ]
    for commitment, history in zip(commitments, histories, strict=True):
        if not history:
            raise ValidationError(f"{commitment.title}: a commitment needs a status history")
        for entry in history:
            errors = status_update_errors(
                kind=commitment.kind, made_on=commitment.made_on, status=entry.status, observed_on=entry.observed_on, today=today
            )
            if errors:
                raise ValidationError(errors)
        # Provisional: set from the whole history once it is written.
        first = history[0]
        commitment.current_status, commitment.status_observed_on, commitment.last_recorded_at = (
            first.status,
            first.observed_on,
            first.recorded_at,
        )
    if not commitments:
        return 0
    Commitment.objects.bulk_create(commitments, batch_size=1000)
    for commitment, its_changes in zip(commitments, changes, strict=True):
        for change in its_changes:
            change.commitment_id = commitment.pk
    DeadlineChange.objects.bulk_create([change for its_changes in changes for change in its_changes], batch_size=5000)
    rows = [
        (commitment.pk, entry.status, entry.observed_on, entry.note, entry.note_is_public, entry.recorded_at)
        for commitment, history in zip(commitments, histories, strict=True)
        for entry in history
    ]
    _write_status_updates(rows)
    if connection.vendor == "postgresql":
        # Statistics that count the rows just written: with those of the tables before the load the
        # planner reads every status update for each commitment in the refresh below (hours at 1M).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE tracker_commitment, tracker_statusupdate")
    ids = [commitment.pk for commitment in commitments]
    commitments_refresh_current_status(Commitment.objects.filter(pk__gte=min(ids), pk__lte=max(ids)))
    # Bulk writes send no signals: the public site's cached pages are emptied here (on commit).
    publication_changed_on_commit()
    return len(rows)


def _write_status_updates(rows: list[tuple]) -> None:
    """The biggest table, written with PostgreSQL's COPY (several times faster than INSERT)."""
    if connection.vendor != "postgresql":
        StatusUpdate.objects.bulk_create(
            [
                StatusUpdate(commitment_id=pk, status=status, observed_on=day, note=note, note_is_public=public, recorded_at=at)
                for pk, status, day, note, public, at in rows
            ],
            batch_size=5000,
        )
        return
    # Every NOT NULL column without a database default is named: COPY fills the others with NULL.
    # Generated history needs no second editor (needs_confirmation false), like an import's.
    columns = (
        "commitment_id, status, observed_on, note, note_is_public, evidence_url, evidence_text, recorded_by_name, recorded_at, "
        "needs_confirmation"
    )
    with (
        connection.cursor() as cursor,
        cursor.connection.cursor().copy(f"COPY tracker_statusupdate ({columns}) FROM STDIN") as copy,
    ):
        for pk, status, day, note, public, at in rows:
            copy.write_row((pk, status, day, note, public, "", "", "", at, False))
