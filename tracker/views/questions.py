from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from tracker.access import permission_required
from tracker.choices import LATE_ANSWERS
from tracker.models import Answer, Question
from tracker.pagination import paginate, warn_ignored_filters
from tracker.search import RANK_WINDOW
from tracker.selectors.late_answers import late_answers, late_rows
from tracker.selectors.questions import (
    answer_segments,
    commitment_counts,
    pending_suggestions,
    question_for_detail,
    question_list,
    question_rows,
)
from tracker.services.team import is_following

VIEW = "tracker.view_question"
READING = gettext_lazy("Reading questions")


@require_GET
@permission_required(VIEW, action=READING)
def question_list_view(request: HttpRequest) -> HttpResponse:
    filterset, questions, ignored, windowed = question_list(params=request.GET)
    page = paginate(request, questions, rows=question_rows)
    warn_ignored_filters(request, filterset, ignored)
    if windowed:
        messages.info(
            request,
            _(
                "Many questions match: these are the %(count)s most recent, best match first. "
                "Add words or filters to reach older ones."
            )
            % {"count": RANK_WINDOW},
        )
    counts = commitment_counts(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "tracker/question_list.html",
        {
            "filter": filterset,
            "page": page,
            "rows": [(question, counts.get(question.pk, 0)) for question in page.object_list],
            "query": query.urlencode(),
            "filtered": any(value for key, value in request.GET.items() if key != "page"),
        },
    )


@require_GET
@permission_required(VIEW, action=READING)
def question_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        question = question_for_detail(pk)
    except Question.DoesNotExist:
        raise Http404(_("No question with this number.")) from None
    try:
        answer = question.answer
    except Answer.DoesNotExist:
        answer = None
    commitments = list(answer.commitments.select_related("responsible_person").order_by("quote_start")) if answer else []
    introduction, parts = question.numbered_parts()
    as_of = timezone.localdate()
    can_review = request.user.has_perm("tracker.change_suggestion")
    return render(
        request,
        "tracker/question_detail.html",
        {
            "question": question,
            "answer": answer,
            "introduction": introduction,
            "parts": parts,
            "segments": answer_segments(answer.text, commitments) if answer else [],
            "commitments": commitments,
            "suggestions": list(pending_suggestions(question)) if can_review else [],
            "as_of": as_of,
            "lateness": question.answer_lateness(as_of) if question.answer_due_on else None,
            "following": is_following(user=request.user, target=question),
        },
    )


@require_GET
@permission_required(VIEW, action=READING)
def late_answer_list_view(request: HttpRequest) -> HttpResponse:
    as_of = timezone.localdate()
    found = late_answers(params=request.GET, as_of=as_of)
    # The ministers' record counts the same late questions: their sum is the list's length.
    # The page's ids are kept like the record: until a question or an answer is written, or the day
    # passes (the date is in the query, hence in the key).
    page = paginate(
        request,
        found.late,
        rows=late_rows,
        count=sum(record.late for record in found.ranking),
        cache_group=LATE_ANSWERS,
    )
    warn_ignored_filters(request, found.filter.filterset, found.filter.ignored)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "tracker/late_answers.html",
        {
            "filter": found.filter.filterset,
            "page": page,
            "rows": [(question, question.answer_lateness(as_of)) for question in page.object_list],
            "ranking": found.ranking,
            "as_of": as_of,
            "query": query.urlencode(),
        },
    )
