from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = _("Commitment tracker")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tracker.public.cache import connect_signals

        connect_signals()


class TrackerAdminConfig(AdminConfig):
    default_site = "tracker.admin_site.TrackerAdminSite"
