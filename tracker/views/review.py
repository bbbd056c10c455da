"""The review queue: the importer's suggestions, confirmed as a new promise (as suggested or edited),
recorded as the same promise as a commitment (a re-statement), or rejected, by editors."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.access import permission_required
from tracker.forms.review import SuggestionConfirmForm, SuggestionRestateForm
from tracker.models import Suggestion, SuggestionState
from tracker.pagination import paginate
from tracker.services.suggestions import suggestion_confirm, suggestion_reject, suggestion_restate

REVIEW = "tracker.change_suggestion"
REVIEWING = gettext_lazy("Reviewing suggestions")


def _context_of(suggestion: Suggestion) -> tuple[str, str, str]:
    """The answer text around the suggested sentence, for highlighting in place."""
    text = suggestion.answer.text
    start = suggestion.sentence_start
    end = start + len(suggestion.sentence)
    if text[start:end] != suggestion.sentence:
        start = max(text.find(suggestion.sentence), 0)
        end = start + len(suggestion.sentence)
    return text[:start], text[start:end], text[end:]


@permission_required(REVIEW, action=REVIEWING)
def review_list_view(request: HttpRequest) -> HttpResponse:
    pending = (
        Suggestion.objects.pending()
        .select_related("answer__question__addressee", "match__answer__question")
        .order_by("created_at", "answer_id", "sentence_start")
    )
    page = paginate(request, pending, per_page=10)
    items = []
    for suggestion in page.object_list:
        before, sentence, after = _context_of(suggestion)
        # Only the paragraph around the sentence: the full answer is one click away.
        paragraph_start = before.rfind("\n") + 1
        paragraph_end = after.find("\n")
        items.append((suggestion, before[paragraph_start:], sentence, after if paragraph_end < 0 else after[:paragraph_end]))
    return render(request, "tracker/review_list.html", {"page": page, "items": items})


@permission_required(REVIEW, action=REVIEWING)
def suggestion_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        suggestion = Suggestion.objects.select_related(
            "answer__question__addressee",
            "answer__question__asker",
            "commitment",
            "match__answer__question",
            "restatement__commitment",
        ).get(pk=pk)
    except Suggestion.DoesNotExist:
        raise Http404(_("No suggestion with this number.")) from None
    form = SuggestionConfirmForm(suggestion=suggestion)
    restate_form = SuggestionRestateForm(suggestion=suggestion)
    status = 200
    if request.method == "POST" and suggestion.state != SuggestionState.PENDING:
        messages.info(request, _("This suggestion was already decided."))
        return redirect("review_list")
    if request.method == "POST" and request.POST.get("action") == "accept":
        try:
            commitment = suggestion_confirm(suggestion=suggestion, user=request.user)
        except ValidationError as error:
            messages.warning(request, " ".join(error.messages))
        else:
            messages.success(request, _("Confirmed as %(reference)s.") % {"reference": commitment.reference})
        return redirect("review_list")
    if request.method == "POST" and request.POST.get("action") == "reject":
        try:
            suggestion_reject(suggestion=suggestion, user=request.user)
        except ValidationError as error:
            messages.warning(request, " ".join(error.messages))
        else:
            messages.success(request, _("Suggestion rejected; it will not be suggested again."))
        return redirect("review_list")
    if request.method == "POST" and request.POST.get("action") == "restate":
        restate_form = SuggestionRestateForm(request.POST, suggestion=suggestion)
        if restate_form.is_valid():
            commitment = restate_form.cleaned_data["commitment"]
            try:
                suggestion_restate(suggestion=suggestion, commitment=commitment, user=request.user)
            except ValidationError as error:
                restate_form.add_error(None, error)
            else:
                messages.success(request, _("Recorded as a re-statement of %(reference)s.") % {"reference": commitment.reference})
                return redirect((request.POST.get("next") == "list" and "review_list") or commitment)
        status = 400
    elif request.method == "POST":
        form = SuggestionConfirmForm(request.POST, suggestion=suggestion)
        if form.is_valid():
            try:
                commitment = suggestion_confirm(suggestion=suggestion, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Confirmed as %(reference)s.") % {"reference": commitment.reference})
                return redirect((request.POST.get("next") == "list" and "review_list") or commitment)
        status = 400
    before, sentence, after = _context_of(suggestion)
    return render(
        request,
        "tracker/suggestion_review.html",
        {
            "suggestion": suggestion,
            "question": suggestion.answer.question,
            "form": form,
            "restate_form": restate_form,
            "match": suggestion.match,
            "before": before,
            "sentence": sentence,
            "after": after,
        },
        status=status,
    )
