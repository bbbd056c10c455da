"""Commitments made in answers, and the append-only history of their status."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tracker.dates import months_before
from tracker.models.fields import WebAddressField
from tracker.models.people import Office, Person
from tracker.models.questions import Answer
from tracker.models.reference import Government, Legislature, Theme


class Status(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    IN_PROGRESS = "in_progress", _("In progress")
    DELAYED = "delayed", _("Delayed")
    FULFILLED = "fulfilled", _("Fulfilled")
    PARTIALLY_FULFILLED = "partially_fulfilled", _("Partially fulfilled")
    NOT_FULFILLED = "not_fulfilled", _("Not fulfilled")
    LAPSED = "lapsed", _("Lapsed")
    POSITION_MAINTAINED = "position_maintained", _("Position maintained")
    POSITION_CHANGED = "position_changed", _("Position changed")

    @classmethod
    def open_values(cls) -> list[str]:
        """Statuses that are still followed up: a promise not yet kept or a refusal still standing."""
        return [cls.ANNOUNCED, cls.IN_PROGRESS, cls.DELAYED, cls.POSITION_MAINTAINED]

    @classmethod
    def closed_values(cls) -> list[str]:
        return [value for value in cls.values if value not in cls.open_values()]

    @classmethod
    def for_refusals(cls) -> list[str]:
        return [cls.POSITION_MAINTAINED, cls.POSITION_CHANGED]

    @classmethod
    def for_promises(cls) -> list[str]:
        return [value for value in cls.values if value not in cls.for_refusals()]

    @classmethod
    def broken_values(cls) -> list[str]:
        return [cls.NOT_FULFILLED]

    @classmethod
    def closing_values(cls) -> list[str]:
        """The statuses that settle a commitment: with the four-eyes check on, a second editor confirms them."""
        return [cls.FULFILLED, cls.PARTIALLY_FULFILLED, cls.NOT_FULFILLED, cls.LAPSED, cls.POSITION_CHANGED]


class Kind(models.TextChoices):
    PROJECT_CALL = "project_call", _("Project call")
    FUNDING = "funding", _("Funding")
    LEGISLATION = "legislation", _("Legislation")
    STUDY = "study", _("Study or evaluation")
    ACTION = "action", _("Action")
    OTHER = "other", _("Other")
    REFUSAL = "refusal", _("Refusal")


class DeadlineSource(models.TextChoices):
    STATED = "stated", _("Stated in the answer")
    STAFF = "staff", _("Set by staff")
    DEFAULT_HORIZON = "default", _("Default horizon")
    NONE = "none", _("No deadline")


def default_horizon(made_on: datetime.date, assembly) -> datetime.date | None:
    """The deadline of a promise made on *made_on* in *assembly* (an Assembly or its id) without one:
    the end of that assembly's legislature or government then in office (setting
    TRACKER_DEFAULT_HORIZON), or None when none is known."""
    periods = Government.objects if settings.TRACKER_DEFAULT_HORIZON == "government" else Legislature.objects
    period = periods.filter(assembly=assembly).containing(made_on).exclude(end_date__isnull=True).order_by("-start_date").first()
    return period.end_date if period else None


def published_by_default() -> bool:
    """A new commitment's publication (setting TRACKER_PUBLISH_BY_DEFAULT)."""
    return settings.TRACKER_PUBLISH_BY_DEFAULT


def open_condition() -> Q:
    """Still followed up: announced, in progress, delayed, or a refusal whose position stands; and
    not merged into another commitment (whose follow-up it now is)."""
    return Q(current_status__in=Status.open_values(), merged_into__isnull=True)


def open_promise_condition() -> Q:
    """A promise (not a refusal) still to be kept: the commitments that can fall due."""
    return open_condition() & ~Q(kind=Kind.REFUSAL)


# The same condition as a value: the first key of the "days overdue" order, backed by an index.
OPEN_PROMISE = models.ExpressionWrapper(open_promise_condition(), output_field=models.BooleanField())


