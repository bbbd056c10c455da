"""Reading what concerns one staff member: who can look after a commitment, My work, what one follows.

Every function here costs a fixed number of queries, whatever the size of the register: lists are
cut to a few rows (with their full length counted apart), and each rule (overdue, due soon, needs
follow-up, awaiting confirmation) is the queryset's own, never rewritten here.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from tracker.choices import cached_choices
from tracker.models import Commitment, Follow, Person, StatusUpdate, Suggestion
from tracker.models.commitments import due_soon_condition, follow_up_condition, open_condition, overdue_condition

# The permission that makes someone an editor (editors and administrators hold it): recording a
# status update. commitment_assign() checks the same one.
EDITING = ("tracker", "add_statusupdate")
MY_WORK_ROWS = 12  # rows of the main table on My work
PANEL_ROWS = 6  # rows of each smaller panel


def user_name(user) -> str:
    """How a staff member is named on the pages: their full name, else their user name."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def editors() -> QuerySet:
    """Active users who may record status updates, editors and administrators: those who can look
    after a commitment. Ordered by name."""
    User = get_user_model()
    app_label, codename = EDITING
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    through_groups = User.groups.through.objects.filter(user_id=OuterRef("pk"), group__permissions__in=permission)
    direct = User.user_permissions.through.objects.filter(user_id=OuterRef("pk"), permission__in=permission)
    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Exists(through_groups) | Exists(direct))
        .order_by("first_name", "last_name", "username")
    )


@cached_choices("editors")
def editor_choices() -> list[tuple[int, str]]:
    """(pk, name) of every active editor, in one narrow query: the choices of the assignment selects
    (kept until a user, a group or a permission changes: tracker.choices)."""
    return [
        (pk, f"{first} {last}".strip() or username)
        for pk, username, first, last in editors().values_list("pk", "username", "first_name", "last_name")
    ]


# What a user follows -----------------------------------------------------------------------------


@dataclass
class Following:
    """Everything one user follows, grouped by kind of target, each group newest first."""

    commitments: list[Commitment] = field(default_factory=list)
    ministers: list[Person] = field(default_factory=list)
    themes: list = field(default_factory=list)
    questions: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.commitments) + len(self.ministers) + len(self.themes) + len(self.questions)

    def __bool__(self) -> bool:
        return self.total > 0


def following(user: AbstractBaseUser) -> Following:
    """What *user* follows, in one query."""
    result = Following()
    follows = (
        Follow.objects.filter(user=user)
        .select_related("commitment", "minister", "theme", "question")
        .defer("commitment__quote", "question__text")
        .order_by("-created_at", "-pk")
    )
    groups = {
        "commitment": result.commitments,
        "minister": result.ministers,
        "theme": result.themes,
        "question": result.questions,
    }
    for follow in follows:
        for name, group in groups.items():
            if getattr(follow, f"{name}_id"):
                group.append(getattr(follow, name))
    return result


def followed_ids(user: AbstractBaseUser, target: str) -> QuerySet:
    """The ids of the *target*s ("commitment", "minister", "theme", "question") *user* follows, as a subquery."""
    return Follow.objects.filter(user=user, **{f"{target}__isnull": False}).values(target)


# My work ---------------------------------------------------------------------------------------


@dataclass
class Counted:
    """The first rows of a list and the length of the whole list."""

    rows: list
    count: int

    @property
    def more(self) -> int:
        return max(self.count - len(self.rows), 0)


@dataclass
class MyWork:
    as_of: datetime.date
    assigned: Counted  # open commitments assigned to me, overdue first
    assigned_total: int  # all assigned to me, closed ones included
    overdue: int
    due_soon: Counted
    follow_up: Counted
    following: Following
    ministers: list[Person]  # the ministers I look after: followed, or responsible for what I am assigned
    suggestions: Counted | None  # pending suggestions for those ministers (None: I cannot review)
    to_confirm: Counted | None  # closing statuses others recorded, awaiting a second editor (None: not an editor)
    mine_awaiting: list[StatusUpdate]  # closing statuses I recorded, awaiting someone else


