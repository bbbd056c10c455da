"""The API's filters: those of the staff lists (tracker/selectors/commitments.py CommitmentFilter,
tracker/selectors/questions.py QuestionFilter), with ids and codes instead of labelled choices, so
that the schema lists them and a script can build them. Every rule is the model's own method."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.models import Answer, Commitment, DeadlineSource, Government, Kind, Office, Person, Question, Status, StatusUpdate
from tracker.search import commitment_search, question_search

# Ids and numbers within PostgreSQL's integer range: a larger one is a 400, not a database error.
MAX_NUMBER = 2**31 - 1


class IdFilter(django_filters.Filter):
    """A whole number from 1 up (django-filter's NumberFilter would take decimals)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_NUMBER)
        super().__init__(*args, **kwargs)


def search_filter() -> django_filters.CharFilter:
    return django_filters.CharFilter(label=_("Search"), method="filter_search", max_length=200)


class CommitmentApiFilter(django_filters.FilterSet):
    q = search_filter()
    status = django_filters.MultipleChoiceFilter(
        label=_("Status (repeat for several)"), choices=Status.choices, field_name="current_status", distinct=False
    )
    state = django_filters.ChoiceFilter(
        label=_("Open or closed"), choices=[("open", _("Open")), ("closed", _("Closed"))], method="filter_state"
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue today (true) or not (false)"), method="filter_overdue")
    minister = IdFilter(label=_("Responsible minister (id)"), field_name="responsible_person_id")
    office = IdFilter(label=_("Responsible office (id)"), field_name="responsible_office_id")
    government = IdFilter(label=_("Government (id)"), field_name="responsible_office__government_id")
    theme = django_filters.CharFilter(label=_("Theme (code)"), field_name="themes__slug", max_length=80)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices)
    deadline_source = django_filters.ChoiceFilter(label=_("Deadline source"), choices=DeadlineSource.choices)
    deadline_from = django_filters.DateFilter(label=_("Deadline from"), field_name="deadline", lookup_expr="gte")
    deadline_to = django_filters.DateFilter(label=_("Deadline to"), field_name="deadline", lookup_expr="lte")
    answered_from = django_filters.DateFilter(label=_("Answered from"), field_name="made_on", lookup_expr="gte")
    answered_to = django_filters.DateFilter(label=_("Answered to"), field_name="made_on", lookup_expr="lte")
    moved = IdFilter(label=_("Deadline moved at least (times)"), method="filter_moved", max_value=999)
    question = IdFilter(label=_("Question (id)"), field_name="answer__question_id")

    class Meta:
        model = Commitment
        fields = []

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return commitment_search(queryset, value)

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.open() if value == "open" else queryset.closed() if value == "closed" else queryset

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        overdue = queryset.overdue(as_of=timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))

    def filter_moved(self, queryset: QuerySet, name: str, value: int | None) -> QuerySet:
        return queryset.deadline_moved(times=value) if value else queryset


class StatusUpdateApiFilter(django_filters.FilterSet):
    commitment = IdFilter(label=_("Commitment (id)"), field_name="commitment_id")
    status = django_filters.MultipleChoiceFilter(label=_("Status (repeat for several)"), choices=Status.choices)
    observed_from = django_filters.DateFilter(label=_("Observed from"), field_name="observed_on", lookup_expr="gte")
    observed_to = django_filters.DateFilter(label=_("Observed to"), field_name="observed_on", lookup_expr="lte")

    class Meta:
        model = StatusUpdate
        fields = []


class QuestionApiFilter(django_filters.FilterSet):
    q = search_filter()
    assembly = django_filters.CharFilter(label=_("Assembly (code)"), field_name="assembly__slug", max_length=40)
    session_year = django_filters.CharFilter(label=_("Session year, e.g. 2017-2018"), max_length=9)
    number = IdFilter(label=_("Number"))
    minister = IdFilter(label=_("Addressed to (minister's id)"), field_name="addressee_id")
    theme = django_filters.CharFilter(label=_("Theme (code)"), field_name="themes__slug", max_length=80)
    answered = django_filters.BooleanFilter(label=_("Answered (true) or not yet (false)"), method="filter_answered")
    asked_from = django_filters.DateFilter(label=_("Asked from"), field_name="asked_on", lookup_expr="gte")
    asked_to = django_filters.DateFilter(label=_("Asked to"), field_name="asked_on", lookup_expr="lte")

    class Meta:
        model = Question
        fields = []

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return question_search(queryset, value)

    def filter_answered(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        # answer_late is kept by the question (sync_answer_state): empty exactly while unanswered.
        return queryset if value is None else queryset.filter(answer_late__isnull=not value)


class AnswerApiFilter(django_filters.FilterSet):
    q = search_filter()
    assembly = django_filters.CharFilter(label=_("Assembly (code)"), field_name="question__assembly__slug", max_length=40)
    session_year = django_filters.CharFilter(label=_("Session year"), field_name="question__session_year", max_length=9)
    minister = IdFilter(label=_("Answered by (minister's id)"), field_name="question__addressee_id")
    answered_from = django_filters.DateFilter(label=_("Answered from"), field_name="answered_on", lookup_expr="gte")
    answered_to = django_filters.DateFilter(label=_("Answered to"), field_name="answered_on", lookup_expr="lte")

    class Meta:
        model = Answer
        fields = []

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(question__in=question_search(Question.objects.all(), value).values("pk"))


class MinisterApiFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name contains"), method="filter_name", max_length=100)
    government = IdFilter(label=_("Held an office in this government (id)"), method="filter_government")

    class Meta:
        model = Person
        fields = []

    def filter_name(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:4]:
            queryset = queryset.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        return queryset

    def filter_government(self, queryset: QuerySet, name: str, value: int | None) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(Exists(Office.objects.filter(person=OuterRef("pk"), government_id=value)))


class GovernmentApiFilter(django_filters.FilterSet):
    assembly = django_filters.CharFilter(label=_("Assembly (code)"), field_name="assembly__slug", max_length=40)
    slug = django_filters.CharFilter(label=_("Code"), max_length=60)
    in_office = django_filters.BooleanFilter(
        label=_("In office (true) or not (false)"), field_name="end_date", lookup_expr="isnull"
    )

    class Meta:
        model = Government
        fields = []
