"""Programmes and merged duplicates on a commitment's page: "Part of", merging a duplicate into
it (with a confirmation step showing both), and an administrator undoing a merge."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tracker.access import permission_required
from tracker.forms.programmes import MergeForm, PartOfForm, UndoMergeForm
from tracker.models import CommitmentMerge
from tracker.selectors.programmes import merge_people
from tracker.services.merges import commitment_merge_undo, commitments_merge, merge_errors
from tracker.services.programmes import commitment_set_parent
from tracker.views.commitments import _add_errors, _get_commitment, _render_detail, follows_merges


@require_POST
@permission_required("tracker.change_commitment", action=gettext_lazy("Making a commitment part of a programme"))
@follows_merges
def commitment_part_of_view(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _get_commitment(pk)
    form = PartOfForm(request.POST)
    if form.is_valid():
        parent = form.cleaned_data["parent"]
        try:
            changed = commitment_set_parent(
                commitment=commitment, parent=parent, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if not changed:
                messages.info(request, _("Nothing changed: it was already so."))
            elif parent is None:
                messages.success(request, _("%(ref)s is part of no programme now.") % {"ref": commitment.reference})
            else:
                messages.success(
                    request, _("%(ref)s is a part of %(parent)s now.") % {"ref": commitment.reference, "parent": parent.reference}
                )
            return redirect(commitment)
    return _render_detail(request, commitment, status=400, part_of_form=form, open_panel="part_of")


@require_POST
@permission_required("tracker.add_commitmentmerge", action=gettext_lazy("Merging duplicates"))
@follows_merges
def commitment_merge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Two steps: the form on the commitment's page leads to a page showing both commitments side
    by side; only the confirmation there ("confirm") merges."""
    kept = _get_commitment(pk)
    form = MergeForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, kept, status=400, merge_form=form, open_panel="merge")
    duplicate = form.cleaned_data["duplicate"]
    for error in merge_errors(kept, duplicate):
        form.add_error("duplicate", error)
    if not form.is_valid():
        return _render_detail(request, kept, status=400, merge_form=form, open_panel="merge")
    if request.POST.get("confirm") == "yes":
        try:
            commitments_merge(kept=kept, absorbed=duplicate, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error)
            return _render_detail(request, kept, status=400, merge_form=form, open_panel="merge")
        messages.success(
            request,
            _("%(duplicate)s was merged into %(kept)s: its quote, reference and history are shown here.")
            % {"duplicate": duplicate.reference, "kept": kept.reference},
        )
        return redirect(kept)
    return render(
        request,
        "tracker/commitment_merge_confirm.html",
        {"kept": kept, "duplicate": _get_commitment(duplicate.pk), "form": form},
    )


@permission_required("tracker.change_commitmentmerge", action=gettext_lazy("Undoing a merge"))
def commitment_merge_undo_view(request: HttpRequest, pk: int, merge_pk: int) -> HttpResponse:
    merge = (
        CommitmentMerge.objects.select_related("kept", "absorbed", "merged_by", "undone_by")
        .filter(pk=merge_pk, kept_id=pk)
        .first()
    )
    if merge is None:
        raise Http404(_("No such merge on this commitment."))
    form = UndoMergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            commitment_merge_undo(merge=merge, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("The merge is undone: %(absorbed)s is a commitment of its own again.") % {"absorbed": merge.absorbed.reference},
            )
            return redirect(merge.kept)
    status = 400 if request.method == "POST" else 200
    context = {"merge": merge_people(merge), "form": form}
    return render(request, "tracker/commitment_merge_undo.html", context, status=status)
