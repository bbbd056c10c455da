"""The read side of the private calendar and feeds: whose token it is, what that person follows or
looks after, the deadlines for the calendar and the status changes for the Atom feeds.

Every list here is capped, so a feed costs a few queries and a bounded number of rows however much
a person follows.
"""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from tracker.models import Answer, Commitment, Follow, Profile, StatusUpdate
from tracker.models.commitments import open_promise_condition

# The calendar: the nearest deadlines first, at most CALENDAR_EVENTS of them, plus the deadlines
# passed in the last CALENDAR_OVERDUE_DAYS days (at most CALENDAR_OVERDUE_EVENTS), which are still
# worth seeing in a calendar; older ones are on the overdue page, not in anyone's diary.
CALENDAR_EVENTS = 500
CALENDAR_OVERDUE_DAYS = 90
CALENDAR_OVERDUE_EVENTS = 100
# The Atom feeds: the latest status changes.
FEED_ENTRIES = 50

# What a calendar event shows of its commitment.
CALENDAR_FIELDS = [
    "id",
    "title",
    "quote",
    "deadline",
    "deadline_source",
    "deadline_wording",
    "current_status",
    "updated_at",
    "last_recorded_at",
]


def feed_profile(token: str) -> Profile | None:
    """The profile whose calendar and feeds *token* opens, or None: an unknown token, a renewed
    (old) one, a deactivated account or one that may not read commitments all get None alike, so
    that nobody learns whether a token ever existed."""
    profile = Profile.objects.select_related("user").filter(feed_token=token, user__is_active=True).first()
    if profile is None or not profile.user.has_perm("tracker.view_commitment"):
        return None
    return profile


def followed_or_assigned(user: AbstractBaseUser) -> Q:
    """The commitments *user* looks after or follows: assigned to them, followed themselves, or
    followed through their minister, one of their themes or their question. Subqueries, not joins,
    so that a commitment reached in several ways comes once."""
    follows = Follow.objects.filter(user=user)
    followed_themes = follows.filter(theme__isnull=False).values("theme_id")
    themes = Commitment.themes.through.objects.filter(theme__in=followed_themes).values("commitment_id")
    answers = Answer.objects.filter(question__in=follows.filter(question__isnull=False).values("question_id")).values("pk")
    return (
        Q(assignee=user)
        | Q(pk__in=follows.filter(commitment__isnull=False).values("commitment_id"))
        | Q(responsible_person__in=follows.filter(minister__isnull=False).values("minister_id"))
        | Q(answer__in=answers)
        | Q(pk__in=themes)
    )


def calendar_commitments(user: AbstractBaseUser, *, today: datetime.date) -> list[Commitment]:
    """The deadlines for *user*'s calendar: open promises they follow or look after, the nearest
    deadlines first (CALENDAR_EVENTS), then those passed recently (CALENDAR_OVERDUE_DAYS). Two queries."""
    mine = Commitment.objects.filter(open_promise_condition(), followed_or_assigned(user)).only(*CALENDAR_FIELDS)
    coming = list(mine.filter(deadline__gte=today).order_by("deadline", "pk")[:CALENDAR_EVENTS])
    since = today - datetime.timedelta(days=CALENDAR_OVERDUE_DAYS)
    passed = list(mine.filter(deadline__gte=since, deadline__lt=today).order_by("-deadline", "-pk")[:CALENDAR_OVERDUE_EVENTS])
    return passed[::-1] + coming


def _feed_entries(updates) -> list[StatusUpdate]:
    return list(
        updates.valid()
        .select_related("commitment", "recorded_by", "confirmation__decided_by")
        .only(
            "id",
            "status",
            "observed_on",
            "note",
            "evidence_url",
            "recorded_at",
            "recorded_by_name",
            "needs_confirmation",
            "recorded_by__username",
            "recorded_by__first_name",
            "recorded_by__last_name",
            "commitment__id",
            "commitment__title",
            "commitment__kind",
            "confirmation__confirmed",
            "confirmation__decided_at",
            "confirmation__decided_by_name",
            "confirmation__decided_by__username",
            "confirmation__decided_by__first_name",
            "confirmation__decided_by__last_name",
        )
        .order_by("-recorded_at", "-pk")[:FEED_ENTRIES]
    )


def minister_feed_entries(person_id: int) -> list[StatusUpdate]:
    """The latest status updates that count of the commitments *person_id* is responsible for."""
    return _feed_entries(StatusUpdate.objects.filter(commitment__responsible_person_id=person_id))


def following_feed_entries(user: AbstractBaseUser) -> list[StatusUpdate]:
    """The latest status updates that count of what *user* follows or looks after."""
    return _feed_entries(StatusUpdate.objects.filter(commitment__in=Commitment.objects.filter(followed_or_assigned(user))))
