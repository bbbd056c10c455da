"""Forms for programmes and merged duplicates; tracker.services.programmes and .merges write."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment

REFERENCE = re.compile(r"^\s*(?:C\s*-?\s*)?0*(\d{1,9})\s*$", re.IGNORECASE)


class CommitmentReferenceField(forms.CharField):
    """A commitment cited as users cite it, "C-00042" (or just 42); cleaned to the commitment."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def clean(self, value) -> Commitment | None:
        value = super().clean(value)
        if not value:
            return None
        found = REFERENCE.match(value)
        if not found:
            raise ValidationError(_("Give a commitment's reference, e.g. C-00042."), code="invalid")
        pk = int(found.group(1))
        commitment = Commitment.all_objects.filter(pk=pk).first()
        if commitment is None:
            raise ValidationError(_("There is no commitment C-%(pk)05d.") % {"pk": pk}, code="missing")
        if commitment.merged_into_id is not None:
            raise ValidationError(
                _("%(ref)s was merged into %(kept)s: use that one.")
                % {"ref": commitment.reference, "kept": f"C-{commitment.merged_into_id:05d}"},
                code="merged",
            )
        return commitment


def _reason(help_text) -> forms.CharField:
    return forms.CharField(label=_("Reason"), max_length=500, help_text=help_text)


class OwnIdsForm(forms.Form):
    """A form whose fields' ids start with `id_prefix`: the commitment page holds several forms
    with a "reason"."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class PartOfForm(OwnIdsForm):
    id_prefix = "part_of"
    parent = CommitmentReferenceField(
        label=_("Part of"),
        required=False,
        help_text=_("The programme's reference, e.g. C-00042; empty: part of no programme."),
    )
    reason = _reason(_("E.g. “measure 3 of the action plan on poverty”. Kept in the history."))


class MergeForm(OwnIdsForm):
    id_prefix = "merge"
    duplicate = CommitmentReferenceField(
        label=_("Duplicate"),
        help_text=_("The reference of the other record of the same promise, e.g. C-00043. It is merged into this one."),
    )
    reason = _reason(
        _("Why they are the same promise, e.g. “the same project call, recorded from two answers”. Kept in the history.")
    )


class UndoMergeForm(forms.Form):
    reason = _reason(_("Why the two are different promises after all. Kept in the history."))
