"""Reading programmes and merged duplicates for a commitment's page: its parts and their progress,
and the merges it took part in. A fixed number of queries whatever their count."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from tracker.models import Commitment, CommitmentMerge, Status
from tracker.selectors.team import user_name


@dataclass(frozen=True)
class PartsProgress:
    """How far a programme's parts got: kept (fulfilled), partly kept, still open, and the rest."""

    total: int
    kept: int
    partly: int
    open: int

    @property
    def other(self) -> int:
        return self.total - self.kept - self.partly - self.open

    def share(self, count: int) -> float:
        """*count* as a percentage of the parts, for the progress bar."""
        return round(100 * count / self.total, 1) if self.total else 0

    @property
    def kept_share(self) -> float:
        return self.share(self.kept)

    @property
    def partly_share(self) -> float:
        return self.share(self.partly)


def programme_parts(commitment: Commitment) -> list[Commitment]:
    """The parts of *commitment* (none unless it is a programme), oldest first, in one query."""
    return list(
        Commitment.objects.filter(parent=commitment)
        .only("pk", "title", "kind", "current_status", "status_observed_on", "deadline", "parent_id")
        .order_by("pk")
    )


def parts_progress(parts: list[Commitment]) -> PartsProgress:
    statuses = [part.current_status for part in parts]
    return PartsProgress(
        total=len(statuses),
        kept=statuses.count(Status.FULFILLED),
        partly=statuses.count(Status.PARTIALLY_FULFILLED),
        open=sum(status in Status.open_values() for status in statuses),
    )


def merge_people(merge: CommitmentMerge) -> CommitmentMerge:
    """Name who merged and who undid *merge* (`merged_by_label`, `undone_by_label`) as the pages do."""
    merge.merged_by_label = user_name(merge.merged_by) or merge.merged_by_name or _("the import")
    merge.undone_by_label = user_name(merge.undone_by) or merge.undone_by_name or _("the import")
    return merge


def commitment_merges(commitment: Commitment) -> list[CommitmentMerge]:
    """Every merge *commitment* took part in, kept or absorbed, standing or undone, oldest first,
    with the other commitment's quote and question and who merged (merge_people), in one query."""
    merges = (
        CommitmentMerge.objects.filter(Q(kept=commitment) | Q(absorbed=commitment))
        .select_related("kept", "absorbed__answer__question__assembly", "merged_by", "undone_by")
        .order_by("merged_at", "pk")
    )
    return [merge_people(merge) for merge in merges]
