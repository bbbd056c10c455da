"""Reading commitments: the list's FilterSet and the querysets the pages and the export show."""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tracker.follow_up import PromiseChain
from tracker.forms.widgets import DateInput
from tracker.models import Commitment, CommitmentMerge, DeadlineChange, DeadlineSource, Kind, Restatement, Status
from tracker.models.commitments import OPEN_PROMISE
from tracker.search import by_relevance, commitment_search
from tracker.selectors.filtering import (
    ListResult,
    TrackerFilterSet,
    apply_valid_filters,
    government_choices,
    minister_filter,
    office_choices,
    theme_choices,
)
from tracker.selectors.team import editor_choices

ASSIGNED_TO_ME = "me"
UNASSIGNED = "none"


def assignee_choices(people: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """The "Assigned to" filter: me, nobody, then *people* (editor_choices())."""
    return [
        (ASSIGNED_TO_ME, _("Me")),
        (UNASSIGNED, _("Nobody (unassigned)")),
        *((str(pk), name) for pk, name in people),
    ]


SORTS = {
    # key: (label, ordering) -- the ordering used for the key; "-key" reverses it.
    "deadline": (_("Deadline"), ["deadline", "pk"]),
    "overdue": (_("Days overdue"), [OPEN_PROMISE.desc(), "deadline", "pk"]),
    "updated": (_("Last update"), ["-status_observed_on", "-pk"]),
    "minister": (_("Minister"), ["responsible_person__last_name", "responsible_person__first_name", "pk"]),
    "made": (_("Made on"), ["-made_on", "-pk"]),
}
DEFAULT_SORT = "overdue"
RELEVANCE = "relevance"  # the order of a search when no other is chosen


def _reverse(ordering: list) -> list:
    reversed_ordering = []
    for item in ordering:
        if isinstance(item, str):
            reversed_ordering.append(item[1:] if item.startswith("-") else f"-{item}")
        else:
            reversed_ordering.append(item.copy().reverse_ordering())
    return reversed_ordering


class CountFilter(django_filters.Filter):
    """A whole number (django-filter's NumberFilter would take decimals)."""

    field_class = forms.IntegerField


class CommitmentFilter(TrackerFilterSet):
    """The commitment list's filters; their state lives in the query string, so lists can be shared."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_search", max_length=200)
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        field_name="current_status",
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # no join: a commitment cannot appear twice
    )
    state = django_filters.ChoiceFilter(
        label=_("Open or closed"),
        choices=[("open", _("Open")), ("closed", _("Closed"))],
        method="filter_state",
        empty_label=_("All"),
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue only"), method="filter_overdue", widget=forms.CheckboxInput)
    minister = minister_filter("responsible_person")
    assignee = django_filters.ChoiceFilter(label=_("Assigned to"), choices=[], method="filter_assignee", empty_label=_("All"))
    office = django_filters.ChoiceFilter(
        label=_("Office"), field_name="responsible_office", choices=office_choices, empty_label=_("All offices")
    )
    government = django_filters.ChoiceFilter(
        label=_("Government"),
        field_name="responsible_office__government",
        choices=government_choices,
        empty_label=_("All governments"),
    )
    theme = django_filters.ChoiceFilter(label=_("Theme"), field_name="themes", choices=theme_choices, empty_label=_("All themes"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices, empty_label=_("All kinds"))
    deadline_source = django_filters.ChoiceFilter(
        label=_("Deadline source"), choices=DeadlineSource.choices, empty_label=_("Any source")
    )
    deadline_from = django_filters.DateFilter(
        label=_("Deadline from"), field_name="deadline", lookup_expr="gte", widget=DateInput
    )
    deadline_to = django_filters.DateFilter(label=_("Deadline to"), field_name="deadline", lookup_expr="lte", widget=DateInput)
    answered_from = django_filters.DateFilter(label=_("Answered from"), field_name="made_on", lookup_expr="gte", widget=DateInput)
    answered_to = django_filters.DateFilter(label=_("Answered to"), field_name="made_on", lookup_expr="lte", widget=DateInput)
    published = django_filters.ChoiceFilter(
        label=_("Publication"),
        choices=[("yes", _("Published")), ("no", _("Internal"))],
        method="filter_published",
        empty_label=_("Published or internal"),
    )
    moved = CountFilter(
        label=_("Deadline moved at least (times)"),
        min_value=1,
        max_value=999,
        method="filter_moved",
        widget=forms.NumberInput(attrs={"min": 1, "max": 999, "inputmode": "numeric"}),
    )

    class Meta:
        model = Commitment
        fields = []

    def __init__(self, *args, as_of: datetime.date, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.as_of = as_of
        self.user = user
        # The editors, read once: the filter's choices, and the bulk action's on the same page.
        self.people = editor_choices()
        self.filters["assignee"].extra["choices"] = assignee_choices(self.people)

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return commitment_search(queryset, value)

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.open() if value == "open" else queryset.closed() if value == "closed" else queryset

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.overdue(as_of=self.as_of) if value else queryset

    def filter_published(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(published=value == "yes") if value else queryset

    def filter_moved(self, queryset: QuerySet, name: str, value: int | None) -> QuerySet:
        return queryset.deadline_moved(times=value) if value else queryset

    def filter_assignee(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == ASSIGNED_TO_ME:
            return queryset.filter(assignee=self.user) if getattr(self.user, "pk", None) else queryset.none()
        if value == UNASSIGNED:
            return queryset.filter(assignee__isnull=True)
        return queryset.filter(assignee_id=int(value)) if value else queryset


def sort_key(value: str | None, *, searching: bool = False) -> str:
    """A known sort key ("deadline", "-deadline", ...), else the default: unknown input is ignored.
    A search is ordered by relevance unless another order is chosen."""
    if value and value.lstrip("-") in SORTS:
        return value
    return RELEVANCE if searching else DEFAULT_SORT


def commitment_list(*, params, as_of: datetime.date, sort: str | None = None, user=None) -> ListResult:
    """The filtered, sorted commitments of the list page (bare rows: see commitment_rows), the
    filters ignored because their value was not understood, and whether a search was windowed.
    *user* is who "Assigned to: me" means."""
    filterset, queryset, ignored = apply_valid_filters(CommitmentFilter, params, Commitment.objects.all(), as_of=as_of, user=user)
    text = filterset.form.cleaned_data.get("q", "") if "q" not in ignored and hasattr(filterset.form, "cleaned_data") else ""
    key = sort_key(sort, searching=bool(text))
    if key == RELEVANCE:
        ranked, windowed = by_relevance(queryset, text, recent=["-made_on", "-pk"])
        return ListResult(filterset, ranked, ignored, windowed)
    ordering = SORTS[key.lstrip("-")][1]
    return ListResult(filterset, queryset.order_by(*(_reverse(ordering) if key.startswith("-") else ordering)), ignored)


def commitment_rows(ids: list[int], *, as_of: datetime.date) -> QuerySet:
    """The commitments *ids* with everything a list row or export line shows."""
    return Commitment.objects.filter(pk__in=ids).with_context().with_overdue_flag(as_of=as_of)


def export_rows(queryset: QuerySet, *, as_of: datetime.date) -> QuerySet:
    """The list's commitments, in its order, with what the CSV export writes."""
    return queryset.with_context().with_overdue_flag(as_of=as_of)


def overdue_list(*, as_of: datetime.date) -> QuerySet:
    """The overdue promises, most overdue first (bare rows: see commitment_rows)."""
    return Commitment.objects.overdue(as_of=as_of).overdue_first()


def commitment_for_detail(pk: int, *, as_of: datetime.date) -> Commitment:
    """The commitment with everything its page and its follow-up draft show, its overdue flags
    (with_overdue_flag) counted on *as_of*, and whether it has parts (`has_parts`) or took part in
    a merge (`has_merges`), so that a page reads those only where there are some; in one query
    (the themes in a second)."""
    return (
        Commitment.objects.select_related(
            "responsible_person",
            "responsible_office__government",
            "answer__question__asker",
            "answer__question__addressee",
            "answer__question__addressee_office",
            "answer__question__assembly",
            "assignee",
            "parent",
        )
        .prefetch_related("themes")
        .with_overdue_flag(as_of=as_of)
        .annotate(
            has_parts=Exists(Commitment.objects.filter(parent=OuterRef("pk"))),
            has_merges=Exists(CommitmentMerge.objects.filter(Q(kept=OuterRef("pk")) | Q(absorbed=OuterRef("pk")))),
        )
        .get(pk=pk)
    )


def promise_chain(commitment: Commitment) -> PromiseChain:
    """The later answers that repeated *commitment* (with their questions), in date order, and its
    deadline as the first answer worded it: what the follow-up draft tells (one or two queries)."""
    restatements = list(
        Restatement.objects.filter(commitment=commitment).select_related("answer__question").order_by("made_on", "pk")
    )
    first_wording = commitment.deadline_wording if commitment.deadline_source == DeadlineSource.STATED else ""
    if restatements and commitment.deadline_slipped:
        first_change = DeadlineChange.objects.filter(commitment=commitment).values_list("old_deadline", "old_wording").first()
        if first_change is not None:
            first_wording = first_change[1] if first_change[0] is not None else ""
    return PromiseChain(restatements=restatements, first_wording=first_wording)
