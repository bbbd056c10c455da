"""Written questions and the ministers' answers to them."""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, DurationField, ExpressionWrapper, F, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tracker.assemblies import FLEMISH_PARLIAMENT, rules_for
from tracker.models.fields import WebAddressField
from tracker.models.people import Office, Person
from tracker.models.reference import Assembly, Theme

SESSION_YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{4})$")
_NUMBERED_PART = re.compile(r"^\s*(\d{1,2})[.)]\s+", re.MULTILINE)
session_year_validator = RegexValidator(
    SESSION_YEAR_PATTERN, _("Write the session year as two consecutive years, e.g. 2017-2018.")
)


def session_year_of(day: datetime.date, assembly: str = FLEMISH_PARLIAMENT) -> str:
    """The session year (zittingsjaar, vergaderjaar) of *assembly* a date belongs to: questions from
    the summer recess still belong to the year that is closing."""
    return rules_for(assembly).session_year_of(day)


def answer_due_on(asked_on: datetime.date, assembly: str = FLEMISH_PARLIAMENT) -> datetime.date:
    """The last day of the legal term to answer a question asked on *asked_on* in *assembly*.

    In the Flemish Parliament: twenty working days, Monday to Friday except Belgian public holidays
    and 11 July; parliamentary recesses are not taken out, so a question from the summer may be
    counted late here while the parliament, whose verdict wins where it is known
    (Answer.answered_in_time), counts it on time. In the Tweede Kamer: three weeks.
    """
    return rules_for(assembly).answer_due_on(asked_on)


def validate_session_year(value: str) -> None:
    session_year_validator(value)
    first, second = (int(year) for year in SESSION_YEAR_PATTERN.match(value).groups())
    if second != first + 1:
        raise ValidationError(_("A session year spans two consecutive years, e.g. 2017-2018."), code="invalid")


def numbered_parts(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Split a text into its introduction and its numbered parts ("1. ...", "2. ...")."""
    matches = list(_NUMBERED_PART.finditer(text))
    if not matches:
        return text.strip(), []
    introduction = text[: matches[0].start()].strip()
    parts = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        parts.append((int(match.group(1)), text[match.end() : end].strip()))
    return introduction, parts


class QuestionQuerySet(models.QuerySet):
    def with_people(self) -> "QuestionQuerySet":
        """Everything a list row or detail header shows, fetched in the same query."""
        return self.select_related("assembly", "asker", "addressee", "addressee_office", "answer")

    def for_list(self) -> "QuestionQuerySet":
        """with_people(), without the long texts a list row does not show."""
        return self.with_people().defer("text", "answer__text")

    def addressed_to(self, person: Person) -> "QuestionQuerySet":
        return self.filter(addressee=person)

    # Late answers, by the rule of answer_is_late(), read from the state each question keeps of its
    # answer (answered_on, answer_late): the late-answer lists never join the answers.
    def answered_late(self) -> "QuestionQuerySet":
        return self.filter(answered_late_condition())

    def unanswered_past_term(self, *, as_of: datetime.date) -> "QuestionQuerySet":
        return self.filter(unanswered_past_term_condition(as_of))

    def late(self, *, as_of: datetime.date) -> "QuestionQuerySet":
        """Answered late, or still unanswered after the legal term."""
        return self.filter(answered_late_condition() | unanswered_past_term_condition(as_of))

    def term_passed(self, *, as_of: datetime.date) -> "QuestionQuerySet":
        """Questions whose answer was due before *as_of*, or which were answered already: the ones
        that can be judged on time or late."""
        return self.filter(Q(answer_due_on__lt=as_of) | Q(answer_late__isnull=False))

    def sync_answer_state(self) -> int:
        """Set answered_on and answer_late from each question's answer in one UPDATE: for rows
        written without Question.sync_answer_state(), such as bulk inserts."""
        answers = Answer.objects.filter(question=OuterRef("pk"))
        late = answers.annotate(late=answer_is_late_expression(due=OuterRef(OuterRef("answer_due_on"))))
        return self.update(answered_on=Subquery(answers.values("answered_on")[:1]), answer_late=Subquery(late.values("late")[:1]))

    def with_days_late(self, *, as_of: datetime.date) -> "QuestionQuerySet":
        """Annotate ``late_by``: how long after the term the answer came, or, unanswered, how long
        the term has passed on *as_of* (negative or zero: in time; None: answered, date unknown)."""
        answered_or_today = Case(When(answer_late__isnull=True, then=Value(as_of)), default=F("answered_on"))
        return self.annotate(late_by=ExpressionWrapper(answered_or_today - F("answer_due_on"), output_field=DurationField()))


def answer_is_late(*, due: datetime.date | None, answered_on: datetime.date | None, in_time: bool | None) -> bool:
    """The parliament's own verdict (open data 'tijdig') wins; without it, an answer is late when
    dated after the legal term. An undated answer without a verdict is not late: nobody can tell."""
    if in_time is not None:
        return not in_time
    return answered_on is not None and due is not None and answered_on > due


def answer_is_late_expression(*, due) -> Case:
    """answer_is_late() in SQL, read on an answer's row against *due*, an expression for its term.
    Never NULL: an undated answer without a verdict is not late. Migration 0007 keeps a frozen
    copy; tests/test_rules_agree.py holds the three to the same answers."""
    return Case(
        When(answered_in_time=False, then=Value(True)),
        When(answered_in_time=True, then=Value(False)),
        When(answered_on__gt=due, then=Value(True)),
        default=Value(False),
        output_field=models.BooleanField(),
    )


def answered_late_condition() -> Q:
    return Q(answer_late=True)


def unanswered_past_term_condition(as_of: datetime.date) -> Q:
    return Q(answer_late__isnull=True, answer_due_on__lt=as_of)


class Question(models.Model):
    assembly = models.ForeignKey(Assembly, on_delete=models.PROTECT, related_name="questions", verbose_name=_("assembly"))
    session_year = models.CharField(
        _("session year"),
        max_length=9,
        validators=[validate_session_year],
        help_text=_("The zittingsjaar, e.g. 2017-2018 (from late September to the summer)."),
    )
    number = models.PositiveIntegerField(_("number"), help_text=_("Numbers restart per minister and session year."))
    asked_on = models.DateField(_("date asked"))
    asker = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="questions_asked", verbose_name=_("asked by"))
    addressee = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="questions_received", verbose_name=_("addressed to")
    )
    addressee_office = models.ForeignKey(
        Office, on_delete=models.PROTECT, null=True, blank=True, related_name="questions", verbose_name=_("office as printed")
    )
    subject = models.CharField(_("subject"), max_length=500)
    text = models.TextField(_("text"), blank=True, help_text=_("The question with its numbered sub-questions, as published."))
    source_url = WebAddressField(_("source link"), max_length=500, blank=True)
    answer_due_on = models.DateField(
        _("answer due"),
        null=True,  # set by save(); filled for older rows by migration 0007
        editable=False,
        help_text=_("The last day of the legal term to answer: twenty working days after the date asked."),
    )
    # What the question knows of its answer, kept by sync_answer_state() whenever the answer is
    # saved or deleted, so that the late-answer lists read one table.
    answered_on = models.DateField(_("date answered"), null=True, editable=False)
    answer_late = models.BooleanField(
        _("answered late"), null=True, editable=False, help_text=_("Empty while the question is not answered.")
    )
    open_data_id = models.CharField(
        _("open-data id"),
        max_length=40,
        null=True,
        blank=True,
        unique=True,
        help_text=_("The record's id in the parliament's open data, where known."),
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="questions", verbose_name=_("themes"))
    co_askers = models.ManyToManyField(
        Person,
        blank=True,
        related_name="questions_co_asked",
        verbose_name=_("also asked by"),
        help_text=_("Members who put the question together with the asker (the Tweede Kamer's 'Vragen van de leden ...')."),
    )
    documents = models.JSONField(
        _("documents"),
        default=list,
        blank=True,
        help_text=_("Links to the published documents of the question and its answer, as the parliament lists them."),
    )
    procedure = models.JSONField(
        _("procedure"),
        default=list,
        blank=True,
        help_text=_("The parliament's steps as it gives them (status and date), unknown ones included."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # The fields derived from the date asked and from the answer are not history of their own.
    history = HistoricalRecords(
        excluded_fields=["created_at", "updated_at", "answer_due_on", "answered_on", "answer_late"], m2m_fields=[themes]
    )
    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_on", "-number"]
        verbose_name = _("written question")
        verbose_name_plural = _("written questions")
        constraints = [
            models.UniqueConstraint(
                fields=["assembly", "session_year", "addressee", "number"],
                name="tracker_question_unique_per_addressee_session",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="tracker_question_number_positive"),
        ]
        indexes = [
            # The question list sorts by date asked, newest first.
            models.Index(fields=["-asked_on", "-number"], name="tracker_question_asked_idx"),
            # Late answers: the ministers' record, the count and the order read this index alone on
            # PostgreSQL (index-only scans), never the wide question rows.
            models.Index(
                fields=["addressee", "answer_late", "answer_due_on", "answered_on"],
                include=["id"],
                name="tracker_question_term_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.citation}: {self.subject}"

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if self.asked_on and (update_fields is None or "asked_on" in update_fields):
            self.answer_due_on = answer_due_on(self.asked_on, self.assembly.slug)
            if self.answer_late is not None:  # answered: the new term may change the verdict
                answer = Answer.objects.filter(question=self).only("answered_in_time").first()
                in_time = answer.answered_in_time if answer else None
                self.answer_late = answer_is_late(due=self.answer_due_on, answered_on=self.answered_on, in_time=in_time)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "answer_due_on", "answer_late"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("question_detail", args=[self.pk])

    @property
    def citation(self) -> str:
        """How the parliament cites it: "vraag nr. 551 (2017-2018)"."""
        return f"nr. {self.number} ({self.session_year})"

    def numbered_parts(self) -> tuple[str, list[tuple[int, str]]]:
        return numbered_parts(self.text)

    def sync_answer_state(self, answer: "Answer | None") -> None:
        """Keep what the question knows of its answer (called by Answer.save() and delete())."""
        self.answered_on = answer.answered_on if answer else None
        self.answer_late = (
            answer_is_late(due=self.answer_due_on, answered_on=answer.answered_on, in_time=answer.answered_in_time)
            if answer
            else None
        )
        Question.objects.filter(pk=self.pk).update(answered_on=self.answered_on, answer_late=self.answer_late)

    def answer_lateness(self, as_of: datetime.date) -> "AnswerLateness":
        """Whether the answer came (or is coming) late, as QuestionQuerySet.late() counts it.
        Reads the answer (select_related it) only to say whose verdict it is."""
        if self.answer_late is None:
            days = (as_of - self.answer_due_on).days
            return AnswerLateness(late=days > 0, answered=False, days=max(days, 0), by_parliament=False)
        days = (self.answered_on - self.answer_due_on).days if self.answered_on else None
        by_parliament = self.answer.answered_in_time is not None
        return AnswerLateness(
            late=self.answer_late, answered=True, days=max(days, 0) if days is not None else None, by_parliament=by_parliament
        )

    def clean(self) -> None:
        if self.session_year and self.asked_on and SESSION_YEAR_PATTERN.match(self.session_year):
            first, second = (int(year) for year in SESSION_YEAR_PATTERN.match(self.session_year).groups())
            if not first <= self.asked_on.year <= second:
                raise ValidationError(
                    {
                        "session_year": _("The date asked (%(date)s) does not fall in session year %(year)s.")
                        % {"date": self.asked_on.isoformat(), "year": self.session_year}
                    }
                )


@dataclass(frozen=True)
class AnswerLateness:
    late: bool
    answered: bool
    days: int | None  # calendar days past the term; None when the answer's date is unknown
    by_parliament: bool  # the parliament's own verdict, not our count of working days


class Answer(models.Model):
    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="answer", verbose_name=_("question"))
    answered_on = models.DateField(
        _("date answered"), null=True, blank=True, help_text=_("Leave empty when the document gives no date.")
    )
    text = models.TextField(
        _("text"), blank=True, help_text=_("The answer with its numbered parts, as published. Empty when only its date is known.")
    )
    answered_in_time = models.BooleanField(
        _("answered in time"),
        null=True,
        blank=True,
        help_text=_("The parliament's own verdict (open data 'tijdig'), where known; it wins over the count of working days."),
    )
    in_time_wording = models.CharField(
        _("verdict as given"),
        max_length=100,
        blank=True,
        help_text=_("The parliament's 'tijdig' as it gave it, also when the word is not understood (then no verdict is drawn)."),
    )
    kind_wording = models.CharField(
        _("kind of answer"),
        max_length=100,
        blank=True,
        help_text=_("The parliament's 'soort-antwoord' as it gives it, e.g. an answer that refers to another one."),
    )
    source_url = WebAddressField(_("source link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [
            # The "answered between" filter of the commitment list.
            models.Index(fields=["answered_on"], name="tracker_answer_answered_idx"),
        ]

    def __str__(self) -> str:
        return _("Answer to %(question)s") % {"question": self.question.citation}

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        self.question.sync_answer_state(self)

    def delete(self, *args, **kwargs):
        question = self.question
        deleted = super().delete(*args, **kwargs)
        question.sync_answer_state(None)
        return deleted

    @property
    def made_on(self) -> datetime.date:
        """The date commitments in this answer were made: the answer's date, else the question's."""
        return self.answered_on or self.question.asked_on

    def numbered_parts(self) -> tuple[str, list[tuple[int, str]]]:
        return numbered_parts(self.text)

    def clean(self) -> None:
        if self.answered_on and self.question_id and self.answered_on < self.question.asked_on:
            raise ValidationError(
                {
                    "answered_on": _("An answer cannot be dated before its question (%(date)s).")
                    % {"date": self.question.asked_on.isoformat()}
                }
            )


class HoldingReply(models.Model):
    """A minister's notice that the answer will come late (the Tweede Kamer's "Mededeling"). It is
    kept with the question and shown there; it is not an answer, so the question stays unanswered
    (and late once the term has passed)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="holding_replies", verbose_name=_("question"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["received_on", "pk"]
        verbose_name = _("holding reply")
        verbose_name_plural = _("holding replies")
        constraints = [
            # A re-import finds the notice it stored before.
            models.UniqueConstraint(fields=["question", "received_on"], name="tracker_holdingreply_one_per_day"),
        ]

    def __str__(self) -> str:
        return _("Holding reply to %(question)s") % {"question": self.question.citation}
