"""The admin for commitments and their history. It writes through tracker.services like every other
path: a commitment is created with commitment_create, corrected with commitment_edit, its deadline
and responsibility changed with their services (and a reason), a status appended with
commitment_record_status. History itself is read-only here; a mistaken update is voided on the site."""

import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tracker.admin.base import HttpsLinksMixin, LargeTableMixin, ReadOnlyAdminMixin
from tracker.models import Commitment, CommitmentMerge, Kind, Status, StatusUpdate, StatusUpdateVoid
from tracker.models.commitments import LATEST_FIRST, open_condition
from tracker.models.fields import WebAddressFormField
from tracker.services.commitments import (
    commitment_change_deadline,
    commitment_create,
    commitment_edit,
    commitment_hand_over,
    commitment_record_status,
    commitment_set_themes,
    status_update_errors,
)

DESCRIPTION_FIELDS = ["title", "quote", "kind", "target_group"]
DEADLINE_FIELDS = ["deadline", "deadline_source", "deadline_wording"]
RESPONSIBILITY_FIELDS = ["responsible_person", "responsible_office"]


# Kept in step with the deadline changes by tracker.services.slippage: shown, never edited here.
SLIPPAGE_FIELDS = ["first_deadline", "deadline_moves", "deadline_slip_days"]


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
    fields = ["status", "observed_on", "note", "note_is_public", "evidence_url", "recorded_by", "recorded_at", "voided"]
    readonly_fields = fields
    ordering = LATEST_FIRST

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("recorded_by", "void")

    @admin.display(description=_("voided"))
    def voided(self, update: StatusUpdate) -> str:
        void = getattr(update, "void", None)
        return void.reason if void else "—"


class CommitmentAdminForm(forms.ModelForm):
    """The commitment's own fields, plus an optional new status update recorded through the service.

    Changing a commitment holds its row lock from this form's checks to the end of the save (the
    admin saves in one transaction), so the checks here are the ones the services then meet."""

    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=300,
        help_text=_("Needed when the deadline or the responsibility changes; kept in the history."),
    )
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    new_status = forms.ChoiceField(label=_("Record a new status"), choices=[("", "---------"), *Status.choices], required=False)
    new_status_observed_on = forms.DateField(label=_("Observed on"), required=False, initial=datetime.date.today)
    new_status_note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    new_status_evidence_url = WebAddressFormField(label=_("Evidence URL"), required=False)

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["expected_version"] = self.instance.version

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            self._check_change(data)
        if data.get("new_status"):
            self._check_new_status(data)
        return data

    def _check_change(self, data) -> None:
        locked = Commitment.objects.select_for_update().get(pk=self.instance.pk)
        if data.get("expected_version") != locked.version:
            raise ValidationError(
                _("Someone else changed this commitment after you opened it. Reload the page to see their change."),
                code="stale",
            )
        changed = set(self.changed_data)
        if changed & {*DEADLINE_FIELDS, *RESPONSIBILITY_FIELDS} and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why the deadline or the responsibility changes; the reason is kept in the history."))
        if changed & set(DEADLINE_FIELDS) and locked.is_refusal:
            self.add_error("deadline", _("A refusal has no deadline."))
        if "kind" in changed and (data.get("kind") == Kind.REFUSAL) != locked.is_refusal:
            self.add_error(
                "kind",
                _("A promise cannot become a refusal or the reverse; record its outcome and add a new commitment."),
            )
        office, person = data.get("responsible_office"), data.get("responsible_person")
        if office and person and office.person_id != person.pk:
            self.add_error("responsible_office", _("The office is held by someone else: choose its holder, or no office."))

    def _check_new_status(self, data) -> None:
        answer = data.get("answer") or self.instance.answer
        kind = data.get("kind") or self.instance.kind
        observed_on = data.get("new_status_observed_on") or timezone.localdate()
        errors = status_update_errors(
            kind=kind, made_on=answer.made_on, status=data["new_status"], observed_on=observed_on, today=timezone.localdate()
        )
        for field, message in errors.items():
            self.add_error({"status": "new_status", "observed_on": "new_status_observed_on"}[field], message)
        if data["new_status"] == Status.FULFILLED and self.instance.pk and self.instance.parts.filter(open_condition()).exists():
            self.add_error(
                "new_status",
                _(
                    "Parts of this programme are still open: record it as fulfilled on the commitment's page, with a note saying why."
                ),
            )


