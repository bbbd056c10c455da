"""Running counts of commitments, for the dashboard: how many commitments each minister has, per
year made, per status, promises and refusals apart.

The database keeps them (triggers of migration 0006, on PostgreSQL and SQLite), so the dashboard
reads about two thousand rows instead of aggregating every commitment on every view. Only
figures that depend on today's date (overdue, due soon, needs follow-up) are counted live, from
partial indexes. tracker.services.tallies.tallies_rebuild() recomputes them after a bulk load.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models.commitments import Status
from tracker.models.people import Person


class CommitmentTally(models.Model):
    responsible_person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("responsible minister")
    )
    year = models.PositiveSmallIntegerField(_("year made"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    refusal = models.BooleanField(_("refusal"))
    total = models.IntegerField(_("commitments"))

    class Meta:
        default_permissions = ()
        verbose_name = _("commitment tally")
        constraints = [
            # The triggers add to a row with ON CONFLICT on exactly these columns.
            models.UniqueConstraint(fields=["responsible_person", "year", "status", "refusal"], name="tracker_tally_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.responsible_person_id} {self.year} {self.status} {self.refusal}: {self.total}"
