"""Restoring how promises run across answers, from a full export: re-statements, every change of a
deadline, parts and merges, each with its original author and time (Provenance). Run by the restore
once every question of the export is back, because these link commitments of different answers.

Idempotent like the rest of the restore: what is stored already is recognised by its key (one
re-statement per commitment and answer; a deadline change or a merge by when it was recorded) and
not added again. The slippage figures are computed from the restored deadline changes, never taken
from the file."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.models import Answer, Commitment, CommitmentMerge, DeadlineChange, Restatement
from tracker.services.commitments import Provenance, _with_history
from tracker.services.slippage import commitment_refresh_slippage


@dataclass(frozen=True)
class RestoredRestatement:
    answer: Answer
    quote: str
    made_on: datetime.date
    deadline: datetime.date | None
    deadline_wording: str
    similarity: float | None
    recorded: Provenance


@dataclass(frozen=True)
class RestoredDeadlineChange:
    changed_on: datetime.date
    old_deadline: datetime.date | None
    new_deadline: datetime.date | None
    old_wording: str
    new_wording: str
    reason: str
    restated_in: Answer | None  # the answer of the re-statement that gave the new deadline
    recorded: Provenance


@dataclass(frozen=True)
class RestoredMerge:
    kept: Commitment
    reason: str
    merged: Provenance
    undone: Provenance | None = None
    undo_reason: str = ""


def _lock(commitment: Commitment) -> Commitment:
    # The row lock of every write to a commitment; merged ones too (Commitment.all_objects).
    return Commitment.all_objects.select_for_update().get(pk=commitment.pk)


@transaction.atomic
def commitment_chain_restore(
    *,
    commitment: Commitment,
    part_of: Commitment | None,
    merged_into: Commitment | None,
    restatements: list[RestoredRestatement],
    deadline_changes: list[RestoredDeadlineChange],
    merges: list[RestoredMerge],
    reason: str,
) -> int:
    """Bring back what links *commitment* to other answers and commitments, as exported; returns
    how many records were added or changed (0 on a restore run again)."""
    locked = _lock(commitment)
    added = 0
    by_answer = {restatement.answer_id: restatement for restatement in Restatement.objects.filter(commitment=locked)}
    for entry in restatements:
        if entry.answer.pk not in by_answer:
            by_answer[entry.answer.pk] = _restatement(locked, entry)
            added += 1
    stored = set(DeadlineChange.objects.filter(commitment=locked).values_list("changed_on", "recorded_at"))
    for entry in deadline_changes:
        if (entry.changed_on, entry.recorded.at) in stored:
            continue
        restatement = by_answer.get(entry.restated_in.pk) if entry.restated_in else None
        if entry.restated_in and restatement is None:
            raise ValidationError(_("A deadline change names a re-statement the export does not hold."))
        DeadlineChange.objects.create(
            commitment=locked,
            old_deadline=entry.old_deadline,
            new_deadline=entry.new_deadline,
            old_wording=entry.old_wording[:200],
            new_wording=entry.new_wording[:200],
            changed_on=entry.changed_on,
            reason=entry.reason,
            restatement=restatement,
            **entry.recorded.fields("recorded"),
        )
        stored.add((entry.changed_on, entry.recorded.at))
        added += 1
    added += commitment_refresh_slippage(locked)
    merged = set(CommitmentMerge.objects.filter(absorbed=locked).values_list("kept_id", "merged_at"))
    for entry in merges:
        if (entry.kept.pk, entry.merged.at) not in merged:
            _merge(locked, entry)
            added += 1
    links = {"parent": part_of, "merged_into": merged_into}
    changed = [name for name, value in links.items() if getattr(locked, f"{name}_id") != (value.pk if value else None)]
    if changed:
        for name in changed:
            setattr(locked, name, links[name])
        _with_history(locked, user=None, reason=reason).save(update_fields=changed)
        added += 1
    return added


def _restatement(locked: Commitment, entry: RestoredRestatement) -> Restatement:
    restatement = Restatement(
        commitment=locked,
        answer=entry.answer,
        quote=entry.quote.strip(),
        quote_start=max(entry.answer.text.find(entry.quote.strip()), 0),
        made_on=entry.made_on,
        deadline=entry.deadline,
        deadline_wording=entry.deadline_wording[:200],
        similarity=entry.similarity,
        **entry.recorded.fields("recorded"),
    )
    restatement.full_clean(exclude=["commitment", "answer", "recorded_by", "suggestion"])
    restatement.save()
    return restatement


def _merge(locked: Commitment, entry: RestoredMerge) -> CommitmentMerge:
    merge = CommitmentMerge(
        kept=entry.kept,
        absorbed=locked,
        reason=entry.reason,
        undo_reason=entry.undo_reason if entry.undone else "",
        **entry.merged.fields("merged"),
        **(entry.undone.fields("undone") if entry.undone else {}),
    )
    merge.full_clean(exclude=["kept", "absorbed", "merged_by", "undone_by"])
    merge.save()
    return merge
