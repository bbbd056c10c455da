"""The commitment pages: list (with CSV export), overdue list, detail, and the editors' actions."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from tracker.access import permission_required
from tracker.exports import list_export
from tracker.exports.csv import csv_response
from tracker.follow_up import follow_up_draft
from tracker.forms.commitments import CommitmentEditForm, DeadlineForm, HandOverForm, StatusUpdateForm
from tracker.forms.programmes import MergeForm, PartOfForm
from tracker.forms.team import AssignForm, BulkAssignForm
from tracker.models import Commitment, Person, Theme
from tracker.pagination import paginate, warn_ignored_filters
from tracker.presentation import default_horizon_name
from tracker.search import RANK_WINDOW
from tracker.selectors.commitments import (
    SORTS,
    commitment_for_detail,
    commitment_list,
    commitment_rows,
    export_rows,
    overdue_list,
    promise_chain,
    sort_key,
)
from tracker.selectors.programmes import commitment_merges, parts_progress, programme_parts
from tracker.selectors.team import user_name
from tracker.selectors.timeline import commitment_timeline, deadline_changes_of
from tracker.services.commitments import (
    StaleEdit,
    commitment_assign,
    commitment_change_deadline,
    commitment_edit,
    commitment_hand_over,
    commitment_record_status,
    commitments_assign,
)
from tracker.services.team import is_following
from tracker.views.bulk import bulk_action_response

VIEW = "tracker.view_commitment"
READING = gettext_lazy("Reading commitments")
MORE_FILTERS = [
    "office",
    "government",
    "theme",
    "kind",
    "deadline_source",
    "published",
    "deadline_from",
    "deadline_to",
    "answered_from",
    "answered_to",
    "moved",
]


class MergedAway(Exception):
    """The commitment asked for was merged into another (*kept*), whose page is its page now."""

    def __init__(self, pk: int, kept: int):
        super().__init__(pk, kept)
        self.pk, self.kept = pk, kept


def _get_commitment(pk: int) -> Commitment:
    try:
        return commitment_for_detail(pk, as_of=timezone.localdate())
    except Commitment.DoesNotExist:
        kept = Commitment.all_objects.filter(pk=pk).values_list("merged_into", flat=True).first()
        if kept:
            raise MergedAway(pk, kept) from None
        raise Http404(_("No commitment with this number.")) from None


def follows_merges(view):
    """A view of one commitment that leads from a merged duplicate to the commitment kept: the same
    page of that one (a form sent to the duplicate is not applied: its page is shown instead)."""

    @wraps(view)
    def followed(request: HttpRequest, pk: int, **kwargs) -> HttpResponse:
        try:
            return view(request, pk, **kwargs)
        except MergedAway as merged:
            messages.info(
                request,
                _("%(ref)s was merged into %(kept)s.") % {"ref": f"C-{merged.pk:05d}", "kept": f"C-{merged.kept:05d}"},
            )
            name = request.resolver_match.url_name if request.method == "GET" else "commitment_detail"
            return redirect(name, pk=merged.kept)

    return followed


@require_GET
@permission_required(VIEW, action=READING)
def commitment_list_view(request: HttpRequest) -> HttpResponse:
    as_of = timezone.localdate()
    sort = sort_key(request.GET.get("sort"), searching=bool(request.GET.get("q", "").strip()))
    filterset, commitments, ignored, windowed = commitment_list(
        params=request.GET, as_of=as_of, sort=request.GET.get("sort"), user=request.user
    )
    page = paginate(request, commitments, rows=lambda ids: commitment_rows(ids, as_of=as_of))
    warn_ignored_filters(request, filterset, ignored)
    if windowed:
        messages.info(
            request,
            _(
                "Many commitments match: these are the %(count)s most recent, best match first. "
                "Add words or filters to reach older ones."
            )
            % {"count": RANK_WINDOW},
        )
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("select", None)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    can_assign = request.user.has_perm("tracker.change_commitment")
    back_query = request.GET.copy()
    back_query.pop("select", None)
    return render(
        request,
        "tracker/commitment_list.html",
        {
            "filter": filterset,
            "page": page,
            "sort": sort,
            "sorts": [(key, label) for key, (label, _ordering) in SORTS.items()],
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "as_of": as_of,
            "filtered": any(value for key, value in request.GET.items() if key not in ("page", "sort", "select")),
            "primary_filters": ["q", "minister", "assignee", "state", "overdue"],
            "chip_filters": ["status"],
            "more_filters": MORE_FILTERS,
            "more_filters_active": any(request.GET.get(name) for name in MORE_FILTERS),
            "followable": _followable(request, filterset, ignored),
            "bulk_form": BulkAssignForm(initial={"query": back_query.urlencode()}, auto_id="bulk_%s", people=filterset.people)
            if can_assign
            else None,
            "select_all": can_assign and request.GET.get("select") == "all",
            "select_all_query": _with(query, page=request.GET.get("page"), select="all"),
            "select_none_query": _with(query, page=request.GET.get("page")),
        },
    )


def _with(query, **values) -> str:
    changed = query.copy()
    for key, value in values.items():
        if value:
            changed[key] = value
    return changed.urlencode()


def _followable(request: HttpRequest, filterset, ignored: list[str]) -> list[dict]:
    """The minister and the theme the list is filtered by, with whether the user follows them: the
    list of one minister (or theme) is where they are followed."""
    found = []
    data = getattr(filterset.form, "cleaned_data", {})
    for name, kind, model in (("minister", "minister", Person), ("theme", "theme", Theme)):
        value = data.get(name) if name not in ignored else None
        if not value:
            continue
        target = model.objects.filter(pk=value).first()
        if target is not None:
            found.append(
                {
                    "kind": kind,
                    "target": target,
                    "name": target.full_name if kind == "minister" else target.name,
                    "following": is_following(user=request.user, target=target),
                }
            )
    return found


@require_GET
@permission_required(VIEW, action=READING)
def commitment_overdue_view(request: HttpRequest) -> HttpResponse:
    as_of = timezone.localdate()
    page = paginate(request, overdue_list(as_of=as_of), rows=lambda ids: commitment_rows(ids, as_of=as_of))
    return render(
        request,
        "tracker/commitment_overdue.html",
        {
            "page": page,
            "as_of": as_of,
            "default_horizon": default_horizon_name(),
        },
    )


@require_GET
@permission_required(VIEW, action=READING)
def commitment_export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Exactly the rows the list shows for the same query string, as a streamed CSV download."""
    as_of = timezone.localdate()
    commitments = commitment_list(params=request.GET, as_of=as_of, sort=request.GET.get("sort"), user=request.user).queryset
    rows = list_export.csv_rows(export_rows(commitments, as_of=as_of), base_url=request.build_absolute_uri("/").rstrip("/"))
    return csv_response(request, list_export.CSV_COLUMNS, rows, filename=f"commitments-{as_of.isoformat()}.csv")


