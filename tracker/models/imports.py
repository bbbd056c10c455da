"""What imports found: suggested commitments awaiting review, and a record of each import run."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tracker.models.commitments import Commitment, Kind
from tracker.models.questions import Answer


class Precision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    SEASON = "season", _("Season")
    QUARTER = "quarter", _("Quarter")
    HALF_YEAR = "half_year", _("Half year")
    YEAR = "year", _("Year")
    TERM = "term", _("End of term")


class SuggestionState(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")
    # "Same promise": recorded as a re-statement of an existing commitment (Suggestion.restatement).
    RESTATED = "restated", _("Same promise as a commitment")


class SuggestionQuerySet(models.QuerySet):
    def pending(self) -> "SuggestionQuerySet":
        return self.filter(state=SuggestionState.PENDING)


class Suggestion(models.Model):
    """A sentence of an answer that the importer reads as a commitment or a refusal, for staff to review."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="suggestions", verbose_name=_("answer"))
    sentence = models.TextField(_("sentence"))
    sentence_start = models.PositiveIntegerField(_("position in the answer"))
    fingerprint = models.CharField(
        _("fingerprint"),
        max_length=64,
        editable=False,
        help_text=_("Identifies the sentence across re-imports, so a rejected suggestion is not made again."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("proposed title"), max_length=200)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_wording = models.CharField(_("deadline as worded"), max_length=200, blank=True)
    deadline_precision = models.CharField(_("deadline precision"), max_length=10, choices=Precision.choices, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=SuggestionState.choices, default=SuggestionState.PENDING)
    commitment = models.OneToOneField(
        Commitment, on_delete=models.SET_NULL, null=True, blank=True, related_name="suggestion", verbose_name=_("commitment")
    )
    # The open commitment this sentence most likely re-states (tracker.services.matching), proposed
    # in the review queue; the editor decides.
    match = models.ForeignKey(
        Commitment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("looks like"),
    )
    match_similarity = models.FloatField(_("similarity"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["answer", "sentence_start"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        constraints = [
            models.UniqueConstraint(fields=["answer", "fingerprint"], name="tracker_suggestion_unique_sentence_per_answer"),
            models.CheckConstraint(condition=Q(state__in=SuggestionState.values), name="tracker_suggestion_state_valid"),
            models.CheckConstraint(
                condition=~Q(state=SuggestionState.CONFIRMED) | Q(commitment__isnull=False),
                name="tracker_suggestion_confirmed_has_commitment",
            ),
        ]
        indexes = [
            # The review queue lists pending suggestions, oldest import first.
            models.Index(fields=["created_at"], condition=Q(state="pending"), name="tracker_sugg_pending_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class ImportRun(models.Model):
    """One run of the importer (command line or upload page), kept for the audit trail."""

    class Origin(models.TextChoices):
        COMMAND = "command", _("Command line")
        UPLOAD = "upload", _("Upload page")
        DEMO = "demo", _("Demo data")
        RESTORE = "restore", _("Restore of a full export")

    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("started by")
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    report = models.JSONField(_("report"), default=list, help_text=_("One entry per document: its name, outcome and reason."))

    class Meta:
        ordering = ["-started_at"]
        # A restore writes history with its original authors and times: administrators only.
        permissions = [("restore_export", _("Can restore a full export with its original authors and times"))]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self) -> str:
        return f"{self.get_origin_display()} {self.started_at:%Y-%m-%d %H:%M}"
