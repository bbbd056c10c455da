"""The admin site: Django's, refusing logged-in users without admin access instead of sending them
to log in again.

Kept outside the tracker.admin package on purpose: importing it from there would first run that
package, which registers its models on the site Django is still creating; they would be lost.
"""

from functools import wraps

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tracker.access import Refused


class TrackerAdminSite(admin.AdminSite):
    def admin_view(self, view, cacheable=False):
        checked = super().admin_view(view, cacheable)

        @wraps(checked)
        def refuse_without_access(request, *args, **kwargs):
            # Django sends them to the admin's login page, which leads to the one login page, which
            # sends a logged-in user back here: a loop. Only visitors not logged in should log in.
            if request.user.is_authenticated and not self.has_permission(request):
                raise Refused(_("The admin is for administrators."))
            return checked(request, *args, **kwargs)

        return refuse_without_access
