"""Reference data: assemblies, legislatures, governments, parties and themes."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Assembly(models.Model):
    """A parliament whose written questions are tracked (e.g. the Flemish Parliament)."""

    slug = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Short stable code, e.g. 'vlaams-parlement'."))
    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("assembly")
        verbose_name_plural = _("assemblies")

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class PeriodQuerySet(models.QuerySet):
    def containing(self, day: datetime.date) -> "PeriodQuerySet":
        """Periods that include *day*; an open end date means "still running"."""
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)


class Legislature(models.Model):
    """The term of an assembly, from one election to the next."""

    assembly = models.ForeignKey(Assembly, on_delete=models.PROTECT, related_name="legislatures", verbose_name=_("assembly"))
    name = models.CharField(_("name"), max_length=40, help_text=_("Usually the years, e.g. '2014-2019'."))
    start_date = models.DateField(_("start date"), help_text=_("The election that opened it."))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("The next election; for the current term, the expected one.")
    )

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("legislature")
        verbose_name_plural = _("legislatures")
        constraints = [
            models.UniqueConstraint(fields=["assembly", "name"], name="tracker_legislature_unique_name_per_assembly"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=models.F("start_date")),
                name="tracker_legislature_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assembly.name} {self.name}"


class Government(models.Model):
    """A government (cabinet) from its swearing-in to its end, answerable to one assembly."""

    assembly = models.ForeignKey(
        Assembly,
        on_delete=models.PROTECT,
        related_name="governments",
        verbose_name=_("assembly"),
        help_text=_("The parliament the government answers to: its ministers answer that parliament's questions."),
    )
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Leave empty while it is in office."))

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("government")
        verbose_name_plural = _("governments")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=models.F("start_date")),
                name="tracker_government_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class Party(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return self.abbreviation or self.name


class Theme(models.Model):
    """A policy theme used to group questions and commitments (e.g. 'Armoedebestrijding')."""

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True, help_text=_("As the parliament names it."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name
