"""Publishing from the staff side: a commitment (on its page, or ticked in the list) published or
made internal, and a status update's note shown to the public or withdrawn."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from tracker.access import permission_required
from tracker.forms.team import BulkPublishForm
from tracker.models import Commitment, StatusUpdate
from tracker.services.publishing import commitment_publish, commitments_publish, status_update_publish_note
from tracker.views.bulk import bulk_action_response

PUBLISHING = gettext_lazy("Publishing commitments")


def _wants_published(request: HttpRequest) -> bool:
    return request.POST.get("published") == "1"


@require_POST
@permission_required("tracker.change_commitment", action=PUBLISHING)
def commitment_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_object_or_404(Commitment.objects.only("pk", "published"), pk=pk)
    published = _wants_published(request)
    if commitment_publish(commitment=commitment, published=published, user=request.user):
        if published:
            messages.success(request, _("Published: the commitment is on the public site, with its public notes."))
        else:
            messages.success(request, _("Made internal: the commitment is no longer on the public site."))
    return redirect(commitment)


@require_POST
@permission_required("tracker.change_commitment", action=PUBLISHING)
def commitment_bulk_publish_view(request: HttpRequest) -> HttpResponse:
    """The list's bulk action: the ticked commitments published or made internal, then back to the
    same list, filters, order and page."""

    def publish(data: dict, chosen: list[Commitment]) -> tuple[int, str]:
        changed = commitments_publish(commitments=chosen, published=data["published"], user=request.user)
        if data["published"]:
            text = ngettext("%(count)s commitment published.", "%(count)s commitments published.", changed)
        else:
            text = ngettext("%(count)s commitment made internal.", "%(count)s commitments made internal.", changed)
        return changed, text % {"count": changed}

    return bulk_action_response(request, BulkPublishForm(request.POST), publish)


@require_POST
@permission_required("tracker.change_commitment", action=PUBLISHING)
def status_update_note_visibility_view(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_object_or_404(
        StatusUpdate.objects.select_related("commitment").only("pk", "note_is_public", "commitment"), pk=pk
    )
    public = request.POST.get("public") == "1"
    if status_update_publish_note(update=update, public=public):
        if public:
            messages.success(request, _("The note is public now, shown with the published commitment."))
        else:
            messages.success(request, _("The note is internal now: the public no longer sees it."))
    return redirect(update.commitment.get_absolute_url() + f"#update-{update.pk}")
