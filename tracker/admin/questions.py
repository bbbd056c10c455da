"""The admin for questions and answers. An answer is saved through tracker.services.answers, so the
commitments quoted in it follow its text and date, and a text that would lose a quote is refused."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tracker.admin.base import HttpsLinksMixin, LargeTableMixin
from tracker.models import Answer, Commitment, Question
from tracker.services.answers import answer_save, validate_answer_text

ANSWER_FIELDS = ["answered_on", "answered_in_time", "text", "source_url"]


class AnswerAdminForm(forms.ModelForm):
    class Meta:
        model = Answer
        fields = ["question", *ANSWER_FIELDS]

    def clean(self):
        data = super().clean()
        if "text" in self.changed_data and "text" in data:
            try:
                validate_answer_text(self.instance, data["text"])
            except ValidationError as error:
                self.add_error(None, error)
        return data


def _save_answer(request, form) -> Answer:
    """Write the form's answer through the service; only the fields the form changed."""
    answer, _changed = answer_save(
        question=form.instance.question,
        values={name: form.cleaned_data[name] for name in ANSWER_FIELDS if name in form.changed_data or not form.instance.pk},
        user=request.user,
        reason="admin",
    )
    return answer


class AnswerInline(HttpsLinksMixin, admin.StackedInline):
    model = Answer
    form = AnswerAdminForm
    extra = 0
    can_delete = False  # an answer with its commitments is part of the record
    fields = ANSWER_FIELDS


class ReadOnlyRowForm(forms.ModelForm):
    """A row shown for reading only: nothing is saved, so nothing is validated (its answer may be
    changing in the form around it)."""

    def _post_clean(self) -> None:
        pass


class CommitmentInline(admin.TabularInline):
    """The commitments found in an answer, read here and edited on their own page."""

    model = Commitment
    form = ReadOnlyRowForm
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["reference_link", "title", "kind", "current_status", "deadline", "deadline_source"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
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

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is not Answer:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # sets each answer's question; the service writes
        for answer_form in formset.forms:
            if answer_form.has_changed():
                _save_answer(request, answer_form)
        return None


@admin.register(Answer)
class AnswerAdmin(LargeTableMixin, HttpsLinksMixin, SimpleHistoryAdmin):
    form = AnswerAdminForm
    list_display = ["question", "answered_on"]
    list_select_related = ["question"]
    search_fields = ["text", "question__subject", "question__number"]
    autocomplete_fields = ["question"]
    inlines = [CommitmentInline]

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        # An answer stays with its question: its commitments are quoted from it.
        return ["question"] if obj else []

    def save_model(self, request, obj: Answer, form, change: bool) -> None:
        saved = _save_answer(request, form)
        obj.pk, obj._state.adding = saved.pk, False
