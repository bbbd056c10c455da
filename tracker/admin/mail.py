"""What the mail commands recorded (README, "E-mail"): read here, never written by hand, so that the
"once per user and period" of the digests and reminders holds."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tracker.admin.base import LargeTableMixin, ReadOnlyAdminMixin
from tracker.models import DigestSent, ReminderSent


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("sent")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Confirmed sent")), ("no", _("Claimed, not confirmed sent"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(sent_at__isnull=self.value() == "no")
        return queryset


@admin.register(DigestSent)
class DigestSentAdmin(LargeTableMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["user", "frequency", "period_start", "period_end", "items", "claimed_at", "sent_at"]
    list_filter = ["frequency", ConfirmedFilter]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    date_hierarchy = "period_start"


@admin.register(ReminderSent)
class ReminderSentAdmin(LargeTableMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["user", "commitment", "kind", "deadline", "sent_at"]
    list_filter = ["kind"]
    list_select_related = ["user", "commitment"]
    search_fields = ["user__username", "commitment__title"]
    date_hierarchy = "sent_at"
