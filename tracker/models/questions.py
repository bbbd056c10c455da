"""Written questions and the ministers' answers to them."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tracker.models.people import Office, Person
from tracker.models.reference import Assembly, Theme

SESSION_YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{4})$")
_NUMBERED_PART = re.compile(r"^\s*(\d{1,2})[.)]\s+", re.MULTILINE)

session_year_validator = RegexValidator(
    SESSION_YEAR_PATTERN, _("Write the session year as two consecutive years, e.g. 2017-2018.")
)


def session_year_of(day: datetime.date) -> str:
    """The Flemish Parliament's session year (zittingsjaar) for a date.

    A session year opens on the fourth Monday of September; questions from the summer recess
    still belong to the year that is closing.
    """
    september_first = datetime.date(day.year, 9, 1)
    first_monday = september_first + datetime.timedelta(days=(7 - september_first.weekday()) % 7)
    opening = first_monday + datetime.timedelta(weeks=3)
    start = day.year if day >= opening else day.year - 1
    return f"{start}-{start + 1}"


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
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    open_data_id = models.CharField(
        _("open-data id"),
        max_length=40,
        null=True,
        blank=True,
        unique=True,
        help_text=_("The record's id in the parliament's open data, where known."),
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="questions", verbose_name=_("themes"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"], m2m_fields=[themes])
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
        ]

    def __str__(self) -> str:
        return f"{self.citation}: {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("question_detail", args=[self.pk])

    @property
    def citation(self) -> str:
        """How the parliament cites it: "vraag nr. 551 (2017-2018)"."""
        return f"nr. {self.number} ({self.session_year})"

    def numbered_parts(self) -> tuple[str, list[tuple[int, str]]]:
        return numbered_parts(self.text)

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


class Answer(models.Model):
    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="answer", verbose_name=_("question"))
    answered_on = models.DateField(
        _("date answered"), null=True, blank=True, help_text=_("Leave empty when the document gives no date.")
    )
    text = models.TextField(
        _("text"), blank=True, help_text=_("The answer with its numbered parts, as published. Empty when only its date is known.")
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
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
