"""Exporting everything: each question with its answer, commitments, deadlines, overdue flags and
full status history, and how each promise runs across answers (its re-statements, every change of
its deadline, the programme it is part of, the commitment it was merged into). Commitments merged
into another are exported too, under their own answer. The JSON is the importer's own format, so an
export imports again unchanged. Both formats stream, so the export's memory use stays flat whatever
the size of the database."""

import datetime
import json
from collections.abc import Iterator

from django.db.models import Prefetch
from django.utils import timezone

from tracker.exports.csv import csv_lines
from tracker.imports.structured import OWN_FORMAT
from tracker.models import Commitment, CommitmentMerge, DeadlineChange, Question, Restatement, StatusUpdate

BATCH = 500


def _questions(as_of: datetime.date):
    updates = StatusUpdate.objects.select_related("recorded_by", "void__voided_by", "confirmation__decided_by").order_by(
        "observed_on", "recorded_at", "pk"
    )
    cited = ("answer__question__assembly", "answer__question__addressee")
    restatements = Restatement.objects.select_related(*cited, "recorded_by").order_by("made_on", "pk")
    changes = DeadlineChange.objects.select_related(*(f"restatement__{path}" for path in cited), "recorded_by").order_by(
        "changed_on", "recorded_at", "pk"
    )
    merges = CommitmentMerge.objects.select_related("merged_by", "undone_by").order_by("merged_at", "pk")
    # Every commitment, those merged into another included (Commitment.objects leaves them out).
    commitments = (
        Commitment.all_objects.select_related("responsible_person", "responsible_office")
        .prefetch_related(
            "themes",
            Prefetch("status_updates", queryset=updates),
            Prefetch("restatements", queryset=restatements),
            Prefetch("deadline_changes", queryset=changes),
            Prefetch("merges_absorbed", queryset=merges),
        )
        .with_overdue_flag(as_of=as_of)
        .order_by("pk")
    )
    return (
        Question.objects.select_related("assembly", "asker__party", "addressee__party", "addressee_office", "answer")
        .prefetch_related("themes", "co_askers__party", "holding_replies", Prefetch("answer__commitments", queryset=commitments))
        .order_by("assembly__slug", "session_year", "number", "addressee__last_name", "addressee__first_name", "pk")
    )


def _person(person) -> dict:
    return {
        "name": person.full_name,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "open_data_id": person.open_data_id,
        "party": str(person.party) if person.party_id else "",
    }


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _author(user, name: str) -> str:
    return user.get_username() if user else name


def _reference(pk: int | None) -> str | None:
    return f"C-{pk:05d}" if pk else None


