"""The commitment list's bulk actions (assign, publish): the ticked rows checked, the action applied,
what changed said, and back to the same list, filters, order and page."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext

from tracker.forms.team import BulkSelectionForm
from tracker.models import Commitment

# Applies the action to the chosen commitments with the form's cleaned data: how many changed, and
# the message that says so.
BulkAction = Callable[[dict, list[Commitment]], tuple[int, str]]


def bulk_action_response(request: HttpRequest, form: BulkSelectionForm, apply: BulkAction) -> HttpResponse:
    back = reverse("commitment_list")
    if form.valid_query():
        back += "?" + form.valid_query()
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    chosen = list(Commitment.objects.filter(pk__in=form.cleaned_data["commitments"]).order_by("pk"))
    try:
        changed, text = apply(form.cleaned_data, chosen)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(back)
    if changed < len(chosen):
        unchanged = len(chosen) - changed
        text += " " + ngettext("%(count)s other already was.", "%(count)s others already were.", unchanged) % {"count": unchanged}
    messages.success(request, text)
    return redirect(back)