def ministers_looked_after(user: AbstractBaseUser) -> list[Person]:
    """The ministers *user* follows, and the responsible ministers of the commitments assigned to them."""
    assigned = Commitment.objects.filter(assignee=user).values("responsible_person")
    return list(
        Person.objects.filter(Q(pk__in=followed_ids(user, "minister")) | Q(pk__in=assigned))
        .only("first_name", "last_name")
        .order_by("last_name", "first_name")
    )


def awaiting_confirmation_by(user: AbstractBaseUser) -> QuerySet:
    """Closing statuses awaiting a second editor that *user* may decide: recorded by someone else."""
    return (
        StatusUpdate.objects.awaiting_confirmation()
        .exclude(recorded_by=user)
        .select_related("commitment__responsible_person", "recorded_by")
        .defer("commitment__quote")
        .order_by("recorded_at", "pk")
    )


def awaiting_confirmation_of(user: AbstractBaseUser) -> QuerySet:
    """Closing statuses *user* recorded that still await another editor."""
    return (
        StatusUpdate.objects.awaiting_confirmation()
        .filter(recorded_by=user)
        .select_related("commitment")
        .defer("commitment__quote")
        .order_by("recorded_at", "pk")
    )


def pending_suggestions_for(ministers: list[Person]) -> QuerySet:
    """Suggestions awaiting review in answers of *ministers*, oldest import first."""
    return (
        Suggestion.objects.pending()
        .filter(answer__question__addressee__in=[person.pk for person in ministers])
        .select_related("answer__question__addressee")
        .defer("answer__text", "answer__question__text")
        .order_by("created_at", "pk")
    )


def _counted(queryset: QuerySet, rows: int) -> Counted:
    found = list(queryset[: rows + 1])
    if len(found) <= rows:
        return Counted(found, len(found))
    return Counted(found[:rows], queryset.count())


def my_work(user: AbstractBaseUser, *, as_of: datetime.date, can_review: bool, can_confirm: bool) -> MyWork:
    """Everything on *user*'s My work page, counted on *as_of*: at most fifteen queries, whatever
    the register holds."""
    mine = Commitment.objects.filter(assignee=user)
    # The counts of the headline, in one read of my commitments (the same rules as the querysets').
    counts = mine.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=open_condition()),
        overdue=Count("pk", filter=overdue_condition(as_of)),
        due_soon=Count("pk", filter=due_soon_condition(as_of)),
        follow_up=Count("pk", filter=follow_up_condition(as_of)),
    )
    assigned = list(mine.open().with_context().with_overdue_flag(as_of=as_of).by_days_overdue()[:MY_WORK_ROWS])
    due_soon = list(mine.due_soon(as_of=as_of).with_context().order_by("deadline", "pk")[:PANEL_ROWS])
    follow_up = list(mine.needs_follow_up(as_of=as_of).with_context().neglected_first()[:PANEL_ROWS])
    ministers = ministers_looked_after(user)
    suggestions = None
    if can_review:
        suggestions = _counted(pending_suggestions_for(ministers), PANEL_ROWS) if ministers else Counted([], 0)
    return MyWork(
        as_of=as_of,
        assigned=Counted(assigned, counts["open"]),
        assigned_total=counts["total"],
        overdue=counts["overdue"],
        due_soon=Counted(due_soon, counts["due_soon"]),
        follow_up=Counted(follow_up, counts["follow_up"]),
        following=following(user),
        ministers=ministers,
        suggestions=suggestions,
        to_confirm=_counted(awaiting_confirmation_by(user), MY_WORK_ROWS) if can_confirm else None,
        mine_awaiting=list(awaiting_confirmation_of(user)[:PANEL_ROWS]),
    )
