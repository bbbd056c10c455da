"""Publishing: which commitments the public site and the open data show, and which notes of their
status updates. A change of either is a write of its own, audited like any edit."""

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from tracker.models import Commitment, StatusUpdate
from tracker.public.cache import publication_changed_on_commit
from tracker.services.commitments import _lock, _with_history


@transaction.atomic
def commitment_publish(*, commitment: Commitment, published: bool, user: AbstractBaseUser | None) -> bool:
    """Publish *commitment* or make it internal again; the change is kept in its history. Returns
    whether it changed."""
    locked = _lock(commitment)
    if locked.published == published:
        return False
    locked.published = published
    _with_history(locked, user=user).save(update_fields=["published", "updated_at"])
    commitment.published = published
    return True


@transaction.atomic
def commitments_publish(*, commitments: Iterable[Commitment], published: bool, user: AbstractBaseUser | None) -> int:
    """commitment_publish() for several commitments at once (the list's bulk action); returns how many changed."""
    return sum(commitment_publish(commitment=commitment, published=published, user=user) for commitment in commitments)


@transaction.atomic
def status_update_publish_note(*, update: StatusUpdate, public: bool) -> bool:
    """Show the update's note to the public, or withdraw it: the one change the append-only history
    allows. Returns whether it changed."""
    changed = StatusUpdate.objects.filter(pk=update.pk).exclude(note_is_public=public).update(note_is_public=public)
    update.note_is_public = public
    if changed:  # an UPDATE sends no signal: the public site's cached pages are emptied here (on commit)
        publication_changed_on_commit()
    return bool(changed)
