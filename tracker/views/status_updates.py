"""Voiding a mistaken status update (administrators): it stays in the timeline, struck through."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.access import permission_required
from tracker.forms.status_updates import VoidForm
from tracker.models import StatusUpdate
from tracker.services.commitments import status_update_void


@permission_required("tracker.add_statusupdatevoid", action=gettext_lazy("Voiding a status update"))
def status_update_void_view(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_object_or_404(StatusUpdate.objects.select_related("commitment", "recorded_by", "void__voided_by"), pk=pk)
    form = VoidForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            status_update_void(update=update, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Status update voided; it stays in the timeline, struck through."))
            return redirect(update.commitment)
    return render(
        request,
        "tracker/status_update_void.html",
        {"update": update, "commitment": update.commitment, "form": form},
        status=400 if form.is_bound else 200,
    )
