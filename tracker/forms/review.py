from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tracker.forms.widgets import DateInput
from tracker.models import Commitment, Kind, Suggestion
from tracker.presentation import default_horizon_name


class SuggestionConfirmForm(forms.Form):
    """A suggestion as staff confirm it: every field starts as suggested and may be edited."""

    title = forms.CharField(label=_("Title"), max_length=200)
    quote = forms.CharField(
        label=_("Quote"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The exact words from the answer; shorten the sentence to the promise itself."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=DateInput,
    )
    deadline_wording = forms.CharField(
        label=_("Deadline as worded"),
        max_length=200,
        required=False,
        help_text=_(
            "The answer's words, e.g. “tegen eind 2019”, or “binnenkort” without a date (the default horizon then "
            "applies). Empty for a deadline you set."
        ),
    )
    target_group = forms.CharField(label=_("Target group"), max_length=200, required=False)

    def __init__(self, *args, suggestion: Suggestion, **kwargs):
        if not args and "data" not in kwargs:
            kwargs["initial"] = {
                "title": suggestion.title,
                "quote": suggestion.sentence,
                "kind": suggestion.kind,
                "deadline": suggestion.deadline,
                "deadline_wording": suggestion.deadline_wording,
            }
        super().__init__(*args, **kwargs)
        self.suggestion = suggestion
        # Per form, not per class: the horizon follows the setting, the words the user's language.
        self.fields["deadline"].help_text = _("Leave empty for the default horizon (%(horizon)s).") % {
            "horizon": default_horizon_name()
        }

    def clean_quote(self) -> str:
        quote = self.cleaned_data["quote"].strip()
        if quote not in self.suggestion.answer.text:
            raise ValidationError(_("This quote does not occur in the answer. Copy the exact words from the answer text."))
        return quote

    def clean(self):
        data = super().clean()
        if data.get("kind") == Kind.REFUSAL and data.get("deadline"):
            self.add_error("deadline", _("A refusal has no deadline."))
        asked_on = self.suggestion.answer.question.asked_on
        if data.get("deadline") and data["deadline"] < asked_on:
            self.add_error(
                "deadline",
                _("The deadline cannot lie before the question was asked (%(date)s).") % {"date": asked_on.isoformat()},
            )
        return data


class SuggestionRestateForm(forms.Form):
    """ "Same promise": the commitment the suggestion re-states, by its reference (the proposed match
    to begin with; staff may name another)."""

    commitment = forms.CharField(
        label=_("Same promise as"),
        max_length=20,
        help_text=_("The commitment's reference, e.g. C-00042."),
    )

    def __init__(self, *args, suggestion: Suggestion, **kwargs):
        if not args and "data" not in kwargs and suggestion.match_id:
            kwargs["initial"] = {"commitment": Commitment(pk=suggestion.match_id).reference}
        super().__init__(*args, **kwargs)
        self.suggestion = suggestion

    def clean_commitment(self) -> Commitment:
        reference = self.cleaned_data["commitment"].strip().upper()
        digits = reference.removeprefix("C-").removeprefix("C").lstrip("0")
        # Merged ones included: the service says which commitment to choose instead.
        commitment = (
            Commitment.all_objects.select_related("answer__question").filter(pk=int(digits)).first() if digits.isdigit() else None
        )
        if commitment is None:
            raise ValidationError(_("No commitment with the reference %(reference)s.") % {"reference": reference or "—"})
        return commitment
