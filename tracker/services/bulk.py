"""Bulk writes of commitments and their status histories, for the data generator: checked as the
single-row services check them (status_update_errors), written with one INSERT per batch and, on
PostgreSQL, the histories with COPY, and each commitment's current status then set from its history
by the one rule (commitments_refresh_current_status), in one UPDATE."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction

from tracker.models import Commitment, StatusUpdate
from tracker.services.commitments import commitments_refresh_current_status, status_update_errors


@dataclass(frozen=True)
class BulkStatus:
    """One entry of a generated history (no author: the generator is nobody)."""

    status: str
    observed_on: datetime.date
    recorded_at: datetime.datetime
    note: str = ""


@transaction.atomic
def commitments_bulk_create(commitments: list[Commitment], histories: list[list[BulkStatus]], *, today: datetime.date) -> int:
    """Insert *commitments* (unsaved, their derived status fields left to this function) with one
    history each; returns the number of status updates written."""
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
    rows = [
        (commitment.pk, entry.status, entry.observed_on, entry.note, entry.recorded_at)
        for commitment, history in zip(commitments, histories, strict=True)
        for entry in history
    ]
    _write_status_updates(rows)
    ids = [commitment.pk for commitment in commitments]
    commitments_refresh_current_status(Commitment.objects.filter(pk__gte=min(ids), pk__lte=max(ids)))
    return len(rows)


def _write_status_updates(rows: list[tuple]) -> None:
    """The biggest table, written with PostgreSQL's COPY (several times faster than INSERT)."""
    if connection.vendor != "postgresql":
        StatusUpdate.objects.bulk_create(
            [
                StatusUpdate(commitment_id=pk, status=status, observed_on=day, note=note, recorded_at=at)
                for pk, status, day, note, at in rows
            ],
            batch_size=5000,
        )
        return
    # Every NOT NULL column without a database default is named: COPY fills the others with NULL.
    # Generated history needs no second editor (needs_confirmation false), like an import's.
    columns = (
        "commitment_id, status, observed_on, note, evidence_url, evidence_text, recorded_by_name, recorded_at, needs_confirmation"
    )
    with (
        connection.cursor() as cursor,
        cursor.connection.cursor().copy(f"COPY tracker_statusupdate ({columns}) FROM STDIN") as copy,
    ):
        for pk, status, day, note, at in rows:
            copy.write_row((pk, status, day, note, "", "", "", at, False))
