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
