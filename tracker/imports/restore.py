"""The check before a restore: a full export, loaded with its original authors and times, goes into
an empty installation, or into one holding only entries of that export (a restore run again, or
finished after an interruption). Anything else would mix two histories, so it is refused before
anything is written."""

from tracker.dates import aware
from tracker.imports.records import QuestionRecord
from tracker.imports.upsert import reference_pk
from tracker.models import Commitment, StatusUpdate
from tracker.services.commitments import restored_key

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
