"""Every change of a commitment's deadline on record, and the slippage figures kept from them.

Called by the services that change a deadline (tracker.services.commitments and the recording of a
re-statement), inside their transaction and with the commitment's row lock held."""

import datetime

from tracker.models import Commitment, DeadlineChange, Restatement, slip_between


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
    slip = slip_between(old_deadline, locked.deadline)
    if slip is not None:
        locked.deadline_moves += 1
        locked.deadline_slip_days += slip
    Commitment.all_objects.filter(pk=locked.pk).update(
        first_deadline=locked.first_deadline,
        deadline_moves=locked.deadline_moves,
        deadline_slip_days=locked.deadline_slip_days,
    )
    return change
