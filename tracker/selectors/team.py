"""Reading what concerns one staff member: who can look after a commitment."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q, QuerySet

# The permission that makes someone an editor (editors and administrators hold it): recording a
# status update. commitment_assign() checks the same one.
EDITING = ("tracker", "add_statusupdate")


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


def editor_choices() -> list[tuple[int, str]]:
    """(pk, name) of every active editor, in one narrow query: the choices of the assignment selects."""
    return [
        (pk, f"{first} {last}".strip() or username)
        for pk, username, first, last in editors().values_list("pk", "username", "first_name", "last_name")
    ]