# Each deadline rule is an open promise (open_promise_condition) whose deadline lies in a window.
# The windows are builders of their own so that counts among the open promises (the dashboard's)
# name the deadline alone: PostgreSQL then reads them from the partial index tracker_cmt_open_dl_idx
# without the table, an index-only scan (with the whole rule in each count: 3× slower at 200,000).


def overdue_deadline(as_of: datetime.date) -> Q:
    """The deadline window of overdue: before *as_of* (a deadline of today is not overdue yet)."""
    return Q(deadline__lt=as_of)


def long_overdue_deadline(as_of: datetime.date, days: int | None = None) -> Q:
    """The deadline window of long overdue: more than *days* days before *as_of*
    (by default the setting TRACKER_LONG_OVERDUE_DAYS)."""
    days = settings.TRACKER_LONG_OVERDUE_DAYS if days is None else days
    return overdue_deadline(as_of - datetime.timedelta(days=days))


def due_soon_deadline(as_of: datetime.date, days: int | None = None) -> Q:
    """The deadline window of due soon: from *as_of* up to and including *days* days later
    (by default the setting TRACKER_DUE_SOON_DAYS)."""
    days = settings.TRACKER_DUE_SOON_DAYS if days is None else days
    return Q(deadline__gte=as_of, deadline__lte=as_of + datetime.timedelta(days=days))


def overdue_condition(as_of: datetime.date) -> Q:
    """The overdue rule, once: an open promise (not a refusal) whose deadline lies before *as_of*."""
    return open_promise_condition() & overdue_deadline(as_of)


def long_overdue_condition(as_of: datetime.date, days: int | None = None) -> Q:
    """Overdue by more than *days* days on *as_of* (by default TRACKER_LONG_OVERDUE_DAYS)."""
    return open_promise_condition() & long_overdue_deadline(as_of, days)


def due_soon_condition(as_of: datetime.date, days: int | None = None) -> Q:
    """Open promises falling due from *as_of* up to and including *days* days later (by default
    TRACKER_DUE_SOON_DAYS)."""
    return open_promise_condition() & due_soon_deadline(as_of, days)


def follow_up_condition(as_of: datetime.date, months: int | None = None) -> Q:
    """Open commitments whose latest status was observed more than *months* months before *as_of*
    (by default TRACKER_FOLLOW_UP_MONTHS)."""
    months = settings.TRACKER_FOLLOW_UP_MONTHS if months is None else months
    return open_condition() & Q(status_observed_on__lt=months_before(as_of, months))


# The commitment's own columns a list row shows (templates: tracker/includes/commitment_rows.html).
ROW_FIELDS = [
    "id",
    "answer",
    "title",
    "kind",
    "responsible_person",
    "deadline",
    "deadline_source",
    "deadline_wording",
    "current_status",
    "status_observed_on",
    "made_on",
    "assignee",
    "deadline_moves",
    "deadline_slip_days",
]


def _flag(condition: Q) -> models.Case:
    """True or False, never NULL (a bare condition is NULL on a NULL deadline)."""
    return models.Case(models.When(condition, then=True), default=False, output_field=models.BooleanField())


class CommitmentQuerySet(models.QuerySet):
    def open(self) -> "CommitmentQuerySet":
        """Still followed up: announced, in progress, delayed, or a refusal whose position stands."""
        return self.filter(open_condition())

    def closed(self) -> "CommitmentQuerySet":
        """Settled: fulfilled (wholly or partly), not fulfilled, lapsed, or a refusal reversed."""
        return self.filter(current_status__in=Status.closed_values())

    def promises(self) -> "CommitmentQuerySet":
        """Everything except refusals."""
        return self.exclude(kind=Kind.REFUSAL)

    def refusals(self) -> "CommitmentQuerySet":
        return self.filter(kind=Kind.REFUSAL)

    def overdue(self, *, as_of: datetime.date) -> "CommitmentQuerySet":
        """Open promises whose deadline lies before *as_of* (a deadline of today is not yet overdue)."""
        return self.filter(overdue_condition(as_of))

    def long_overdue(self, *, as_of: datetime.date, days: int | None = None) -> "CommitmentQuerySet":
        """Overdue by more than *days* days (by default TRACKER_LONG_OVERDUE_DAYS)."""
        return self.filter(long_overdue_condition(as_of, days))

    def due_soon(self, *, as_of: datetime.date, days: int | None = None) -> "CommitmentQuerySet":
        """Open promises falling due from *as_of* up to and including *days* days later (by default
        TRACKER_DUE_SOON_DAYS)."""
        return self.filter(due_soon_condition(as_of, days))

    def needs_follow_up(self, *, as_of: datetime.date, months: int | None = None) -> "CommitmentQuerySet":
        """Open commitments whose latest status was observed more than *months* months before *as_of*
        (by default TRACKER_FOLLOW_UP_MONTHS)."""
        return self.filter(follow_up_condition(as_of, months))

    def published(self) -> "CommitmentQuerySet":
        """What the public sees: published commitments (merged duplicates never, by the manager)."""
        return self.filter(published=True)

    def for_minister(self, person: Person) -> "CommitmentQuerySet":
        return self.filter(responsible_person=person)

    def deadline_moved(self, *, times: int = 1) -> "CommitmentQuerySet":
        """Commitments whose deadline moved (from one date to another) at least *times* times."""
        # At least once, always: the condition of the partial index tracker_cmt_moved_idx.
        return self.filter(deadline_moves__gte=max(times, 1))

    def slippage_by_minister(self) -> "CommitmentQuerySet":
        """Per responsible person: `moved` (commitments whose deadline moved), `moves` and `days`
        (slipped), summed from the stored figures of the few commitments that moved: one grouped read."""
        return (
            self.deadline_moved()
            .values("responsible_person")
            .annotate(moved=models.Count("pk"), moves=models.Sum("deadline_moves"), days=models.Sum("deadline_slip_days"))
            .order_by()
        )

    def slippage(self) -> dict:
        """The same figures (moved, moves, days) over the whole queryset, in one aggregate."""
        totals = self.deadline_moved().aggregate(
            moved=models.Count("pk"), moves=models.Sum("deadline_moves"), days=models.Sum("deadline_slip_days")
        )
        return {name: value or 0 for name, value in totals.items()}

    def overdue_first(self) -> "CommitmentQuerySet":
        """Most overdue first: the earliest deadline first, then the oldest commitment."""
        return self.order_by("deadline", "pk")

    def by_days_overdue(self) -> "CommitmentQuerySet":
        """Open promises first, most overdue first (then those falling due soonest); then the rest
        by deadline. The order of the list's "days overdue" column, read from an index."""
        return self.order_by(OPEN_PROMISE.desc(), "deadline", "pk")

    def neglected_first(self) -> "CommitmentQuerySet":
        """Longest without a status update first."""
        return self.order_by("status_observed_on", "pk")

    def with_context(self) -> "CommitmentQuerySet":
        """Exactly what a list row or a dashboard panel shows, fetched in the same query: nothing more,
        because at a page of rows every column loaded and every model built costs time."""
        return self.select_related("responsible_person", "answer__question", "assignee").only(
            *ROW_FIELDS,
            "responsible_person__first_name",
            "responsible_person__last_name",
            "answer__question__session_year",
            "answer__question__number",
            "assignee__username",
            "assignee__first_name",
            "assignee__last_name",
        )

    def with_overdue_flag(self, *, as_of: datetime.date) -> "CommitmentQuerySet":
        """Annotate `is_overdue` and `is_long_overdue` (by their rules, on *as_of*) and `days_overdue`
        (None unless overdue)."""
        overdue = overdue_condition(as_of)
        return self.annotate(
            is_overdue=_flag(overdue),
            is_long_overdue=_flag(long_overdue_condition(as_of)),
            days_overdue=models.Case(models.When(overdue, then=DaysBetween(F("deadline"), as_of)), default=None),
        )


