"""Choice lists of reference data (ministers, offices, governments, themes, editors), read once and
shared by every request and form until one of the tables they come from is written; and figures
read far more often than written (the ministers' record of late answers, the dashboard's counts),
kept the same way.

Each list is kept in Django's cache (settings.CACHES) under its own key, as plain (value, label)
pairs, and forgotten on every save or delete of the rows it is built from (the receivers below),
whichever process made it: with several application processes the cache must be one they share
(README, "Configuration": CACHE_URL). The timeout is only a safety net for writes that send no
signal (QuerySet.update(), bulk_create(), SQL), not how the lists are kept current.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

CHOICES_TIMEOUT = 60 * 60  # seconds: a backstop for writes that bypass the signals, see above
LATE_ANSWERS = "late-answers"  # the ministers' record of late answers (tracker.selectors.late_answers)
COMMITMENTS = "commitments"  # the dashboard's figures (tracker.selectors.dashboard.figures)
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


def cached_value(group: str, key: str, build: Callable[[], object]) -> object:
    """What *build* returns, kept in the cache under *key* until anything of *group* is forgotten
    (forget_group): each group has a generation, part of every key, that a write replaces, so
    that one write forgets every key of the group at once."""
    generation_key = f"tracker:generation:{group}"
    generation = cache.get(generation_key)
    if generation is None:
        # A fresh number, never an old one: entries of a generation whose key was evicted stay unread.
        cache.add(generation_key, time.time_ns(), None)
        generation = cache.get(generation_key)
    full_key = f"tracker:{group}:{generation}:{key}"
    found = cache.get(full_key)
    if found is None:
        found = build()
        cache.set(full_key, found, CHOICES_TIMEOUT)
    return found


def query_key(queryset) -> str:
    """A short key that names exactly the rows *queryset* selects: a digest of its SQL."""
    try:
        sql = str(queryset.query)
    except EmptyResultSet:  # QuerySet.none(): no SQL to show
        return "none"
    return hashlib.sha256(sql.encode()).hexdigest()


def forget_group(group: str) -> None:
    """Forget every value cached_value() keeps for *group*: now, and again once the transaction
    that wrote commits (a request reading meanwhile may have kept what was there before)."""
    _new_generation(group)
    transaction.on_commit(lambda: _new_generation(group))


def _new_generation(group: str) -> None:
    cache.set(f"tracker:generation:{group}", time.time_ns(), None)


def _forget_late_answers(**kwargs) -> None:
    forget_group(LATE_ANSWERS)


def _forget_commitments(**kwargs) -> None:
    forget_group(COMMITMENTS)


def forget_choices(**kwargs) -> None:
    """Forget every cached choice list: the next read builds them again (a signal receiver). Now,
    and again once the transaction that wrote commits, as forget_group()."""
    cache.delete_many(list(_KEYS.values()))
    transaction.on_commit(lambda: cache.delete_many(list(_KEYS.values())))


def forget_everything() -> None:
    """Forget every list and figure kept here: after writes that send no signal (a bulk load)."""
    forget_choices()
    for group in (LATE_ANSWERS, COMMITMENTS):
        forget_group(group)


def _user_saved(sender, update_fields=None, **kwargs) -> None:
    # A login saves last_login alone: no name, no activity, no role changed.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    forget_choices()


def connect() -> None:
    """Forget the lists whenever a row they are built from is written (TrackerConfig.ready())."""
    from tracker.models import (
        Answer,
        Commitment,
        CommitmentMerge,
        DeadlineChange,
        Government,
        HoldingReply,
        Office,
        Person,
        Question,
        Restatement,
        StatusUpdate,
        StatusUpdateConfirmation,
        StatusUpdateVoid,
        Theme,
    )

    # Question: whoever was asked a question is on the ministers' list.
    for model in (Person, Office, Government, Theme, Question, Group):
        post_save.connect(forget_choices, sender=model, dispatch_uid=f"tracker-choices-save-{model.__name__}")
        post_delete.connect(forget_choices, sender=model, dispatch_uid=f"tracker-choices-delete-{model.__name__}")
    # The ministers' record of late answers: a question, its answer or a holding reply written.
    for model in (Question, Answer, HoldingReply):
        post_save.connect(_forget_late_answers, sender=model, dispatch_uid=f"tracker-late-save-{model.__name__}")
        post_delete.connect(_forget_late_answers, sender=model, dispatch_uid=f"tracker-late-delete-{model.__name__}")
    # The dashboard's figures: a commitment, its status history, deadline changes, merges,
    # re-statements, its answer (the date made) or a minister's name or office written.
    for model in (
        Commitment,
        StatusUpdate,
        StatusUpdateVoid,
        StatusUpdateConfirmation,
        DeadlineChange,
        CommitmentMerge,
        Restatement,
        Answer,
        Person,
        Office,
    ):
        post_save.connect(_forget_commitments, sender=model, dispatch_uid=f"tracker-commitments-save-{model.__name__}")
        post_delete.connect(_forget_commitments, sender=model, dispatch_uid=f"tracker-commitments-delete-{model.__name__}")
    User = get_user_model()
    post_save.connect(_user_saved, sender=User, dispatch_uid="tracker-choices-save-user")
    post_delete.connect(forget_choices, sender=User, dispatch_uid="tracker-choices-delete-user")
    # Roles: who is an editor comes from the user's groups, their permissions and the groups' permissions.
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(forget_choices, sender=through, dispatch_uid=f"tracker-choices-m2m-{through.__name__}")
