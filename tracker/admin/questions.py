from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tracker.admin.base import HttpsLinksMixin, LargeTableMixin
from tracker.models import Answer, Commitment, Question


class AnswerInline(HttpsLinksMixin, admin.StackedInline):
    model = Answer
    extra = 0
    fields = ["answered_on", "text", "source_url"]


class CommitmentInline(admin.TabularInline):
    """The commitments found in an answer, read here and edited on their own page."""

    model = Commitment
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["reference_link", "title", "kind", "current_status", "deadline", "deadline_source"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("reference"))
    def reference_link(self, commitment: Commitment) -> str:
        return format_html('<a href="{}">{}</a>', commitment.get_absolute_url(), commitment.reference)


@admin.register(Question)
class QuestionAdmin(LargeTableMixin, HttpsLinksMixin, SimpleHistoryAdmin):
    list_display = ["number", "session_year", "asked_on", "subject", "asker", "addressee", "answered"]
    list_filter = ["assembly", "session_year", "themes"]
    list_select_related = ["asker", "addressee", "answer"]
    search_fields = ["subject", "text", "number", "open_data_id", "asker__last_name", "addressee__last_name"]
    autocomplete_fields = ["asker", "addressee", "addressee_office", "themes"]
    inlines = [AnswerInline]
    fieldsets = [
        (None, {"fields": ["assembly", "session_year", "number", "asked_on", "open_data_id"]}),
        (_("People"), {"fields": ["asker", "addressee", "addressee_office"]}),
        (_("Content"), {"fields": ["subject", "text", "themes", "source_url"]}),
    ]

    @admin.display(description=_("answered"), boolean=True)
    def answered(self, question: Question) -> bool:
        return hasattr(question, "answer")


@admin.register(Answer)
class AnswerAdmin(LargeTableMixin, HttpsLinksMixin, SimpleHistoryAdmin):
    list_display = ["question", "answered_on"]
    list_select_related = ["question"]
    search_fields = ["text", "question__subject", "question__number"]
    autocomplete_fields = ["question"]
    inlines = [CommitmentInline]