def _moment(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def answer_key(answer) -> dict:
    """Which answer a re-statement was made in, as the export identifies its question: the
    question's natural key (assembly, session year, number, addressee)."""
    question = answer.question
    return {
        "assembly": question.assembly.slug,
        "session_year": question.session_year,
        "number": question.number,
        "addressee": question.addressee.full_name,
    }


def _restatement(restatement: Restatement) -> dict:
    return {
        "answer": answer_key(restatement.answer),
        "quote": restatement.quote,
        "made_on": restatement.made_on.isoformat(),
        "deadline": _date(restatement.deadline),
        "deadline_wording": restatement.deadline_wording,
        "similarity": restatement.similarity,
        "recorded_by": _author(restatement.recorded_by, restatement.recorded_by_name),
        "recorded_at": _moment(restatement.recorded_at),
    }


def _deadline_change(change: DeadlineChange) -> dict:
    return {
        "old_deadline": _date(change.old_deadline),
        "new_deadline": _date(change.new_deadline),
        "old_wording": change.old_wording,
        "new_wording": change.new_wording,
        "changed_on": change.changed_on.isoformat(),
        "reason": change.reason,
        # The re-statement that gave the new deadline, by its answer (one re-statement per answer).
        "restated_in": answer_key(change.restatement.answer) if change.restatement_id else None,
        "recorded_by": _author(change.recorded_by, change.recorded_by_name),
        "recorded_at": _moment(change.recorded_at),
    }


def _merge(merge: CommitmentMerge) -> dict:
    return {
        "kept": _reference(merge.kept_id),
        "reason": merge.reason,
        "merged_by": _author(merge.merged_by, merge.merged_by_name),
        "merged_at": _moment(merge.merged_at),
        "undone_by": _author(merge.undone_by, merge.undone_by_name) if merge.undone_at else "",
        "undone_at": _moment(merge.undone_at),
        "undo_reason": merge.undo_reason,
    }


def _status_update(update: StatusUpdate) -> dict:
    void = getattr(update, "void", None)
    confirmation = getattr(update, "confirmation", None)
    return {
        "status": update.status,
        "observed_on": update.observed_on.isoformat(),
        "note": update.note,
        "note_is_public": update.note_is_public,
        "evidence_url": update.evidence_url,
        "evidence_text": update.evidence_text,
        "recorded_by": _author(update.recorded_by, update.recorded_by_name),
        "recorded_at": timezone.localtime(update.recorded_at).isoformat(),
        # An administrator's void: the update stays in the history, and a restore brings the void back.
        "voided": (
            {
                "by": _author(void.voided_by, void.voided_by_name),
                "at": timezone.localtime(void.voided_at).isoformat(),
                "reason": void.reason,
            }
            if void
            else None
        ),
        # The four-eyes check: a closing status counts once a second editor confirmed it.
        "needs_confirmation": update.needs_confirmation,
        "confirmation": (
            {
                "confirmed": confirmation.confirmed,
                "by": _author(confirmation.decided_by, confirmation.decided_by_name),
                "at": timezone.localtime(confirmation.decided_at).isoformat(),
                "note": confirmation.note,
            }
            if confirmation
            else None
        ),
    }


def _commitment(commitment: Commitment) -> dict:
    """*commitment* as _questions(as_of) fetches it: annotated by with_overdue_flag, the overdue rule in SQL."""
    return {
        "reference": commitment.reference,
        "title": commitment.title,
        "quote": commitment.quote,
        "kind": commitment.kind,
        "responsible": _person(commitment.responsible_person),
        "office": commitment.responsible_office.title if commitment.responsible_office else "",
        "deadline": _date(commitment.deadline),
        "deadline_source": commitment.deadline_source,
        "deadline_wording": commitment.deadline_wording,
        "themes": sorted(theme.name for theme in commitment.themes.all()),
        "target_group": commitment.target_group,
        "current_status": commitment.current_status,
        "overdue": commitment.is_overdue,
        "published": commitment.published,
        "status_history": [_status_update(update) for update in commitment.status_updates.all()],
        # Across answers (issue 14): the slippage figures are what the deadline changes add up to.
        "first_deadline": _date(commitment.first_deadline),
        "deadline_moves": commitment.deadline_moves,
        "deadline_slip_days": commitment.deadline_slip_days,
        "part_of": _reference(commitment.parent_id),
        "merged_into": _reference(commitment.merged_into_id),
        "restatements": [_restatement(restatement) for restatement in commitment.restatements.all()],
        "deadline_changes": [_deadline_change(change) for change in commitment.deadline_changes.all()],
        "merges": [_merge(merge) for merge in commitment.merges_absorbed.all()],
    }


def question_document(question: Question, as_of: datetime.date) -> dict:
    """*question* as _questions(as_of) fetches it, with everything it shows prefetched."""
    answer = getattr(question, "answer", None)
    return {
        "assembly": question.assembly.slug,
        "session_year": question.session_year,
        "number": question.number,
        "open_data_id": question.open_data_id,
        "asked_on": question.asked_on.isoformat(),
        "asker": _person(question.asker),
        "co_askers": [_person(person) for person in question.co_askers.all()],
        "addressee": _person(question.addressee),
        "office": question.addressee_office.title if question.addressee_office else "",
        "subject": question.subject,
        "text": question.text,
        "source_url": question.source_url,
        "themes": sorted(theme.name for theme in question.themes.all()),
        "documents": question.documents,
        "procedure": question.procedure,
        "holding_replies": [
            {"received_on": _date(reply.received_on), "text": reply.text} for reply in question.holding_replies.all()
        ],
        "answer_due_on": _date(question.answer_due_on),
        "answer_late": question.answer_lateness(as_of).late,
        "answer": (
            {
                "answered_on": _date(answer.answered_on),
                "answered_in_time": answer.answered_in_time,
                "in_time_wording": answer.in_time_wording,
                "kind_wording": answer.kind_wording,
                "text": answer.text,
                "source_url": answer.source_url,
            }
            if answer
            else None
        ),
        "commitments": [_commitment(c) for c in answer.commitments.all()] if answer else [],
    }


def _iterate(queryset):
    # Prefetching needs a bounded batch: iterate in primary-key-ordered slices.
    count = queryset.count()
    for offset in range(0, count, BATCH):
        yield from queryset[offset : offset + BATCH]


def export_json(*, as_of: datetime.date | None = None) -> Iterator[str]:
    """The export as JSON text, in chunks."""
    as_of = as_of or timezone.localdate()
    yield f'{{\n  "format": {json.dumps(OWN_FORMAT)},\n  "exported_on": {json.dumps(as_of.isoformat())},\n  "questions": ['
    first = True
    for question in _iterate(_questions(as_of)):
        text = json.dumps(question_document(question, as_of), ensure_ascii=False, indent=2)
        yield ("\n" if first else ",\n") + "\n".join("    " + line for line in text.splitlines())
        first = False
    yield "\n  ]\n}\n"


CSV_COLUMNS = [
    "assembly",
    "session_year",
    "number",
    "asked_on",
    "asker",
    "addressee",
    "office",
    "subject",
    "answered_on",
    "answer_due_on",
    "answer_late",
    "reference",
    "title",
    "kind",
    "responsible",
    "deadline",
    "deadline_source",
    "deadline_wording",
    "first_deadline",
    "deadline_moves",
    "deadline_slip_days",
    "part_of",
    "merged_into",
    "overdue",
    "current_status",
    "status_history",
    "quote",
    "source_url",
]


def csv_rows(*, as_of: datetime.date) -> Iterator[list]:
    """One row per commitment (and one per question without any), the history in one column."""
    for question in _iterate(_questions(as_of)):
        document = question_document(question, as_of)
        base = [
            document["assembly"],
            document["session_year"],
            document["number"],
            document["asked_on"],
            document["asker"]["name"],
            document["addressee"]["name"],
            document["office"],
            document["subject"],
            (document["answer"] or {}).get("answered_on"),
            document["answer_due_on"],
            document["answer_late"],
        ]
        if not document["commitments"]:
            yield base + [None] * (len(CSV_COLUMNS) - len(base) - 1) + [document["source_url"]]
        for entry in document["commitments"]:
            history = "; ".join(
                f"{u['observed_on']} {u['status']}"
                + (f" ({u['note']})" if u["note"] else "")
                + (f" [voided: {u['voided']['reason']}]" if u["voided"] else "")
                for u in entry["status_history"]
            )
            yield [
                *base,
                entry["reference"],
                entry["title"],
                entry["kind"],
                entry["responsible"]["name"],
                entry["deadline"],
                entry["deadline_source"],
                entry["deadline_wording"],
                entry["first_deadline"],
                entry["deadline_moves"],
                entry["deadline_slip_days"],
                entry["part_of"],
                entry["merged_into"],
                entry["overdue"],
                entry["current_status"],
                history,
                entry["quote"],
                document["source_url"],
            ]


def export_csv(*, as_of: datetime.date | None = None, delimiter: str = ",") -> Iterator[str]:
    """The export as CSV text, in lines."""
    return csv_lines(CSV_COLUMNS, csv_rows(as_of=as_of or timezone.localdate()), delimiter=delimiter)
