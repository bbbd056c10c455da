from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tracker.models import ImportRun, Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "state", "deadline", "answer", "decided_by", "decided_at"]
    list_filter = ["state", "kind"]
    list_select_related = ["answer__question", "decided_by"]
    search_fields = ["sentence", "title"]
    readonly_fields = ["answer", "sentence", "sentence_start", "fingerprint", "state", "commitment", "decided_by", "decided_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "origin", "started_by", "created", "updated", "unchanged", "failed"]
    list_filter = ["origin"]
    list_select_related = ["started_by"]
    date_hierarchy = "started_at"
    readonly_fields = ["origin", "started_by", "started_at", "finished_at", "created", "updated", "unchanged", "failed", "report"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
