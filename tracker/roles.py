"""The three roles (groups created by migration 0003) and how a user gets one."""

from django.contrib.auth.models import AbstractUser, Group
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """From the least to the most allowed: explaining a refusal relies on this order."""

    VIEWER = "Viewer", _("Viewer")
    EDITOR = "Editor", _("Editor")
    ADMINISTRATOR = "Administrator", _("Administrator")


def role_of(user) -> Role | None:
    """The highest role a user holds; superusers are administrators."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.is_superuser:
        return Role.ADMINISTRATOR
    names = {group.name for group in user.groups.all()}
    for role in (Role.ADMINISTRATOR, Role.EDITOR, Role.VIEWER):
        if role.value in names:
            return role
    return None


def role_granting(permission: str) -> Role | None:
    """The lowest role whose group holds *permission* ("app_label.codename"), or None."""
    app_label, codename = permission.split(".", 1)
    granting = set(
        Group.objects.filter(
            name__in=Role.values, permissions__content_type__app_label=app_label, permissions__codename=codename
        ).values_list("name", flat=True)
    )
    return next((role for role in Role if role.value in granting), None)


@transaction.atomic
def user_assign_role(*, user: AbstractUser, role: Role) -> None:
    """Give *user* exactly one role. Administrators get access to the admin site."""
    user.groups.remove(*Group.objects.filter(name__in=Role.values))
    user.groups.add(Group.objects.get(name=role.value))
    user.is_staff = role == Role.ADMINISTRATOR
    user.save(update_fields=["is_staff"])
