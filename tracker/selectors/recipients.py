"""Who is sent mail: active users with an e-mail address who may read the register, each in the
language of their profile (users without a profile have the profile's defaults)."""

from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

from tracker.mail import Recipient
from tracker.models import Profile


def person_name(first: str | None, last: str | None, username: str | None = "") -> str:
    return " ".join(part for part in (first, last) if part) or username or ""


def profile_defaults() -> tuple[str, str]:
    """(digest, language) of a user without a profile: the profile's defaults."""
    return Profile._meta.get_field("digest").default, Profile._meta.get_field("language").default


def permitted(codename: str) -> Q:
    """Users holding tracker.<codename>: through a role's group, directly, or as superusers."""
    permission = Permission.objects.filter(content_type__app_label="tracker", codename=codename)
    return Q(is_superuser=True) | Q(groups__permissions__in=permission) | Q(user_permissions__in=permission)


def readers() -> QuerySet:
    """Active users with an e-mail address who may read the register: only they are sent mail about it."""
    User = get_user_model()
    return User.objects.filter(is_active=True, pk__in=User.objects.filter(permitted("view_commitment")).values("pk")).exclude(
        email=""
    )


def reviewer_ids(user_ids: list[int]) -> set[int]:
    """Those of *user_ids* who review suggestions (only they hear of new ones). One query."""
    User = get_user_model()
    return set(User.objects.filter(permitted("change_suggestion"), pk__in=user_ids).values_list("pk", flat=True))


RECIPIENT_FIELDS = ("pk", "username", "email", "first_name", "last_name", "tracker_profile__language")


def recipient_of(row: tuple) -> Recipient:
    """A Recipient from the values of RECIPIENT_FIELDS."""
    pk, username, email, first, last, language = row
    return Recipient(pk, username, email, person_name(first, last), language or profile_defaults()[1])


def digest_recipients(*, frequency: str, usernames: list[str] | None = None, chunk: int = 1000) -> Iterator[Recipient]:
    """The readers whose digest has *frequency*, by id. One query per *chunk* users."""
    chosen = Q(tracker_profile__digest=frequency)
    if frequency == profile_defaults()[0]:
        chosen |= Q(tracker_profile__isnull=True)
    users = readers().filter(chosen)
    if usernames:
        users = users.filter(username__in=usernames)
    for row in users.order_by("pk").values_list(*RECIPIENT_FIELDS).iterator(chunk_size=chunk):
        yield recipient_of(row)


def why_no_digest(username: str, *, frequency: str) -> str | None:
    """Why *username* is not among the *frequency* digest's recipients (None when they are): what
    `send_digests --user` says instead of a silent zero."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return "no such user"
    if not user.is_active:
        return "the account is not active"
    if not user.email:
        return "no e-mail address"
    if not readers().filter(pk=user.pk).exists():
        return "no role that may read the register"
    profile = Profile.objects.filter(user=user).first()
    chosen = profile.digest if profile else profile_defaults()[0]
    if chosen != frequency:
        return f"their digest is {chosen}"
    return None
