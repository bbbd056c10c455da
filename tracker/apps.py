import gc

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = _("Commitment tracker")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tracker import choices
        from tracker.public.cache import connect_signals

        connect_signals()
        choices.connect()
        # What start-up and the first request build (modules, models, URL patterns, compiled
        # templates) lives as long as the process: frozen out of the garbage collector's reach, so
        # that a full collection scans only what requests leave behind. Without it one request in
        # about 40 paid a 75 ms full collection of ~150,000 objects (README, "Performance").
        gc.freeze()
        request_finished.connect(_freeze_after_first_request, dispatch_uid="tracker-gc-freeze")


def _freeze_after_first_request(**kwargs) -> None:
    request_finished.disconnect(_freeze_after_first_request, dispatch_uid="tracker-gc-freeze")
    gc.freeze()


class TrackerAdminConfig(AdminConfig):
    default_site = "tracker.admin_site.TrackerAdminSite"
