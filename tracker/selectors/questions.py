"""Reading questions: the list's FilterSet and the answer text split around its commitments."""

from dataclasses import dataclass

import django_filters
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, Question, Suggestion, SuggestionState, session_year_of
from tracker.search import by_relevance, question_search
from tracker.selectors.filtering import ListResult, TrackerFilterSet, apply_valid_filters, minister_filter, theme_choices


def session_year_choices() -> list[tuple[str, str]]:
    """Every session year from the first question's to today's, newest first: one indexed read,
    not a DISTINCT over every question."""
    first = Question.objects.order_by("asked_on").values_list("asked_on", flat=True).first()
    if first is None:
        return []
    newest, oldest = (int(session_year_of(day)[:4]) for day in (timezone.localdate(), first))
    return [(f"{year}-{year + 1}", f"{year}-{year + 1}") for year in range(newest, oldest - 1, -1)]


def session_year_filter() -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(label=_("Session year"), choices=session_year_choices, empty_label=_("All years"))


class QuestionFilter(TrackerFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search", max_length=200)
    minister = minister_filter("addressee")
    session_year = session_year_filter()
    theme = django_filters.ChoiceFilter(label=_("Theme"), field_name="themes", choices=theme_choices, empty_label=_("All themes"))
    commitments = django_filters.ChoiceFilter(
        label=_("Commitments"),
        method="filter_commitments",
        empty_label=_("With or without"),
        choices=[("with", _("With commitments")), ("without", _("Without commitments"))],
    )

    class Meta:
        model = Question
        fields = []

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return question_search(queryset, value)

    def filter_commitments(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        has = Exists(Commitment.objects.filter(answer__question=OuterRef("pk")))
        return queryset.filter(has) if value == "with" else queryset.exclude(has) if value == "without" else queryset


def question_list(*, params) -> ListResult:
    """The filtered questions, newest first; a search puts the best matches first (bare rows: see question_rows)."""
    filterset, queryset, ignored = apply_valid_filters(QuestionFilter, params, Question.objects.all())
    text = filterset.form.cleaned_data.get("q", "") if "q" not in ignored and hasattr(filterset.form, "cleaned_data") else ""
    ranked, windowed = by_relevance(queryset, text, recent=["-asked_on", "-number", "-pk"])
    return ListResult(filterset, ranked, ignored, windowed)


def question_rows(ids: list[int]) -> QuerySet:
    """The questions *ids* with what a list row shows."""
    return Question.objects.filter(pk__in=ids).for_list()


def commitment_counts(questions) -> dict[int, int]:
    """Commitments per question, for one page of questions, in one query."""
    rows = (
        Commitment.objects.filter(answer__question__in=[question.pk for question in questions])
        .values_list("answer__question")
        .annotate(total=Count("pk"))
        .order_by()
    )
    return dict(rows)


@dataclass(frozen=True)
class Segment:
    text: str
    commitment: Commitment | None = None


def answer_segments(text: str, commitments: list[Commitment]) -> list[Segment]:
    """The answer text cut into plain runs and highlighted quotes (overlapping quotes: the first wins)."""
    segments, position = [], 0
    for commitment in sorted(commitments, key=lambda c: (c.quote_start, c.pk)):
        start = commitment.quote_start
        if start < position or text[start : commitment.quote_end] != commitment.quote:
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start : commitment.quote_end], commitment))
        position = commitment.quote_end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def question_for_detail(pk: int) -> Question:
    return (
        Question.objects.with_people()
        .prefetch_related("themes", "co_askers__party", "holding_replies")
        .select_related("asker__party")
        .get(pk=pk)
    )


def pending_suggestions(question: Question) -> QuerySet:
    return Suggestion.objects.filter(answer__question=question, state=SuggestionState.PENDING).order_by("sentence_start")