class CommitmentManager(models.Manager.from_queryset(CommitmentQuerySet)):
    """Every commitment except those merged into another: a merged duplicate is seen only as part of
    the commitment it was merged into (its page leads there). `Commitment.all_objects` has them all."""

    def get_queryset(self) -> CommitmentQuerySet:
        return super().get_queryset().filter(merged_into__isnull=True)


class DaysBetween(models.Func):
    """Whole days from a date column to a fixed date, on SQLite and PostgreSQL alike."""

    output_field = models.IntegerField()

    def __init__(self, column, day: datetime.date):
        super().__init__(column, models.Value(day, output_field=models.DateField()))

    def as_sql(self, compiler, connection, **extra_context):
        column, day = self.get_source_expressions()
        column_sql, column_params = compiler.compile(column)
        day_sql, day_params = compiler.compile(day)
        if connection.vendor == "postgresql":
            return f"({day_sql}::date - {column_sql})", (*day_params, *column_params)
        return (
            f"CAST(julianday({day_sql}) - julianday({column_sql}) AS INTEGER)",
            (*day_params, *column_params),
        )


class Commitment(models.Model):
    """A promise (or an explicit refusal) found in a minister's answer."""

    answer = models.ForeignKey(Answer, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("answer"))
    title = models.CharField(
        _("title"), max_length=200, help_text=_("A short description of what was promised, in the document's language.")
    )
    quote = models.TextField(_("quote"), help_text=_("The exact words from the answer."))
    quote_start = models.PositiveIntegerField(
        _("quote position"), editable=False, help_text=_("Where the quote starts in the answer text, for highlighting.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ACTION)
    responsible_person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("responsible minister")
    )
    responsible_office = models.ForeignKey(
        Office, on_delete=models.PROTECT, null=True, blank=True, related_name="commitments", verbose_name=_("responsible office")
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_source = models.CharField(
        _("deadline source"), max_length=10, choices=DeadlineSource.choices, default=DeadlineSource.NONE
    )
    deadline_wording = models.CharField(
        _("deadline as worded"),
        max_length=200,
        blank=True,
        help_text=_("The answer's own words for a stated deadline, e.g. 'tegen eind 2019'."),
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="commitments", verbose_name=_("themes"))
    target_group = models.CharField(
        _("target group"), max_length=200, blank=True, help_text=_("Who the promise is for, e.g. 'mensen in armoede'.")
    )
    made_on = models.DateField(
        _("made on"),
        editable=False,
        help_text=_("The date of the answer (of the question when the answer is undated), kept here for lists and charts."),
    )

    published = models.BooleanField(
        _("published"),
        default=published_by_default,
        help_text=_("Shown on the public site and in the open data, with its public notes; otherwise internal."),
    )

    # Kept in step with the status history by tracker.services.commitments only (never by a form),
    # so that lists can filter and sort without aggregating the history.
    current_status = models.CharField(_("current status"), max_length=20, choices=Status.choices, editable=False)
    status_observed_on = models.DateField(_("status observed on"), editable=False)
    last_recorded_at = models.DateTimeField(_("last update recorded"), editable=False)
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised on every edit, to refuse stale saves.")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_commitments",
        verbose_name=_("assigned to"),
        help_text=_("The staff member who looks after this commitment."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name=_("part of"),
        help_text=_("The programme (an action plan, say) this commitment is one measure of."),
    )
    # Set and cleared by tracker.services.merges only: a duplicate shown as part of another commitment.
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="merged_commitments",
        verbose_name=_("merged into"),
    )
    # Kept in step with the deadline changes (tracker.models.chains.DeadlineChange) by the services,
    # so that lists filter and reports sum the slippage without reading the changes.
    first_deadline = models.DateField(_("first deadline"), null=True, blank=True, editable=False)
    deadline_moves = models.PositiveIntegerField(_("deadline moves"), default=0, editable=False)
    deadline_slip_days = models.IntegerField(
        _("days slipped"),
        default=0,
        editable=False,
        help_text=_("Days between the first deadline and the current one, summed over its moves."),
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=[
            "current_status",
            "status_observed_on",
            "last_recorded_at",
            "created_at",
            "updated_at",
            "quote_start",
            "made_on",
            "first_deadline",
            "deadline_moves",
            "deadline_slip_days",
        ],
        m2m_fields=[themes],
    )
    objects = CommitmentManager()
    all_objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        base_manager_name = "all_objects"
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="tracker_commitment_kind_valid"),
            models.CheckConstraint(condition=Q(current_status__in=Status.values), name="tracker_commitment_status_valid"),
            models.CheckConstraint(
                condition=Q(deadline_source__in=DeadlineSource.values), name="tracker_commitment_deadline_source_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(deadline__isnull=True, deadline_source=DeadlineSource.NONE)
                    | (Q(deadline__isnull=False) & ~Q(deadline_source=DeadlineSource.NONE))
                ),
                name="tracker_commitment_deadline_matches_source",
            ),
            models.CheckConstraint(
                condition=~Q(deadline_source=DeadlineSource.STATED) | ~Q(deadline_wording=""),
                name="tracker_commitment_stated_deadline_has_wording",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=Kind.REFUSAL, current_status__in=Status.for_refusals())
                    | (~Q(kind=Kind.REFUSAL) & Q(current_status__in=Status.for_promises()))
                ),
                name="tracker_commitment_status_fits_kind",
            ),
            models.CheckConstraint(condition=~Q(quote=""), name="tracker_commitment_quote_not_empty"),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="tracker_commitment_not_its_own_part"),
            models.CheckConstraint(condition=~Q(merged_into=F("pk")), name="tracker_commitment_not_merged_into_itself"),
        ]
        indexes = [
            # overdue(), due_soon() and the overdue page: open promises by deadline, a slice of the table.
            models.Index(
                fields=["deadline", "id"],
                include=["responsible_person"],
                condition=open_promise_condition(),
                name="tracker_cmt_open_dl_idx",
            ),
            # needs_follow_up(): open commitments by the date of their latest status, most neglected first.
            models.Index(
                fields=["status_observed_on", "id"],
                condition=open_condition(),
                name="tracker_cmt_open_obs_idx",
            ),
            # The list's orders: days overdue (by_days_overdue), deadline, last update, newest.
            models.Index(OPEN_PROMISE.desc(), "deadline", "id", name="tracker_cmt_overdue_sort_idx"),
            models.Index(fields=["deadline", "id"], name="tracker_cmt_deadline_idx"),
            models.Index(fields=["-status_observed_on", "-id"], name="tracker_cmt_observed_idx"),
            models.Index(fields=["-made_on", "-id"], name="tracker_cmt_made_idx"),
            # The list's status filter.
            models.Index(fields=["current_status", "deadline"], name="tracker_cmt_status_dl_idx"),
            # The list's minister filter; and one minister's commitments in the list's default order
            # (days overdue), read in order rather than picked out of everyone's (0.3 instead of 5 ms).
            models.Index(fields=["responsible_person", "current_status"], name="tracker_cmt_person_idx"),
            models.Index("responsible_person", OPEN_PROMISE.desc(), "deadline", "id", name="tracker_cmt_person_sort_idx"),
            # The list's "deadline moved at least N times" filter: the few commitments that slipped.
            models.Index(fields=["deadline_moves", "id"], condition=Q(deadline_moves__gt=0), name="tracker_cmt_moved_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("commitment_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        """The stable, human-readable id users cite: C-00042."""
        return f"C-{self.pk:05d}" if self.pk else "C-new"

    @property
    def deadline_slipped(self) -> bool:
        """Whether its deadline moved, or is no longer the first one promised (removed, say): what
        the page shows beside the deadline, from the stored figures."""
        return bool(self.deadline_moves) or (self.first_deadline is not None and self.first_deadline != self.deadline)

    @property
    def is_refusal(self) -> bool:
        return self.kind == Kind.REFUSAL

    @property
    def is_open(self) -> bool:
        return self.current_status in Status.open_values()

    @property
    def quote_end(self) -> int:
        return self.quote_start + len(self.quote)

    def quote_in_context(self) -> tuple[str, str, str]:
        """The answer text split into before / quote / after, for highlighting in place."""
        text = self.answer.text
        return text[: self.quote_start], text[self.quote_start : self.quote_end], text[self.quote_end :]

    def allowed_statuses(self) -> list[str]:
        return Status.for_refusals() if self.is_refusal else Status.for_promises()

    def part_of_errors(self, parent: "Commitment") -> dict:
        """Why *parent* cannot be this commitment's programme (empty: it can). One level only: a
        programme is a list of measures, not a tree; a refusal is a position, neither a programme
        nor a measure of one. Whether this commitment has parts of its own is the service's check."""
        if parent.pk is not None and parent.pk == self.pk:
            return {"parent": _("A commitment cannot be a part of itself.")}
        if self.is_refusal or parent.is_refusal:
            return {"parent": _("A refusal is neither a programme nor a part of one.")}
        if parent.parent_id is not None:
            return {
                "parent": _("%(parent)s is itself a part of %(grandparent)s: choose the programme, %(grandparent)s.")
                % {"parent": parent.reference, "grandparent": f"C-{parent.parent_id:05d}"}
            }
        return {}

    def clean(self) -> None:
        errors = {}
        if self.answer_id and self.quote and self.quote not in self.answer.text:
            errors["quote"] = _("This quote does not occur in the answer. Copy the exact words from the answer text.")
        if self.answer_id and self.deadline and self.deadline < self.answer.question.asked_on:
            errors["deadline"] = _("The deadline (%(deadline)s) lies before the question was asked (%(asked)s).") % {
                "deadline": self.deadline.isoformat(),
                "asked": self.answer.question.asked_on.isoformat(),
            }
        if self.deadline_source == DeadlineSource.STATED and not self.deadline_wording:
            errors["deadline_wording"] = _("A deadline stated in the answer needs the answer's own words.")
        if self.deadline is None and self.deadline_source not in ("", DeadlineSource.NONE):
            errors["deadline"] = _("Give a date, or set the deadline source to “No deadline”.")
        elif self.deadline is not None and self.deadline_source == DeadlineSource.NONE:
            errors["deadline_source"] = _(
                "Say where the deadline comes from: stated in the answer, set by staff or default horizon."
            )
        errors.update(self.part_of_errors(self.parent) if self.parent_id else {})
        if self.pk and self.current_status and self.current_status not in self.allowed_statuses():
            errors["kind"] = _("A promise cannot become a refusal or the reverse; record its outcome and add a new commitment.")
        if errors:
            raise ValidationError(errors)


# The order that decides the current status: latest observation, then latest recording.
LATEST_FIRST = ["-observed_on", "-recorded_at", "-pk"]


class StatusUpdateQuerySet(models.QuerySet):
    def latest_first(self) -> "StatusUpdateQuerySet":
        """The order that decides the current status: latest observation, then latest recording."""
        return self.order_by(*LATEST_FIRST)

    def valid(self) -> "StatusUpdateQuerySet":
        """The updates that count: not voided by an administrator and, where a second editor's
        confirmation is needed (the four-eyes check), confirmed."""
        return self.filter(void__isnull=True).exclude(
            Q(needs_confirmation=True) & (Q(confirmation__isnull=True) | Q(confirmation__confirmed=False))
        )

    def public(self) -> "StatusUpdateQuerySet":
        """The updates the public sees of a published commitment: those that count (valid())."""
        return self.valid().filter(commitment__published=True, commitment__merged_into__isnull=True)

    def awaiting_confirmation(self) -> "StatusUpdateQuerySet":
        """Updates that close a commitment and wait for a second editor (not voided)."""
        return self.filter(needs_confirmation=True, confirmation__isnull=True, void__isnull=True)


class StatusUpdate(models.Model):
    """One observation of a commitment's status. Never edited or deleted: a correction is a newer
    update, and a mistake (a wrong date, the wrong commitment) is voided by an administrator."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="status_updates", verbose_name=_("commitment")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    observed_on = models.DateField(_("observed on"), help_text=_("The date on which this status held."))
    note = models.TextField(_("note"), blank=True)
    # The one column of an update that may change after it is recorded (the append-only trigger
    # allows it): an editor withdraws a note from the public, or publishes it, later.
    note_is_public = models.BooleanField(
        _("public note"),
        default=False,
        help_text=_("Show the note on the public site with the published commitment; otherwise staff only."),
    )
    evidence_url = WebAddressField(_("evidence URL"), max_length=500, blank=True)
    evidence_text = models.TextField(
        _("evidence"), blank=True, help_text=_("A later answer, a decision, a letter: what shows this status.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_updates",
        verbose_name=_("recorded by"),
        help_text=_("Empty for updates made by an import."),
    )
    recorded_by_name = models.CharField(
        _("recorded by (imported)"),
        max_length=150,
        blank=True,
        help_text=_("Who recorded it, for history imported from another installation without that user."),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)
    needs_confirmation = models.BooleanField(
        _("needs confirmation"),
        default=False,
        editable=False,
        help_text=_(
            "A status that closes the commitment, recorded with the four-eyes check on: it counts once a second editor confirms it."
        ),
    )

    objects = StatusUpdateQuerySet.as_manager()

    class Meta:
        ordering = LATEST_FIRST
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="tracker_statusupdate_status_valid"),
        ]
        indexes = [
            # The timeline and the choice of the current status read a commitment's updates latest first.
            models.Index(fields=["commitment", "-observed_on", "-recorded_at"], name="tracker_update_timeline_idx"),
            # "Recently updated" on the dashboard: the latest recorded updates of all commitments.
            models.Index(fields=["-recorded_at"], name="tracker_update_recorded_idx"),
            # "Awaiting confirmation" (My work): the few updates a second editor must still confirm.
            models.Index(fields=["recorded_at"], condition=Q(needs_confirmation=True), name="tracker_update_to_confirm_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.observed_on.isoformat()})"

    @property
    def public_note(self) -> str:
        """The note as the public sees it: empty unless an editor made it public."""
        return self.note if self.note_is_public else ""


class StatusUpdateVoid(models.Model):
    """An administrator's correction of a mistaken status update. The update stays in the history,
    shown struck through with who voided it and why, and no longer counts for the current status.
    Like the updates themselves, voids are never changed (a database trigger refuses it)."""

    update = models.OneToOneField(StatusUpdate, on_delete=models.PROTECT, related_name="void", verbose_name=_("status update"))
    reason = models.TextField(_("reason"), help_text=_("Why the update does not count, e.g. “typing error in the year”."))
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voided by"),
    )
    voided_by_name = models.CharField(
        _("voided by (restored)"),
        max_length=150,
        blank=True,
        help_text=_("Who voided it, for history restored from another installation without that user."),
    )
    voided_at = models.DateTimeField(_("voided at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("voided status update")
        verbose_name_plural = _("voided status updates")
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="tracker_void_has_reason")]

    def __str__(self) -> str:
        return f"{self.update} ({self.reason})"


class StatusUpdateConfirmation(models.Model):
    """A second editor's decision on a status update that closes a commitment (the four-eyes check):
    confirmed, it counts; rejected (with a note), it stays in the history and does not count. Never
    changed (a database trigger refuses it)."""

    update = models.OneToOneField(
        StatusUpdate, on_delete=models.PROTECT, related_name="confirmation", verbose_name=_("status update")
    )
    confirmed = models.BooleanField(_("confirmed"))
    note = models.TextField(_("note"), blank=True, help_text=_("Why it is rejected (required then)."))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_by_name = models.CharField(
        _("decided by (restored)"),
        max_length=150,
        blank=True,
        help_text=_("Who decided, for history restored from another installation without that user."),
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("confirmation of a status update")
        verbose_name_plural = _("confirmations of status updates")
        constraints = [
            models.CheckConstraint(condition=Q(confirmed=True) | ~Q(note=""), name="tracker_confirmation_rejection_has_note"),
        ]

    def __str__(self) -> str:
        return f"{self.update} ({'confirmed' if self.confirmed else 'rejected'})"
