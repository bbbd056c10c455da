"""Who holds a token for the open-data API, and when each was last used: read here, made only by
their holders on the profile page; an administrator can revoke them (README, "Open-data API")."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tracker.admin.base import ReadOnlyAdminMixin
from tracker.models import ApiToken
from tracker.services.api_tokens import api_tokens_revoke


class ActiveFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "active"

    def lookups(self, request, model_admin):
        return [("yes", _("Works")), ("no", _("Revoked"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(revoked_at__isnull=self.value() == "yes")
        return queryset


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["key_start", "user", "name", "created_at", "last_used_on", "revoked_at"]
    list_filter = [ActiveFilter]
    list_select_related = ["user"]
    search_fields = ["user__username", "name", "key_start"]
    fields = ["user", "name", "key_start", "created_at", "last_used_on", "revoked_at"]
    actions = ["revoke"]

    @admin.action(description=_("Revoke the selected tokens"), permissions=["view"])
    def revoke(self, request, queryset):
        count = api_tokens_revoke(tokens=queryset)
        self.message_user(
            request, ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count) % {"count": count}, messages.SUCCESS
        )