def _render_detail(request: HttpRequest, commitment: Commitment, *, status: int = 200, **forms) -> HttpResponse:
    can_edit = request.user.has_perm("tracker.change_commitment")
    before, quoted, after = commitment.quote_in_context()
    merges = commitment_merges(commitment) if commitment.has_merges else []
    timeline = commitment_timeline(commitment, merges)
    parts = programme_parts(commitment) if commitment.has_parts else []
    open_parts = [part for part in parts if part.is_open]
    context = {
        "commitment": commitment,
        "question": commitment.answer.question,
        "answer": commitment.answer,
        "answer_before": before,
        "answer_quote": quoted,
        "answer_after": after,
        "timeline": timeline,
        "deadline_changes": deadline_changes_of(timeline) if commitment.deadline_slipped else [],
        "awaiting": [event.update for event in timeline if event.awaiting],
        "assignee_name": user_name(commitment.assignee) if commitment.assignee_id else "",
        "following": is_following(user=request.user, target=commitment),
        "can_follow": request.user.has_perm("tracker.add_follow"),
        "can_confirm": request.user.has_perm("tracker.add_statusupdateconfirmation"),
        "default_horizon": default_horizon_name(),
        "can_record": request.user.has_perm("tracker.add_statusupdate"),
        "can_void": request.user.has_perm("tracker.add_statusupdatevoid"),
        "can_edit": can_edit,
        "status_form": forms.get("status_form") or StatusUpdateForm(commitment=commitment, open_parts=open_parts),
        "parts": parts,
        "progress": parts_progress(parts),
        "duplicates": [merge for merge in merges if merge.kept_id == commitment.pk and merge.is_standing],
        "can_merge": request.user.has_perm("tracker.add_commitmentmerge"),
        "can_undo_merge": request.user.has_perm("tracker.change_commitmentmerge"),
        "part_of_form": forms.get("part_of_form")
        or (PartOfForm(initial={"parent": commitment.parent.reference if commitment.parent_id else ""}) if can_edit else None),
        "merge_form": forms.get("merge_form") or MergeForm(),
        "deadline_form": forms.get("deadline_form") or (DeadlineForm(commitment=commitment) if can_edit else None),
        "handover_form": forms.get("handover_form") or (HandOverForm(commitment=commitment) if can_edit else None),
        "assign_form": forms.get("assign_form") or (AssignForm(commitment=commitment) if can_edit else None),
        "open_panel": forms.get("open_panel", ""),
    }
    return render(request, "tracker/commitment_detail.html", context, status=status)


@require_GET
@permission_required(VIEW, action=READING)
@follows_merges
def commitment_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, _get_commitment(pk))


