"""Promises across answers: a commitment re-stated in a later answer, every move of its deadline,
the parts of a programme, and duplicates merged into one."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.models.commitments import Commitment
from tracker.models.imports import Suggestion
from tracker.models.questions import Answer


class Restatement(models.Model):
    """A later answer that repeats a commitment ("same promise"), with its own words and, where it
    gives one, its own deadline. Shown on the commitment's timeline; never changed."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="restatements", verbose_name=_("commitment")
    )
    answer = models.ForeignKey(Answer, on_delete=models.PROTECT, related_name="restatements", verbose_name=_("answer"))
    quote = models.TextField(_("quote"), help_text=_("The exact words of the later answer."))
    quote_start = models.PositiveIntegerField(_("quote position"), editable=False)
    made_on = models.DateField(_("re-stated on"), help_text=_("The date of the later answer."))
    deadline = models.DateField(_("deadline re-stated"), null=True, blank=True)
    deadline_wording = models.CharField(_("deadline as worded"), max_length=200, blank=True)
    similarity = models.FloatField(
        _("similarity"), null=True, blank=True, help_text=_("How alike the matcher found the two quotes (0 to 1).")
    )
    suggestion = models.OneToOneField(
        Suggestion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="restatement",
        verbose_name=_("suggestion"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_by_name = models.CharField(_("recorded by (restored)"), max_length=150, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["made_on", "pk"]
        verbose_name = _("re-statement")
        verbose_name_plural = _("re-statements")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "answer"], name="tracker_restatement_once_per_answer"),
            models.CheckConstraint(condition=~Q(quote=""), name="tracker_restatement_quote_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.commitment.reference} ({self.made_on.isoformat()})"

    def moves_deadline_of(self, commitment: Commitment) -> bool:
        """Whether this re-statement moves *commitment*'s deadline: only an open promise's, and only
        to a later date (or to a first one) than it now has."""
        if self.deadline is None or commitment.is_refusal or not commitment.is_open:
            return False
        return commitment.deadline is None or self.deadline > commitment.deadline


class DeadlineChange(models.Model):
    """One change of a commitment's deadline, the record the slippage figures are counted from.
    A move is a change from one date to another; setting a first date or removing one is not."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="deadline_changes", verbose_name=_("commitment")
    )
    old_deadline = models.DateField(_("old deadline"), null=True, blank=True)
    new_deadline = models.DateField(_("new deadline"), null=True, blank=True)
    old_wording = models.CharField(_("old deadline as worded"), max_length=200, blank=True)
    new_wording = models.CharField(_("new deadline as worded"), max_length=200, blank=True)
    changed_on = models.DateField(
        _("changed on"), help_text=_("When the deadline changed: the date of the answer that re-stated it, or of the edit.")
    )
    reason = models.TextField(_("reason"), blank=True)
    restatement = models.ForeignKey(
        Restatement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deadline_changes",
        verbose_name=_("re-statement"),
        help_text=_("The later answer that gave the new deadline, where one did."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_by_name = models.CharField(_("recorded by (restored)"), max_length=150, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["changed_on", "recorded_at", "pk"]
        verbose_name = _("deadline change")
        verbose_name_plural = _("deadline changes")
        indexes = [models.Index(fields=["commitment", "changed_on"], name="tracker_deadline_change_idx")]

    def __str__(self) -> str:
        old = self.old_deadline.isoformat() if self.old_deadline else "—"
        new = self.new_deadline.isoformat() if self.new_deadline else "—"
        return f"{self.commitment_id}: {old} → {new}"

    @property
    def is_move(self) -> bool:
        return self.old_deadline is not None and self.new_deadline is not None and self.old_deadline != self.new_deadline

    @property
    def slip_days(self) -> int | None:
        """Days the deadline moved (negative: brought forward); None unless a move."""
        return (self.new_deadline - self.old_deadline).days if self.is_move else None

    @property
    def source(self) -> str:
        """Why it changed, as the list of moves shows it: the reason given, or else the later answer
        that re-stated the promise ("re-stated in vraag nr. 12 (2019-2020)")."""
        if self.reason or self.restatement_id is None:
            return self.reason
        return gettext("re-stated in vraag %(citation)s") % {"citation": self.restatement.answer.question.citation}


@dataclass(frozen=True)
class Slippage:
    """How far deadlines slipped: over one commitment (moved is 0 or 1), a minister's or any set.
    A move is a change from one date to another; the days are summed over the moves."""

    moved: int = 0  # commitments whose deadline moved at least once
    moves: int = 0
    days: int = 0

    @property
    def average_days(self) -> int | None:
        """Days per move, rounded; None without moves."""
        return round(self.days / self.moves) if self.moves else None


def slippage_from_changes(
    changes: Iterable["DeadlineChange"], *, deadline: datetime.date | None
) -> tuple[datetime.date | None, int, int]:
    """(first deadline, moves, days slipped) of a commitment whose deadline is now *deadline*, from
    its changes in the order made: what tracker.services.slippage keeps on the commitment, change by
    change. The first deadline is the first date it ever had; without changes, the current one."""
    first, moves, days = None, 0, 0
    for change in changes:
        if first is None:
            first = change.old_deadline or change.new_deadline
        if change.is_move:
            moves += 1
            days += change.slip_days
    return first if first is not None else deadline, moves, days


class CommitmentMerge(models.Model):
    """Two commitments recorded for the same promise made one: *absorbed* is shown as part of
    *kept* (its quote, history and reference), and its own page leads there. An administrator can
    undo it; the record stays, with who undid it and when."""

    kept = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="merges_kept", verbose_name=_("kept"))
    absorbed = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="merges_absorbed", verbose_name=_("merged into the kept one")
    )
    reason = models.TextField(_("reason"))
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("merged by")
    )
    merged_by_name = models.CharField(_("merged by (restored)"), max_length=150, blank=True)
    merged_at = models.DateTimeField(_("merged at"), default=timezone.now, editable=False)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("undone by")
    )
    undone_by_name = models.CharField(_("undone by (restored)"), max_length=150, blank=True)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undo_reason = models.TextField(_("reason for undoing"), blank=True)

    class Meta:
        ordering = ["-merged_at"]
        verbose_name = _("merge of commitments")
        verbose_name_plural = _("merges of commitments")
        constraints = [
            models.CheckConstraint(condition=~Q(kept=models.F("absorbed")), name="tracker_merge_two_commitments"),
            models.CheckConstraint(condition=~Q(reason=""), name="tracker_merge_has_reason"),
            # One standing merge per absorbed commitment; an undone one may be followed by another.
            models.UniqueConstraint(
                fields=["absorbed"], condition=Q(undone_at__isnull=True), name="tracker_merge_one_standing_per_absorbed"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.absorbed_id} → {self.kept_id}"

    @property
    def is_standing(self) -> bool:
        return self.undone_at is None
