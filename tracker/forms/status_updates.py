"""The administrators' form to void a mistaken status update; tracker.services does the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _


class VoidForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Why this update does not count, e.g. “typing error in the year: observed in 2019, not 2099”. Kept in the history."
        ),
    )


class RejectForm(forms.Form):
    """A second editor's rejection of a closing status (the four-eyes check)."""

    note = forms.CharField(
        label=_("Why it is rejected"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "E.g. “the call was announced, not launched: see the minister's answer of 12 May”. Kept in the history; "
            "the editor who recorded it reads it there."
        ),
    )


class ConfirmForm(forms.Form):
    """Confirming needs no input: the form carries the refusal, if any, back to the page."""