class MergedFilter(admin.SimpleListFilter):
    """Staff find merged duplicates here too (the site's lists leave them out)."""

    title = _("merged into another")
    parameter_name = "merged"

    def lookups(self, request, model_admin):
        return [("yes", _("Merged into another")), ("no", _("Not merged"))]

    def queryset(self, request, queryset: QuerySet) -> QuerySet:
        if self.value() in ("yes", "no"):
            return queryset.filter(merged_into__isnull=self.value() == "no")
        return queryset


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
        "merged_into",
        "view_link",
    ]
    # No filter listing every person or theme: at hundreds of them the sidebar cost more than the
    # list. Search by minister or use the application's commitment list, which filters by both.
    list_filter = ["current_status", "kind", "deadline_source", "published", OverdueFilter, MergedFilter]
    list_select_related = ["responsible_person"]
    search_fields = ["title", "quote", "answer__question__subject", "responsible_person__last_name"]
    autocomplete_fields = ["answer", "responsible_person", "responsible_office", "themes"]
    inlines = [StatusUpdateInline]
    fieldsets = [
        (None, {"fields": ["answer", "title", "quote", "kind", "target_group", "themes"]}),
        (_("Responsibility"), {"fields": ["responsible_person", "responsible_office"]}),
        (_("Deadline"), {"fields": ["deadline", "deadline_source", "deadline_wording", *SLIPPAGE_FIELDS]}),
        (_("Programme and duplicates (changed on the commitment's page)"), {"fields": ["parent", "merged_into"]}),
        (None, {"fields": ["reason", "expected_version"]}),
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

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        derived = [
            "current_status",
            "status_observed_on",
            "last_recorded_at",
            "version",
            "parent",
            "merged_into",
            *SLIPPAGE_FIELDS,
        ]
        # A commitment stays in the answer it was quoted from.
        return ["answer", *derived] if obj else derived

    def get_fieldsets(self, request, obj=None):
        if obj:
            return self.fieldsets
        # A new commitment's deadline source follows from what is given (commitment_create).
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        f
                        for f in options["fields"]
                        if f not in ("deadline_source", "reason", "expected_version", *SLIPPAGE_FIELDS)
                    ],
                },
            )
            for name, options in self.fieldsets
        ]

    def get_queryset(self, request) -> QuerySet:
        # Every commitment, merged duplicates included (the default manager leaves them out).
        return Commitment.all_objects.select_related(*self.list_select_related)

    def has_change_permission(self, request, obj=None) -> bool:
        # A merged duplicate is read here; it changes again once an administrator undoes the merge.
        if obj is not None and obj.merged_into_id is not None:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Commitments are part of the public record: one made by mistake is marked lapsed, not deleted.
        return False

    def save_model(self, request, obj: Commitment, form, change: bool) -> None:
        data = form.cleaned_data
        if not change:
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
                reason="admin",
            )
            obj.pk = created.pk
            obj._state.adding = False
            return
        commitment = Commitment.objects.get(pk=obj.pk)
        changed, reason = set(form.changed_data), data.get("reason", "").strip() or "admin"
        # The version was checked under the row lock in the form; each service raises it once more.
        if changed & set(DESCRIPTION_FIELDS):
            commitment_edit(
                commitment=commitment,
                user=request.user,
                expected_version=None,
                title=data["title"],
                kind=data["kind"],
                target_group=data["target_group"],
                quote=data["quote"],
                reason=reason,
            )
        if changed & set(DEADLINE_FIELDS):
            commitment_change_deadline(
                commitment=commitment,
                user=request.user,
                deadline=data["deadline"],
                source=data["deadline_source"],
                wording=data["deadline_wording"],
                reason=reason,
            )
        if changed & set(RESPONSIBILITY_FIELDS):
            commitment_hand_over(
                commitment=commitment,
                user=request.user,
                office=data["responsible_office"],
                person=data["responsible_person"],
                reason=reason,
            )

    def save_related(self, request, form, formsets, change: bool) -> None:
        # Not form.save_m2m(): the themes change through their service, like every other field.
        commitment = Commitment.objects.get(pk=form.instance.pk)
        commitment_set_themes(commitment=commitment, themes=form.cleaned_data["themes"], user=request.user)
        for formset in formsets:  # the read-only history: saves nothing, but the change message reads it
            self.save_formset(request, form, formset, change=change)
        data = form.cleaned_data
        if data.get("new_status"):
            commitment_record_status(
                commitment=commitment,
                user=request.user,
                status=data["new_status"],
                observed_on=data.get("new_status_observed_on") or timezone.localdate(),
                note=data.get("new_status_note", ""),
                evidence_url=data.get("new_status_evidence_url", ""),
            )


@admin.register(StatusUpdate)
class StatusUpdateAdmin(ReadOnlyAdminMixin, LargeTableMixin, HttpsLinksMixin, admin.ModelAdmin):
    """Status updates are never edited or deleted; this list is for reading and searching. A
    mistaken one is voided on the commitment's page (administrators), where it stays visible."""

    list_display = ["commitment", "status", "observed_on", "recorded_by", "recorded_at", "void_link"]
    list_filter = ["status"]
    list_select_related = ["commitment", "recorded_by", "void"]
    search_fields = ["note", "commitment__title"]

    @admin.display(description=_("voided"))
    def void_link(self, update: StatusUpdate) -> str:
        if getattr(update, "void", None):
            return format_html("{}: {}", _("voided"), update.void.reason)
        return format_html('<a href="{}">{}</a>', reverse("status_update_void", args=[update.pk]), _("void…"))


@admin.register(StatusUpdateVoid)
class StatusUpdateVoidAdmin(ReadOnlyAdminMixin, LargeTableMixin, admin.ModelAdmin):
    """Voids are made on the site, with a reason, and never changed."""

    list_display = ["update", "reason", "voided_by", "voided_at"]
    list_select_related = ["update__commitment", "voided_by"]
    search_fields = ["reason"]


@admin.register(CommitmentMerge)
class CommitmentMergeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Merges are made and undone on the commitment's page (undoing: administrators), where the
    reason is asked for; here they are listed, with a link to undo a standing one."""

    list_display = ["absorbed", "kept", "merged_by", "merged_at", "undone_at", "undo_link"]
    list_select_related = ["absorbed", "kept", "merged_by"]
    search_fields = ["reason", "kept__title", "absorbed__title"]
    list_filter = [("undone_at", admin.EmptyFieldListFilter)]

    @admin.display(description=_("undo"))
    def undo_link(self, merge: CommitmentMerge) -> str:
        if not merge.is_standing:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("commitment_merge_undo", args=[merge.kept_id, merge.pk]), _("undo…"))
