"""Every change of a commitment's deadline on record, and the slippage figures kept from them.

Called by the services that change a deadline (tracker.services.commitments and the recording of a
re-statement), inside their transaction and with the commitment's row lock held."""

import datetime

from tracker.models import Commitment, DeadlineChange, Restatement, slippage_from_changes


def deadline_change_record(
    locked: Commitment,
    *,
    old_deadline: datetime.date | None,
    old_wording: str,
    changed_on: datetime.date,
    recorded: "Provenance",  # noqa: F821 - tracker.services.commitments.Provenance, imported there
    reason: str = "",
    restatement: Restatement | None = None,
) -> DeadlineChange | None:
    """Record that *locked*'s deadline went from *old_deadline* to its current one, and keep its
    first deadline, moves and days slipped in step. Nothing is recorded when the date stayed."""
    if old_deadline == locked.deadline:
        return None
    change = DeadlineChange.objects.create(
        commitment=locked,
        old_deadline=old_deadline,
        new_deadline=locked.deadline,
        old_wording=old_wording,
        new_wording=locked.deadline_wording,
        changed_on=changed_on,
        reason=reason,
        restatement=restatement,
        **recorded.fields("recorded"),
    )
    if locked.first_deadline is None and locked.deadline is not None:
        locked.first_deadline = old_deadline or locked.deadline
    # The rule of a move is the change's own (DeadlineChange.is_move), as in slippage_from_changes().
    if change.is_move:
        locked.deadline_moves += 1
        locked.deadline_slip_days += change.slip_days
    Commitment.all_objects.filter(pk=locked.pk).update(
        first_deadline=locked.first_deadline,
        deadline_moves=locked.deadline_moves,
        deadline_slip_days=locked.deadline_slip_days,
    )
    return change


def commitment_refresh_slippage(commitment: Commitment) -> bool:
    """Set *commitment*'s first deadline, moves and days slipped from its deadline changes (a
    restore brings the changes back one by one, with their original authors and times). The
    caller holds the row lock. Returns whether the stored figures changed."""
    changes = DeadlineChange.objects.filter(commitment=commitment).order_by("changed_on", "recorded_at", "pk")
    first, moves, days = slippage_from_changes(changes, deadline=commitment.deadline)
    if (commitment.first_deadline, commitment.deadline_moves, commitment.deadline_slip_days) == (first, moves, days):
        return False
    commitment.first_deadline, commitment.deadline_moves, commitment.deadline_slip_days = first, moves, days
    Commitment.all_objects.filter(pk=commitment.pk).update(first_deadline=first, deadline_moves=moves, deadline_slip_days=days)
    return True