@require_GET
@permission_required(VIEW, action=READING)
@follows_merges
def commitment_follow_up_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft follow-up question for the commitment; with ?format=txt, the draft as a text file."""
    commitment = _get_commitment(pk)
    draft = follow_up_draft(commitment, promise_chain(commitment))
    if request.GET.get("format") == "txt":
        response = HttpResponse(draft.text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="vervolgvraag-{commitment.reference}.txt"'
        return response
    return render(request, "tracker/commitment_follow_up.html", {"commitment": commitment, "draft": draft})


@require_POST
@permission_required("tracker.add_statusupdate", action=gettext_lazy("Recording a status update"))
@follows_merges
def commitment_record_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _get_commitment(pk)
    open_parts = [part for part in programme_parts(commitment) if part.is_open] if commitment.has_parts else []
    form = StatusUpdateForm(request.POST, commitment=commitment, open_parts=open_parts)
    if form.is_valid():
        try:
            update = commitment_record_status(commitment=commitment, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if update.needs_confirmation:
                messages.success(
                    request,
                    _(
                        "Status recorded: %(status)s. It awaits confirmation by another editor and counts once "
                        "confirmed; until then the current status stays %(current)s."
                    )
                    % {"status": update.get_status_display(), "current": commitment.get_current_status_display()},
                )
            else:
                messages.success(request, _("Status recorded: %(status)s.") % {"status": commitment.get_current_status_display()})
            return redirect(commitment)
    return _render_detail(request, commitment, status=400, status_form=form, open_panel="status")


@require_POST
@permission_required("tracker.change_commitment", action=gettext_lazy("Changing a deadline"))
@follows_merges
def commitment_change_deadline_view(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _get_commitment(pk)
    form = DeadlineForm(request.POST, commitment=commitment)
    if form.is_valid():
        try:
            commitment_change_deadline(commitment=commitment, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Deadline changed; the previous one and your reason are in the history."))
            return redirect(commitment)
    return _render_detail(request, commitment, status=400, deadline_form=form, open_panel="deadline")


@require_POST
@permission_required("tracker.change_commitment", action=gettext_lazy("Handing a commitment over"))
@follows_merges
def commitment_hand_over_view(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _get_commitment(pk)
    form = HandOverForm(request.POST, commitment=commitment)
    if form.is_valid():
        commitment_hand_over(commitment=commitment, user=request.user, **form.cleaned_data)
        messages.success(request, _("Responsibility changed; the handover is in the history."))
        return redirect(commitment)
    return _render_detail(request, commitment, status=400, handover_form=form, open_panel="handover")


@require_POST
@permission_required("tracker.change_commitment", action=gettext_lazy("Assigning a commitment"))
@follows_merges
def commitment_assign_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Give the commitment to an editor to look after (or to nobody)."""
    commitment = _get_commitment(pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        assignee = form.cleaned_data["assignee"]
        try:
            changed = commitment_assign(commitment=commitment, assignee=assignee, user=request.user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if not changed:
                messages.info(request, _("Nothing changed: it was already so."))
            elif assignee is None:
                messages.success(request, _("Nobody looks after this commitment now."))
            elif assignee.pk == request.user.pk:
                messages.success(request, _("You look after this commitment now; it is on your My work page."))
            else:
                messages.success(request, _("%(name)s looks after this commitment now.") % {"name": user_name(assignee)})
            return redirect(commitment)
    return _render_detail(request, commitment, status=400, assign_form=form, open_panel="assign")


@require_POST
@permission_required("tracker.change_commitment", action=gettext_lazy("Assigning commitments"))
def commitment_bulk_assign_view(request: HttpRequest) -> HttpResponse:
    """The list's bulk action: the ticked commitments to one editor (or to nobody), then back to
    the same list, filters, order and page."""

    def assign(data: dict, chosen: list[Commitment]) -> tuple[int, str]:
        assignee = data["assignee"]
        changed = commitments_assign(commitments=chosen, assignee=assignee, user=request.user)
        if assignee is None:
            text = ngettext("%(count)s commitment is now unassigned.", "%(count)s commitments are now unassigned.", changed)
            return changed, text % {"count": changed}
        text = ngettext("%(count)s commitment assigned to %(name)s.", "%(count)s commitments assigned to %(name)s.", changed)
        return changed, text % {"count": changed, "name": user_name(assignee)}

    return bulk_action_response(request, BulkAssignForm(request.POST), assign)


@permission_required("tracker.change_commitment", action=gettext_lazy("Editing a commitment"))
@follows_merges
def commitment_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _get_commitment(pk)
    stale = None
    if request.method == "POST":
        form = CommitmentEditForm(request.POST, commitment=commitment)
        if form.is_valid():
            data = form.cleaned_data
            try:
                commitment_edit(
                    commitment=commitment,
                    user=request.user,
                    expected_version=data["version"],
                    title=data["title"],
                    kind=data["kind"],
                    target_group=data["target_group"],
                    quote=data["quote"],
                    reason=data["reason"],
                )
            except StaleEdit as conflict:
                stale = conflict.current
                # Submitting again, after reading the other version, is a deliberate overwrite.
                form.data = form.data.copy()
                form.data["version"] = stale.version
                form.add_error(
                    None,
                    _(
                        "Someone else saved this commitment after you opened it. Their version is shown "
                        "below; nothing of yours was saved. Check their change, then edit again."
                    ),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Commitment saved."))
                return redirect(commitment)
    else:
        form = CommitmentEditForm(commitment=commitment)
    status = 409 if stale else (400 if request.method == "POST" else 200)
    return render(
        request, "tracker/commitment_edit.html", {"commitment": commitment, "form": form, "stale": stale}, status=status
    )


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            for message in messages_:
                form.add_error(field if field in form.fields else None, message)
    else:
        form.add_error(None, error)
