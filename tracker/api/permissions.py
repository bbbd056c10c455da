"""Who reads what: anonymous callers the published data, staff everything; nobody writes."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from tracker.services.api_tokens import READ_EVERYTHING


def reads_everything(request) -> bool:
    """Staff: a logged-in user (by token or session) who may read every commitment on the staff side.
    Anyone else, a user without a role included, reads what the public reads."""
    user = request.user
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(READ_EVERYTHING))


class ReadOnly(BasePermission):
    """GET, HEAD and OPTIONS only (the views answer anything else with 405 before this runs)."""

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS
