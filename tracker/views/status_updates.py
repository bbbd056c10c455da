"""Deciding on a status update: an administrator voids a mistaken one (it stays in the timeline,
struck through); a second editor confirms or rejects a closing status (the four-eyes check)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tracker.access import permission_required
from tracker.forms.status_updates import ConfirmForm, RejectForm, VoidForm
from tracker.models import StatusUpdate
from tracker.selectors.team import user_name
from tracker.services.commitments import status_update_confirm, status_update_reject, status_update_void

DECIDE = "tracker.add_statusupdateconfirmation"


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


def _update_to_decide(pk: int) -> StatusUpdate:
    return get_object_or_404(
        StatusUpdate.objects.select_related("commitment", "recorded_by", "void__voided_by", "confirmation__decided_by").defer(
            "commitment__quote"
        ),
        pk=pk,
    )


def _next(request: HttpRequest, update: StatusUpdate) -> str:
    """Back where the decision was taken (My work, or the commitment), never to another site."""
    wanted = request.POST.get("next") or request.GET.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return update.commitment.get_absolute_url()


def _render_decision(request, update, *, confirm_form=None, reject_form=None, status=200) -> HttpResponse:
    decided = getattr(update, "confirmation", None)
    return render(
        request,
        "tracker/status_update_decide.html",
        {
            "update": update,
            "commitment": update.commitment,
            "recorded_by": user_name(update.recorded_by) or update.recorded_by_name,
            "decided": decided,
            "decided_by": (user_name(decided.decided_by) or decided.decided_by_name) if decided else "",
            "voided": hasattr(update, "void"),
            "own": update.recorded_by_id == request.user.pk,
            "confirm_form": confirm_form or ConfirmForm(),
            "reject_form": reject_form or RejectForm(),
            "next": _next(request, update),
        },
        status=status,
    )


def _refused(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


@require_POST
@permission_required(DECIDE, action=gettext_lazy("Confirming a status update"))
def status_update_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A second editor confirms a closing status: from now on it counts."""
    update = _update_to_decide(pk)
    form = ConfirmForm(request.POST)
    try:
        status_update_confirm(update=update, user=request.user)
    except ValidationError as error:
        _refused(form, error)
        return _render_decision(request, _update_to_decide(pk), confirm_form=form, status=400)
    messages.success(
        request,
        _("Confirmed: %(reference)s is now %(status)s.")
        % {"reference": update.commitment.reference, "status": update.get_status_display()},
    )
    return redirect(_next(request, update))


@permission_required(DECIDE, action=gettext_lazy("Rejecting a status update"))
def status_update_reject_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The page of a closing status awaiting a second editor: reject it with a note (or confirm it)."""
    update = _update_to_decide(pk)
    if request.method != "POST":
        return _render_decision(request, update)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            status_update_reject(update=update, user=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(
                request,
                _("Rejected: the status stays in the history with your note and does not count."),
            )
            return redirect(_next(request, update))
    return _render_decision(request, _update_to_decide(pk), reject_form=form, status=400)
