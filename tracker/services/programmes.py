"""Programmes and their parts: an action plan with its measures, one level deep."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.models import Commitment
from tracker.services.commitments import _required_reason, _with_history


@transaction.atomic
def commitment_set_parent(
    *, commitment: Commitment, parent: Commitment | None, user: AbstractBaseUser | None, reason: str
) -> bool:
    """Make *commitment* a part of the programme *parent*, or of none; the change and its reason
    are kept in its history. Returns whether it changed."""
    reason = _required_reason(reason, _("Say why; the reason is kept in the history."))
    # Both rows in primary-key order: the parent must not become a part, nor this one a programme,
    # while the other is being linked.
    ids = [commitment.pk] + ([parent.pk] if parent is not None else [])
    rows = Commitment.objects.select_for_update().order_by("pk").in_bulk(ids)
    locked = rows.get(commitment.pk)
    if locked is None or (parent is not None and parent.pk not in rows):
        raise ValidationError({"parent": _("This commitment was merged into another: choose that one.")})
    new_parent = rows[parent.pk] if parent is not None else None
    if locked.parent_id == (new_parent.pk if new_parent else None):
        return False
    if new_parent is not None:
        errors = locked.part_of_errors(new_parent)
        if not errors and locked.parts.exists():
            errors = {
                "parent": _("%(ref)s has parts of its own: a programme cannot be a part of another.") % {"ref": locked.reference}
            }
        if errors:
            raise ValidationError(errors)
    locked.parent = new_parent
    _with_history(locked, user=user, reason=reason).save(update_fields=["parent", "updated_at"])
    commitment.parent = new_parent
    return True
