"""Forms on the commitment page. They validate input; the services in tracker.services do the writing."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.choices import cached_choices
from tracker.forms.widgets import DateInput, FastSelect
from tracker.models import Commitment, Kind, Office, Status
from tracker.models.fields import WebAddressFormField
from tracker.services.commitments import validate_status_update

NOTE_LENGTH = 5000
STALE_FORM = _("This form is incomplete or out of date: reload the commitment and edit again.")


class StatusUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"))
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was observed, and where."),
    )
    note_is_public = forms.BooleanField(
        label=_("Show the note to the public"),
        required=False,
        help_text=_("On the public site, with the published commitment. Leave it unticked for internal remarks."),
    )
    observed_on = forms.DateField(label=_("Observed on"), widget=DateInput, help_text=_("The date on which this status held."))
    evidence_url = WebAddressFormField(
        label=_("Evidence URL"),
        required=False,
        max_length=500,
        help_text=_("A link to a later answer, a decision, a news item."),
    )
    evidence_text = forms.CharField(
        label=_("Evidence details"),
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: a reference or an excerpt, e.g. “answer to question 112 of 3 March 2020”."),
    )

    def __init__(self, *args, commitment: Commitment, open_parts: list[Commitment] = (), **kwargs):
        kwargs.setdefault("initial", {}).setdefault("observed_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.commitment = commitment
        if open_parts:
            # A programme with open parts: "fulfilled" needs the editor's say-so and a note
            # (tracker.services.commitments.commitment_record_status checks it).
            self.fields["confirm_open_parts"] = forms.BooleanField(
                label=_("Record it anyway: the open parts are %(parts)s")
                % {"parts": ", ".join(part.reference for part in open_parts)},
                required=False,
                help_text=_("Only for “fulfilled”; say why in the note."),
            )
        self.fields["status"].choices = [
            (value, label) for value, label in Status.choices if value in commitment.allowed_statuses()
        ]
        if not self.is_bound:
            self.fields["status"].initial = commitment.current_status

    def clean(self):
        data = super().clean()
        if data.get("status") and data.get("observed_on"):
            try:
                validate_status_update(
                    commitment=self.commitment, status=data["status"], observed_on=data["observed_on"], today=timezone.localdate()
                )
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
        return data


class DeadlineForm(forms.Form):
    deadline = forms.DateField(label=_("New deadline"), widget=DateInput)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        widget=forms.TextInput,
        help_text=_("Why the deadline changes, e.g. “extended by the minister in answer 112 (2020-2021)”. Kept in the history."),
    )

    def __init__(self, *args, commitment: Commitment, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitment = commitment

    def clean_deadline(self) -> datetime.date:
        deadline = self.cleaned_data["deadline"]
        asked_on = self.commitment.answer.question.asked_on
        if deadline < asked_on:
            raise ValidationError(
                _("The deadline cannot lie before the question was asked (%(date)s).") % {"date": asked_on.isoformat()}
            )
        return deadline


class HandOverForm(forms.Form):
    office = forms.TypedChoiceField(label=_("Responsible office"), coerce=int, widget=FastSelect)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("E.g. “portfolio passed to the new government's minister”. Kept in the history."),
    )

    def __init__(self, *args, commitment: Commitment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = office_handover_choices()
        if not self.is_bound:
            self.fields["office"].initial = commitment.responsible_office_id

    def clean_office(self) -> Office:
        office = Office.objects.select_related("person").filter(pk=self.cleaned_data["office"]).first()
        if office is None:
            raise ValidationError(_("This office no longer exists; choose another."))
        return office


@cached_choices("handover-offices")
def office_handover_choices() -> list[tuple[int, str]]:
    """Every office, newest government first, read in one narrow query (kept: tracker.choices)."""
    offices = Office.objects.order_by("-start_date", "title").values_list(
        "pk", "person__first_name", "person__last_name", "title", "government__name"
    )
    return [
        (pk, f"{first} {last}: {title}" + (f" ({government})" if government else ""))
        for pk, first, last, title, government in offices
    ]


class CommitmentEditForm(forms.Form):
    """Correcting a commitment's description; `version` refuses a save over someone else's."""

    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    target_group = forms.CharField(label=_("Target group"), max_length=200, required=False)
    quote = forms.CharField(
        label=_("Quote"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("The exact words from the answer.")
    )
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False, help_text=_("Optional; kept in the history."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, commitment: Commitment, **kwargs):
        if not args and "data" not in kwargs:
            kwargs.setdefault("initial", {}).update(
                title=commitment.title,
                kind=commitment.kind,
                target_group=commitment.target_group,
                quote=commitment.quote,
                version=commitment.version,
            )
        super().__init__(*args, **kwargs)
        self.commitment = commitment
        family = [Kind.REFUSAL] if commitment.is_refusal else [k for k in Kind.values if k != Kind.REFUSAL]
        self.fields["kind"].choices = [(value, label) for value, label in Kind.choices if value in family]

    def clean_quote(self) -> str:
        quote = self.cleaned_data["quote"].strip()
        if quote not in self.commitment.answer.text:
            raise ValidationError(_("This quote does not occur in the answer. Copy the exact words from the answer text."))
        return quote

    def clean(self):
        data = super().clean()
        version = data.get("version")
        # Missing, not a number, out of range, or newer than the commitment (versions only grow, so
        # no page showed it): tampered with or cut short. The editor can neither see nor fix a hidden
        # field, so the error belongs to the form.
        if version is None or version > self.commitment.version:
            self.errors.pop("version", None)
            self.add_error(None, STALE_FORM)
        return data
