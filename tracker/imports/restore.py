"""The check before a restore: a full export, loaded with its original authors and times, goes into
an empty installation, or into one holding only entries of that export (a restore run again, or
finished after an interruption). Anything else would mix two histories, so it is refused before
anything is written."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.dates import aware
from tracker.imports.records import AnswerKey, DocumentError, QuestionRecord
from tracker.imports.upsert import reference_pk
from tracker.models import Answer, Commitment, StatusUpdate
from tracker.services.chains_restore import (
    RestoredDeadlineChange,
    RestoredMerge,
    RestoredRestatement,
    commitment_chain_restore,
)
from tracker.services.commitments import Provenance, restored_key

MAX_REPORTED = 6


def restore_conflicts(records: list[QuestionRecord]) -> list[str]:
    """What this installation holds that the export does not (empty: the restore may go ahead).
    Stops after a few: one is enough to refuse, a few help to understand why."""
    in_file: dict[int, tuple[str, set]] = {}
    for record in records:
        for commitment in record.commitments:
            pk = reference_pk(commitment.reference)
            if pk:
                keys = {
                    restored_key(entry.status, entry.observed_on, aware(entry.recorded_at))
                    for entry in commitment.history
                    if entry.recorded_at
                }
                in_file[pk] = (commitment.quote, keys)
    conflicts = []
    for pk, quote in Commitment.all_objects.order_by("pk").values_list("pk", "quote").iterator():
        if pk not in in_file:
            conflicts.append(f"C-{pk:05d} is stored here but is not in the export")
        elif in_file[pk][0] != quote:
            conflicts.append(f"C-{pk:05d} is stored here as another commitment than the export's")
        if len(conflicts) >= MAX_REPORTED:
            return conflicts
    updates = StatusUpdate.objects.order_by("commitment_id", "pk").values_list(
        "commitment_id", "status", "observed_on", "recorded_at"
    )
    for pk, status, observed_on, recorded_at in updates.iterator():
        if pk in in_file and restored_key(status, observed_on, recorded_at) not in in_file[pk][1]:
            conflicts.append(
                f"C-{pk:05d} has a status update here ({status}, observed {observed_on.isoformat()}) that the export does not hold"
            )
            if len(conflicts) >= MAX_REPORTED:
                break
    return conflicts


def _key(record: QuestionRecord) -> AnswerKey:
    return AnswerKey(
        assembly=record.assembly, session_year=record.session_year, number=record.number, addressee=record.addressee.name
    )


@transaction.atomic
def restore_chains(restored: list[tuple[QuestionRecord, int]], *, reason: str) -> int:
    """After every question of a restore is back (*restored*: each record with its question's id),
    bring back what links commitments across answers: re-statements, deadline changes, parts and
    merges; all or nothing. Returns how many records were added (0 when run again); DocumentError
    names what could not be restored."""
    chained = [(record, commitment) for record, _pk in restored for commitment in record.commitments if commitment.has_chain]
    if not chained:
        return 0
    by_question = {answer.question_id: answer for answer in Answer.objects.filter(question_id__in=[pk for _r, pk in restored])}
    answers = {_key(record): by_question[pk] for record, pk in restored if pk in by_question}
    names = set()
    for _record, commitment in chained:
        names |= {entry.recorded_by for entry in (*commitment.restatements, *commitment.deadline_changes)}
        names |= {name for merge in commitment.merges for name in (merge.merged_by, merge.undone_by)}
    users = {user.get_username(): user for user in get_user_model().objects.filter(username__in=names - {""})}

    def provenance(name: str, moment: datetime.datetime | None, where: str) -> Provenance:
        if moment is None:
            raise DocumentError(f"{where}: the time it was recorded is missing (a restore keeps the original times)")
        return Provenance(at=aware(moment), user=users.get(name), name=name)

    def answer(key: AnswerKey, where: str) -> Answer:
        if key not in answers:
            raise DocumentError(f"{where}: vraag nr. {key.number} ({key.session_year}) to {key.addressee} is not in the export")
        return answers[key]

    cited = (ref for _r, c in chained for ref in (c.reference, c.part_of, c.merged_into, *(m.kept for m in c.merges)))
    references = {pk for pk in map(reference_pk, cited) if pk}
    commitments = Commitment.all_objects.in_bulk(references)

    def commitment(reference: str, where: str) -> Commitment | None:
        if not reference:
            return None
        found = commitments.get(reference_pk(reference) or 0)
        if found is None:
            raise DocumentError(f"{where}: {reference} is not in the export")
        return found

    added = 0
    for _record, entry in chained:
        where = entry.reference
        try:
            added += commitment_chain_restore(
                commitment=commitment(entry.reference, where),
                part_of=commitment(entry.part_of, f"{where}, part of"),
                merged_into=commitment(entry.merged_into, f"{where}, merged into"),
                restatements=[
                    RestoredRestatement(
                        answer=answer(item.answer, f"{where}, re-statement"),
                        quote=item.quote,
                        made_on=item.made_on,
                        deadline=item.deadline,
                        deadline_wording=item.deadline_wording,
                        similarity=item.similarity,
                        recorded=provenance(item.recorded_by, item.recorded_at, f"{where}, re-statement"),
                    )
                    for item in entry.restatements
                ],
                deadline_changes=[
                    RestoredDeadlineChange(
                        changed_on=item.changed_on,
                        old_deadline=item.old_deadline,
                        new_deadline=item.new_deadline,
                        old_wording=item.old_wording,
                        new_wording=item.new_wording,
                        reason=item.reason,
                        restated_in=answer(item.restated_in, f"{where}, deadline change") if item.restated_in else None,
                        recorded=provenance(item.recorded_by, item.recorded_at, f"{where}, deadline change"),
                    )
                    for item in entry.deadline_changes
                ],
                merges=[
                    RestoredMerge(
                        kept=commitment(item.kept, f"{where}, merge"),
                        reason=item.reason,
                        merged=provenance(item.merged_by, item.merged_at, f"{where}, merge"),
                        undone=provenance(item.undone_by, item.undone_at, f"{where}, merge undone") if item.undone_at else None,
                        undo_reason=item.undo_reason,
                    )
                    for item in entry.merges
                ],
                reason=reason,
            )
        except ValidationError as error:
            raise DocumentError(f"{where}: {' '.join(error.messages)}") from None
    return added
