"""A staff member's personal tokens for the open-data API: made (the key shown once), revoked."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from tracker.models import ApiToken
from tracker.models.api_tokens import hash_api_key, new_api_key

# Who may hold a token: whoever may read every commitment on the staff side.
READ_EVERYTHING = "tracker.view_commitment"
MAX_ACTIVE_TOKENS = 10


def can_hold_api_token(user: AbstractBaseUser) -> bool:
    return user.is_active and user.has_perm(READ_EVERYTHING)


@transaction.atomic
def api_token_create(*, user: AbstractBaseUser, name: str = "") -> tuple[ApiToken, str]:
    """A new token for *user*, and its key: the only time the key is known (only its hash is kept)."""
    if not can_hold_api_token(user):
        raise PermissionDenied
    # Locks the user's row: two clicks at once cannot both pass the limit.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if ApiToken.objects.active().filter(user=user).count() >= MAX_ACTIVE_TOKENS:
        raise PermissionDenied
    key = new_api_key()
    token = ApiToken.objects.create(user=user, name=name.strip(), key_hash=hash_api_key(key), key_start=key[:8])
    return token, key


def api_token_revoke(*, user: AbstractBaseUser, token_id: int) -> bool:
    """Revoke one of *user*'s tokens at once; False when it was not theirs or revoked already."""
    return bool(ApiToken.objects.active().filter(user=user, pk=token_id).update(revoked_at=timezone.now()))


def api_tokens_revoke(*, tokens) -> int:
    """Revoke *tokens* (a queryset) at once, whoever holds them (an administrator's action)."""
    return tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
