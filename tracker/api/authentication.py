"""Personal tokens: `Authorization: Token <key>` (or `Bearer <key>`), made on the profile page."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from tracker.models import ApiToken
from tracker.models.api_tokens import hash_api_key

KEYWORDS = {b"token", b"bearer"}


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """A personal token; a revoked, unknown or malformed one is a 401 (never a quiet fall-back to
    anonymous, which would hide the mistake from the caller's script)."""

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() not in KEYWORDS:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give the token after the word Token, with no spaces in it."))
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("This token is not valid.")) from None
        token = ApiToken.objects.active().select_related("user").filter(key_hash=hash_api_key(key)).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This token is not valid, or it was revoked."))
        today = timezone.localdate()
        if token.last_used_on != today:  # at most one write a day per token
            ApiToken.objects.filter(pk=token.pk).update(last_used_on=today)
        return token.user, token

    def authenticate_header(self, request) -> str:
        return "Token"
