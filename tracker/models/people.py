"""People (members of parliament and ministers), their name variants and their offices."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tracker.models.reference import Government, Party, PeriodQuerySet
from tracker.names import normalise_name


class PersonQuerySet(models.QuerySet):
    def named(self, name: str) -> "PersonQuerySet":
        """People known under *name* or a variant that normalises to the same key."""
        return self.filter(aliases__normalised=normalise_name(name)).distinct()

    def ministers(self) -> "PersonQuerySet":
        """People who held an office or were asked a question: the choices of the minister filters."""
        from tracker.models.questions import Question

        return self.filter(
            models.Exists(Office.objects.filter(person=models.OuterRef("pk")))
            | models.Exists(Question.objects.filter(addressee=models.OuterRef("pk")))
        )


class Person(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    party = models.ForeignKey(
        Party, on_delete=models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("party")
    )
    open_data_id = models.CharField(
        _("open-data id"),
        max_length=40,
        null=True,
        blank=True,
        unique=True,
        help_text=_("The person's id in the parliament's open data, where known."),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            # The minister filter and admin autocomplete sort people by name.
            models.Index(fields=["last_name", "first_name"], name="tracker_person_name_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class PersonAlias(models.Model):
    """A spelling of a person's name as it appears in documents, used to match imports."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("person"))
    name = models.CharField(_("name as printed"), max_length=200)
    normalised = models.CharField(_("matching key"), max_length=200, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("name variant")
        verbose_name_plural = _("name variants")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Derived field: the key is a pure function of the name, so it is kept in step here.
        self.normalised = normalise_name(self.name)
        super().save(*args, **kwargs)


class OfficeQuerySet(PeriodQuerySet):
    def held_by(self, person: Person) -> "OfficeQuerySet":
        return self.filter(person=person)


class Office(models.Model):
    """A minister's portfolio as printed at the time, held by a person within a government."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="offices", verbose_name=_("holder"))
    government = models.ForeignKey(
        Government, on_delete=models.PROTECT, null=True, blank=True, related_name="offices", verbose_name=_("government")
    )
    title = models.CharField(
        _("title as printed"),
        max_length=500,
        help_text=_("The portfolio exactly as the document prints it, e.g. 'Vlaams minister van Wonen'."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("successor"),
        help_text=_("The office that took over this portfolio, if any."),
    )

    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "government", "title"], name="tracker_office_unique_title_per_holder_government"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="tracker_office_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.full_name}: {self.short_title}"

    @property
    def short_title(self) -> str:
        """The title without the leading 'viceminister-president ...' part, for narrow columns."""
        parts = [part.strip() for part in self.title.split(",")]
        return parts[-1] if len(parts) > 1 else self.title

    def was_held_on(self, day: datetime.date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)
