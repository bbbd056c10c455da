"""The commitment list's CSV: exactly the rows the list shows for the same filters, one line each."""

from collections.abc import Iterator

from django.db.models import QuerySet
from django.urls import reverse

from tracker.models import DeadlineSource, Kind, Status

CSV_COLUMNS = [
    "reference",
    "title",
    "kind",
    "status",
    "overdue",
    "days_overdue",
    "deadline",
    "deadline_source",
    "deadline_wording",
    "first_deadline",
    "deadline_moves",
    "deadline_slip_days",
    "part_of",
    "merged_into",
    "minister",
    "office",
    "made_on",
    "status_observed_on",
    "question",
    "subject",
    "url",
]
_FIELDS = [
    "pk",
    "title",
    "kind",
    "current_status",
    "is_overdue",
    "days_overdue",
    "deadline",
    "deadline_source",
    "deadline_wording",
    "first_deadline",
    "deadline_moves",
    "deadline_slip_days",
    "parent",
    "merged_into",
    "responsible_person__first_name",
    "responsible_person__last_name",
    "responsible_office__title",
    "made_on",
    "status_observed_on",
    "answer__question__session_year",
    "answer__question__number",
    "answer__question__subject",
]


def csv_rows(commitments: QuerySet, *, base_url: str) -> Iterator[list]:
    """One row per commitment of *commitments* (annotated by with_overdue_flag), in their order:
    plain values read in chunks from a server-side cursor, so memory stays flat; labels looked up once."""
    kinds, statuses, sources = (
        {value: str(label) for value, label in choices.choices} for choices in (Kind, Status, DeadlineSource)
    )
    detail = base_url + reverse("commitment_detail", args=[999999999]).replace("999999999", "{}")
    for (
        pk,
        title,
        kind,
        status,
        overdue,
        days,
        deadline,
        source,
        wording,
        first_deadline,
        moves,
        slip_days,
        parent,
        merged_into,
        first,
        last,
        office,
        made_on,
        observed_on,
        session_year,
        number,
        subject,
    ) in commitments.values_list(*_FIELDS).iterator(chunk_size=2000):
        yield [
            f"C-{pk:05d}",
            title,
            kinds.get(kind, kind),
            statuses.get(status, status),
            overdue,
            days,
            deadline,
            sources.get(source, source),
            wording,
            first_deadline,
            moves,
            slip_days,
            f"C-{parent:05d}" if parent else None,
            f"C-{merged_into:05d}" if merged_into else None,
            f"{first} {last}".strip(),
            office,
            made_on,
            observed_on,
            f"{session_year} nr. {number}",
            subject,
            detail.format(pk),
        ]
