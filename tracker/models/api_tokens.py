"""Personal tokens for the open-data API: a staff member reads everything with one, and revokes it."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# What every key starts with, so that one found in a log or a repository is recognised as ours.
KEY_PREFIX = "trk_"


def new_api_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_api_key(key: str) -> str:
    """The stored form of a key. A key is 256 random bits, so one fast hash suffices (no salt, no
    stretching: nothing to guess); the key itself is shown once and never stored."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        """Tokens not revoked."""
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """One personal API token. Only a hash of its key is kept; revoking it is final."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100, blank=True, help_text=_("What it is for, e.g. “newsroom script”."))
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    key_start = models.CharField(
        _("key starts with"), max_length=12, editable=False, help_text=_("The first characters, to tell tokens apart.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_on = models.DateField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        indexes = [
            # The profile page lists a user's tokens that still work.
            models.Index(fields=["user"], condition=Q(revoked_at__isnull=True), name="tracker_apitoken_active_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.key_start}… ({self.name or self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
