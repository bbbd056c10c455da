"""The paste-in form: an answer whose document the importer cannot read, typed or pasted by staff.
The header becomes a record like a parser's, and the same import (answer parsing, suggestions) follows."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tracker.assemblies import FLEMISH_PARLIAMENT
from tracker.forms.widgets import DateInput
from tracker.imports.records import AnswerRecord, PersonRecord, QuestionRecord
from tracker.models import Assembly
from tracker.models.fields import WebAddressFormField
from tracker.models.questions import validate_session_year

PASTED = "pasted by hand"
TEXT_LENGTH = 100_000


class PasteForm(forms.Form):
    assembly = forms.ChoiceField(label=_("Assembly"))
    number = forms.IntegerField(label=_("Question number"), min_value=1, max_value=2**31 - 1)
    session_year = forms.CharField(
        label=_("Session year"),
        max_length=9,
        required=False,
        validators=[validate_session_year],
        help_text=_("E.g. 2023-2024. Leave empty to count it from the date asked."),
    )
    asked_on = forms.DateField(label=_("Date asked"), widget=DateInput)
    asker = forms.CharField(label=_("Asked by"), max_length=200, help_text=_("As printed, e.g. “Cindy Franssen”."))
    minister = forms.CharField(label=_("Minister"), max_length=200, help_text=_("Who answered, as printed."))
    office = forms.CharField(label=_("Office as printed"), max_length=500, required=False)
    subject = forms.CharField(label=_("Subject"), max_length=500)
    question = forms.CharField(
        label=_("Question"), required=False, max_length=TEXT_LENGTH, widget=forms.Textarea(attrs={"rows": 5})
    )
    answered_on = forms.DateField(label=_("Date answered"), required=False, widget=DateInput)
    answer = forms.CharField(
        label=_("Answer"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Paste the whole answer; numbered parts (“1.”, “2.”) are kept. The promises in it are suggested for review."),
    )
    source_url = WebAddressFormField(label=_("Link to the document"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("assembly", FLEMISH_PARLIAMENT)
        super().__init__(*args, **kwargs)
        self.fields["assembly"].choices = list(Assembly.objects.order_by("name").values_list("slug", "name"))

    def clean(self):
        data = super().clean()
        asked_on, answered_on = data.get("asked_on"), data.get("answered_on")
        if asked_on and answered_on and answered_on < asked_on:
            self.add_error("answered_on", ValidationError(_("An answer cannot be dated before its question.")))
        return data

    def record(self) -> QuestionRecord:
        data = self.cleaned_data
        return QuestionRecord(
            assembly=data["assembly"],
            number=data["number"],
            session_year=data["session_year"],
            asked_on=data["asked_on"],
            asker=PersonRecord(name=data["asker"]),
            addressee=PersonRecord(name=data["minister"]),
            office=data["office"],
            subject=data["subject"],
            text=data["question"].strip(),
            source_url=data["source_url"],
            answer=AnswerRecord(text=data["answer"].strip(), answered_on=data["answered_on"], source_url=data["source_url"]),
            layout=PASTED,
        )
