"""Refusals that say what is missing: which role would allow the refused action (README, "Roles").

The role is read from the roles' groups (created by migration 0003), so a change to a group's
permissions changes the explanation too; there is no second list of who may do what.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from tracker.roles import Role, role_granting, role_of

NEEDS = {
    Role.VIEWER: _("%(action)s needs a viewer's account."),
    Role.EDITOR: _("%(action)s needs an editor's account."),
    Role.ADMINISTRATOR: _("%(action)s needs an administrator's account."),
}


class Refused(PermissionDenied):
    """A refusal whose message is written for the user; the 403 page shows it."""


def refusal(user, *, permission: str, action: str) -> PermissionDenied:
    """What to raise when *user* lacks *permission* for *action* (a phrase: "Recording a status update")."""
    needed = role_granting(permission)
    held = role_of(user)
    ranks = list(Role)
    if needed is None or (held is not None and ranks.index(held) >= ranks.index(needed)):
        # No role would change the answer (the action is impossible on this item, or for everyone):
        # pointing to another account would mislead, so the page stays neutral.
        return PermissionDenied()
    return Refused(NEEDS[needed] % {"action": action})


def permission_required(permission: str, *, action: str) -> Callable:
    """Django's permission_required(..., raise_exception=True), with a refusal that names the role
    the user would need. Anonymous users never get here: LoginRequiredMiddleware sends them to log in."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise refusal(request.user, permission=permission, action=action)
            return view(request, *args, **kwargs)

        return checked

    return decorator
