"""Recomputing the running counts of tracker.models.tallies from the commitments themselves."""

from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.db.models.functions import ExtractYear

from tracker.models import Commitment, Kind
from tracker.models.tallies import CommitmentTally


def tally_counts() -> dict[tuple[int, int, str, bool], int]:
    """What the tallies must hold, counted from the commitments (for a rebuild, and for tests)."""
    rows = (
        Commitment.objects.annotate(
            year=ExtractYear("made_on"), refusal=ExpressionWrapper(Q(kind=Kind.REFUSAL), output_field=BooleanField())
        )
        .values_list("responsible_person", "year", "current_status", "refusal")
        .annotate(total=Count("pk"))
        .order_by()
    )
    return {(person, int(year), status, refusal): total for person, year, status, refusal, total in rows}


@transaction.atomic
def tallies_rebuild() -> int:
    """Replace every tally by a fresh count (after a bulk load that bypassed the triggers)."""
    CommitmentTally.objects.all().delete()
    counts = tally_counts()
    CommitmentTally.objects.bulk_create(
        CommitmentTally(responsible_person_id=person, year=year, status=status, refusal=refusal, total=total)
        for (person, year, status, refusal), total in counts.items()
    )
    return len(counts)
