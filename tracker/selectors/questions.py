"""Reading questions: the list's FilterSet and the answer text split around its commitments."""

from dataclasses import dataclass

import django_filters
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, Person, Question, Suggestion, SuggestionState, Theme
from tracker.search import question_search
from tracker.selectors.filtering import TrackerFilterSet, apply_valid_filters


def session_year_choices() -> list[tuple[str, str]]:
    years = Question.objects.order_by("-session_year").values_list("session_year", flat=True).distinct()
    return [(year, year) for year in years]


class QuestionFilter(TrackerFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search", max_length=200)
    minister = django_filters.ModelChoiceFilter(
        label=_("Minister"),
        field_name="addressee",
        queryset=Person.objects.ministers().order_by("last_name", "first_name"),
        empty_label=_("All ministers"),
    )
    session_year = django_filters.ChoiceFilter(label=_("Session year"), choices=session_year_choices, empty_label=_("All years"))
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(), empty_label=_("All themes")
    )
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


def question_list(*, params) -> tuple[QuestionFilter, QuerySet, list[str]]:
    base = Question.objects.with_people().order_by("-asked_on", "-number", "-pk")
    return apply_valid_filters(QuestionFilter, params, base)


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
    return Question.objects.with_people().prefetch_related("themes").get(pk=pk)


def pending_suggestions(question: Question) -> QuerySet:
    return Suggestion.objects.filter(answer__question=question, state=SuggestionState.PENDING).order_by("sentence_start")
