"""Choice lists of reference data (ministers, offices, governments, themes, editors), read once and
shared by every request and form until one of the tables they come from is written.

Each list is kept in Django's cache (settings.CACHES) under its own key, as plain (value, label)
pairs, and forgotten on every save or delete of the rows it is built from (the receivers below),
whichever process made it: with several application processes the cache must be one they share
(README, "Configuration": CACHE_URL). The timeout is only a safety net for writes that send no
signal (QuerySet.update(), bulk_create(), SQL), not how the lists are kept current.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

CHOICES_TIMEOUT = 60 * 60  # seconds: a backstop for writes that bypass the signals, see above
_KEYS: dict[str, str] = {}


def cached_choices(name: str) -> Callable:
    """Keep what the decorated function returns (a list of (value, label) pairs) in the cache as
    "tracker:choices:<name>"; `function.uncached()` reads the database."""

    def decorator(build: Callable[[], list]) -> Callable[[], list]:
        key = _KEYS.setdefault(name, f"tracker:choices:{name}")

        @wraps(build)
        def read() -> list:
            found = cache.get(key)
            if found is None:
                found = build()
                cache.set(key, found, CHOICES_TIMEOUT)
            return found

        read.uncached = build
        return read

    return decorator


def forget_choices(**kwargs) -> None:
    """Forget every cached choice list: the next read builds them again (a signal receiver)."""
    cache.delete_many(list(_KEYS.values()))


def _user_saved(sender, update_fields=None, **kwargs) -> None:
    # A login saves last_login alone: no name, no activity, no role changed.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    forget_choices()


def connect() -> None:
    """Forget the lists whenever a row they are built from is written (TrackerConfig.ready())."""
    from tracker.models import Government, Office, Person, Question, Theme

    # Question: whoever was asked a question is on the ministers' list.
    for model in (Person, Office, Government, Theme, Question, Group):
        post_save.connect(forget_choices, sender=model, dispatch_uid=f"tracker-choices-save-{model.__name__}")
        post_delete.connect(forget_choices, sender=model, dispatch_uid=f"tracker-choices-delete-{model.__name__}")
    User = get_user_model()
    post_save.connect(_user_saved, sender=User, dispatch_uid="tracker-choices-save-user")
    post_delete.connect(forget_choices, sender=User, dispatch_uid="tracker-choices-delete-user")
    # Roles: who is an editor comes from the user's groups, their permissions and the groups' permissions.
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(forget_choices, sender=through, dispatch_uid=f"tracker-choices-m2m-{through.__name__}")
