import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tracker.admin.base import HttpsLinksMixin, LargeTableMixin
from tracker.models import Commitment, Status, StatusUpdate
from tracker.services.commitments import commitment_create, commitment_record_status


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("Not overdue"))]

    def queryset(self, request, queryset: QuerySet) -> QuerySet:
        overdue = Commitment.objects.overdue(as_of=timezone.localdate())
        if self.value() == "yes":
            return queryset.filter(pk__in=overdue.values("pk"))
        if self.value() == "no":
            return queryset.exclude(pk__in=overdue.values("pk"))
        return queryset


class StatusUpdateInline(HttpsLinksMixin, admin.TabularInline):
    """The status history, read-only: it is appended to through the form above, never edited."""

    model = StatusUpdate
    extra = 0
    can_delete = False
    fields = ["status", "observed_on", "note", "evidence_url", "recorded_by", "recorded_at"]
    readonly_fields = fields
    ordering = ["-observed_on", "-recorded_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class CommitmentAdminForm(forms.ModelForm):
    """The commitment's own fields, plus an optional new status update recorded through the service."""

    new_status = forms.ChoiceField(label=_("Record a new status"), choices=[("", "---------"), *Status.choices], required=False)
    new_status_observed_on = forms.DateField(label=_("Observed on"), required=False, initial=datetime.date.today)
    new_status_note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    new_status_evidence_url = forms.URLField(label=_("Evidence URL"), required=False, assume_scheme="https")

    class Meta:
        model = Commitment
        fields = [
            "answer",
            "title",
            "quote",
            "kind",
            "responsible_person",
            "responsible_office",
            "deadline",
            "deadline_source",
            "deadline_wording",
            "themes",
            "target_group",
        ]


@admin.register(Commitment)
class CommitmentAdmin(LargeTableMixin, SimpleHistoryAdmin):
    form = CommitmentAdminForm
    list_display = [
        "reference",
        "title",
        "kind",
        "current_status",
        "deadline",
        "deadline_source",
        "responsible_person",
        "view_link",
    ]
    # No filter listing every person or theme: at hundreds of them the sidebar cost more than the
    # list. Search by minister or use the application's commitment list, which filters by both.
    list_filter = ["current_status", "kind", "deadline_source", OverdueFilter]
    list_select_related = ["responsible_person"]
    search_fields = ["title", "quote", "answer__question__subject", "responsible_person__last_name"]
    autocomplete_fields = ["answer", "responsible_person", "responsible_office", "themes"]
    readonly_fields = ["current_status", "status_observed_on", "last_recorded_at", "version"]
    inlines = [StatusUpdateInline]
    fieldsets = [
        (None, {"fields": ["answer", "title", "quote", "kind", "target_group", "themes"]}),
        (_("Responsibility"), {"fields": ["responsible_person", "responsible_office"]}),
        (_("Deadline"), {"fields": ["deadline", "deadline_source", "deadline_wording"]}),
        (
            _("Current status (from the history below)"),
            {"fields": ["current_status", "status_observed_on", "last_recorded_at", "version"]},
        ),
        (
            _("Record a status update"),
            {"fields": ["new_status", "new_status_observed_on", "new_status_note", "new_status_evidence_url"]},
        ),
    ]

    @admin.display(description=_("reference"), ordering="pk")
    def reference(self, commitment: Commitment) -> str:
        return commitment.reference

    @admin.display(description=_("on the site"))
    def view_link(self, commitment: Commitment) -> str:
        return format_html('<a href="{}">{}</a>', commitment.get_absolute_url(), _("open"))

    def has_delete_permission(self, request, obj=None) -> bool:
        # Commitments are part of the public record: one made by mistake is marked lapsed, not deleted.
        return False

    def save_model(self, request, obj: Commitment, form, change: bool) -> None:
        if not change:
            # New commitments start their history through the same service as everywhere else.
            data = form.cleaned_data
            created = commitment_create(
                answer=data["answer"],
                title=data["title"],
                quote=data["quote"],
                kind=data["kind"],
                responsible_person=data["responsible_person"],
                responsible_office=data["responsible_office"],
                deadline=data["deadline"],
                deadline_wording=data["deadline_wording"],
                target_group=data["target_group"],
                user=request.user,
            )
            obj.pk = created.pk
            obj._state.adding = False
            return
        obj.quote_start = obj.answer.text.find(obj.quote)
        obj.version += 1
        obj._change_reason = "admin"
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        data = form.cleaned_data
        if data.get("new_status"):
            try:
                commitment_record_status(
                    commitment=form.instance,
                    user=request.user,
                    status=data["new_status"],
                    observed_on=data.get("new_status_observed_on") or timezone.localdate(),
                    note=data.get("new_status_note", ""),
                    evidence_url=data.get("new_status_evidence_url", ""),
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)


@admin.register(StatusUpdate)
class StatusUpdateAdmin(LargeTableMixin, HttpsLinksMixin, admin.ModelAdmin):
    """Status updates are never edited or deleted; this list is for reading and searching."""

    list_display = ["commitment", "status", "observed_on", "recorded_by", "recorded_at"]
    list_filter = ["status"]
    list_select_related = ["commitment", "recorded_by"]
    search_fields = ["note", "commitment__title"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
