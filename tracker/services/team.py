"""What a staff member follows and how they want to be reached."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from tracker.models import Commitment, Follow, Person, Profile, Question, Theme
from tracker.models.team import new_feed_token

TARGET_FIELDS = {Commitment: "commitment", Person: "minister", Theme: "theme", Question: "question"}


def _target_field(target) -> str:
    try:
        return TARGET_FIELDS[type(target)]
    except KeyError:
        raise TypeError(f"cannot follow a {type(target).__name__}") from None


def follow(*, user: AbstractBaseUser, target) -> bool:
    """Follow a commitment, a minister, a theme or a question; returns False when already followed."""
    try:
        with transaction.atomic():
            Follow.objects.create(user=user, **{_target_field(target): target})
    except IntegrityError:  # followed already (maybe a second click at the same moment)
        return False
    return True


def unfollow(*, user: AbstractBaseUser, target) -> bool:
    """Stop following *target*; returns False when it was not followed."""
    deleted, _ = Follow.objects.filter(user=user, **{_target_field(target): target}).delete()
    return bool(deleted)


def is_following(*, user: AbstractBaseUser, target) -> bool:
    return Follow.objects.filter(user=user, **{_target_field(target): target}).exists()


def profile_of(user: AbstractBaseUser) -> Profile:
    """The user's profile, made with the defaults the first time it is asked for."""
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def profile_update(*, user: AbstractBaseUser, digest: str, language: str, email: str | None = None) -> Profile:
    """Save the user's choices (and e-mail address, where given)."""
    profile = profile_of(user)
    profile.digest, profile.language = digest, language
    profile.full_clean()
    profile.save(update_fields=["digest", "language"])
    if email is not None and email != user.email:
        user.email = email
        user.save(update_fields=["email"])
    return profile


def profile_renew_feed_token(*, user: AbstractBaseUser) -> Profile:
    """A new secret for the user's calendar and feeds: the old addresses stop working at once."""
    profile = profile_of(user)
    profile.feed_token = new_feed_token()
    profile.save(update_fields=["feed_token"])
    return profile
