"""Merging duplicates: two commitments recorded for the same promise made one, and undoing that.

The absorbed commitment is not deleted or rewritten: it points to the one kept (merged_into), so it
leaves the lists and the tallies, and the kept one shows its quote, reference and history. Undoing
clears the pointer; both come back exactly as they were, with whatever was recorded meanwhile on
the kept one."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.models import Commitment, CommitmentMerge
from tracker.services.commitments import (
    Provenance,
    _required_reason,
    _with_history,
    commitments_refresh_current_status,
)


def _lock_pair(first: Commitment, second: Commitment) -> tuple[Commitment, Commitment]:
    # Both rows, in primary-key order: two editors merging the same pair the other way round wait
    # for each other instead of deadlocking.
    rows = Commitment.all_objects.select_for_update().order_by("pk").in_bulk([first.pk, second.pk])
    return rows[first.pk], rows[second.pk]


def merge_errors(kept: Commitment, absorbed: Commitment) -> list[str]:
    """Why *absorbed* cannot be merged into *kept* (empty: it can), in plain words."""
    if kept.pk == absorbed.pk:
        return [_("A commitment cannot be merged into itself.")]
    errors = []
    for commitment in (kept, absorbed):
        if commitment.merged_into_id is not None:
            errors.append(
                _("%(ref)s is already merged into %(other)s.")
                % {"ref": commitment.reference, "other": f"C-{commitment.merged_into_id:05d}"}
            )
    if kept.is_refusal != absorbed.is_refusal:
        errors.append(_("A refusal and a promise are not the same commitment: only two promises or two refusals merge."))
    # Its parts would follow it out of sight, and an undo could not tell them apart: move them first.
    if absorbed.parts.exists():
        errors.append(
            _("%(ref)s is a programme with parts: make them parts of %(kept)s (or of nothing) first.")
            % {"ref": absorbed.reference, "kept": kept.reference}
        )
    # One level: the kept commitment holds the duplicates, never a duplicate of its own duplicates.
    # (The related manager would hide them: it is built on the default manager.)
    if Commitment.all_objects.filter(merged_into=absorbed).exists():
        errors.append(
            _("Duplicates were merged into %(ref)s: merge %(kept)s into %(ref)s instead, or undo those merges first.")
            % {"ref": absorbed.reference, "kept": kept.reference}
        )
    return errors


@transaction.atomic
def commitments_merge(*, kept: Commitment, absorbed: Commitment, user: AbstractBaseUser | None, reason: str) -> CommitmentMerge:
    """Merge *absorbed* into *kept*: the same promise recorded twice. The kept commitment's current
    status is then the latest observation across both histories; the merge is in both audit trails."""
    reason = _required_reason(reason, _("Say why these are the same promise; the reason is kept in the history."))
    if kept.pk == absorbed.pk:
        raise ValidationError(_("A commitment cannot be merged into itself."), code="same")
    locked_kept, locked_absorbed = _lock_pair(kept, absorbed)
    errors = merge_errors(locked_kept, locked_absorbed)
    if errors:
        raise ValidationError(errors, code="refused")
    merge = CommitmentMerge(kept=locked_kept, absorbed=locked_absorbed, reason=reason, **Provenance.now(user).fields("merged"))
    merge.full_clean(exclude=["kept", "absorbed", "merged_by"])
    merge.save()
    locked_absorbed.merged_into = locked_kept
    _with_history(
        locked_absorbed, user=user, reason=_("Merged into %(ref)s: %(reason)s") % {"ref": locked_kept.reference, "reason": reason}
    ).save(update_fields=["merged_into", "updated_at"])
    _audit(
        locked_kept,
        user=user,
        reason=_("%(ref)s merged into it: %(reason)s") % {"ref": locked_absorbed.reference, "reason": reason},
    )
    _refresh(locked_kept, locked_absorbed, kept, absorbed)
    return merge


@transaction.atomic
def commitment_merge_undo(*, merge: CommitmentMerge, user: AbstractBaseUser | None, reason: str) -> CommitmentMerge:
    """Undo a standing merge (administrators): the absorbed commitment is its own again, each
    current status computed from its own history; the merge record keeps who undid it and why."""
    reason = _required_reason(reason, _("Say why the merge is undone; the reason is kept in the history."))
    locked_kept, locked_absorbed = _lock_pair(merge.kept, merge.absorbed)
    merge = CommitmentMerge.objects.select_for_update().get(pk=merge.pk)
    if not merge.is_standing:
        raise ValidationError(_("This merge was already undone."), code="undone")
    for name, value in Provenance.now(user).fields("undone").items():
        setattr(merge, name, value)
    merge.undo_reason = reason
    merge.save(update_fields=["undone_by", "undone_by_name", "undone_at", "undo_reason"])
    locked_absorbed.merged_into = None
    _with_history(
        locked_absorbed,
        user=user,
        reason=_("Merge into %(ref)s undone: %(reason)s") % {"ref": locked_kept.reference, "reason": reason},
    ).save(update_fields=["merged_into", "updated_at"])
    _audit(
        locked_kept,
        user=user,
        reason=_("Merge of %(ref)s undone: %(reason)s") % {"ref": locked_absorbed.reference, "reason": reason},
    )
    _refresh(locked_kept, locked_absorbed, merge.kept, merge.absorbed)
    return merge


def _audit(locked: Commitment, *, user: AbstractBaseUser | None, reason: str) -> None:
    # A historical record with no field changed: the audit trail (and the admin's history) carries
    # the event and its reason; the timeline reads the merge itself.
    _with_history(locked, user=user, reason=reason).save(update_fields=["updated_at"])


def _refresh(*commitments: Commitment) -> None:
    commitments_refresh_current_status(Commitment.all_objects.filter(pk__in={c.pk for c in commitments}))
    stored = Commitment.all_objects.in_bulk({c.pk for c in commitments})
    for commitment in commitments:
        fresh = stored[commitment.pk]
        for name in ("current_status", "status_observed_on", "last_recorded_at", "merged_into_id"):
            setattr(commitment, name, getattr(fresh, name))
