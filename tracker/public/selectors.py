"""What the public site reads: published commitments only, and of them only what is public.

Never read here: assignees, who recorded or decided anything, internal notes (a status update's
note is read only when it is public: `shown_note`), void reasons and confirmation notes, deadline
change reasons, merges, suggestions and import runs. Every page costs a fixed number of queries,
whatever the register holds.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, DeadlineChange, Government, Kind, Office, Person, Status, StatusUpdate
from tracker.models.commitments import open_condition, overdue_condition
from tracker.pagination import ListPaginator
from tracker.search import by_relevance, commitment_search

KEPT = [Status.FULFILLED, Status.PARTIALLY_FULFILLED]

# The columns a public list row shows (templates/public/includes/commitment_rows.html).
ROW_FIELDS = [
    "id",
    "title",
    "kind",
    "responsible_person__first_name",
    "responsible_person__last_name",
    "deadline",
    "deadline_source",
    "deadline_wording",
    "current_status",
    "status_observed_on",
    "made_on",
    "deadline_moves",
    "deadline_slip_days",
]


def published() -> QuerySet:
    """The commitments the public sees (merged duplicates never: the default manager leaves them out)."""
    return Commitment.objects.published()


@dataclass
class Record:
    """What became of the published promises of a minister, a government or all of them. Refusals
    (a minister's explicit no) are not promises: counted apart, in `refusals`."""

    made: int = 0
    kept: int = 0
    broken: int = 0
    overdue: int = 0
    open: int = 0
    refusals: int = 0

    def add(self, other: "Record") -> None:
        for name in ("made", "kept", "broken", "overdue", "open", "refusals"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def kept_share(self) -> int:
        return round(100 * self.kept / self.made) if self.made else 0


@dataclass
class Row:
    """A line of a table of records: a minister or a government, and its record."""

    subject: object
    record: Record = field(default_factory=Record)


@dataclass
class Records:
    total: Record
    governments: list[Row]  # the government None: promises of no known office
    ministers: list[Row]


def _grouped(queryset: QuerySet, as_of: datetime.date):
    """(person id, government id, Record) per minister and government, in one grouped read."""
    promise = ~Q(kind=Kind.REFUSAL)
    rows = (
        queryset.values_list("responsible_person", "responsible_office__government")
        .annotate(
            made=Count("pk", filter=promise),
            kept=Count("pk", filter=promise & Q(current_status__in=KEPT)),
            broken=Count("pk", filter=promise & Q(current_status__in=Status.broken_values())),
            overdue=Count("pk", filter=overdue_condition(as_of)),
            open=Count("pk", filter=promise & open_condition()),
            refusals=Count("pk", filter=Q(kind=Kind.REFUSAL)),
        )
        .order_by()
    )
    for person, government, *counts in rows:
        yield person, government, Record(*counts)


def records(*, as_of: datetime.date, government: Government | None = None) -> Records:
    """The record of all published promises, per government and per minister (of *government*
    only, when given), most promises first: three queries."""
    queryset = published()
    if government is not None:
        queryset = queryset.filter(responsible_office__government=government)
    total = Record()
    per_person: dict[int, Record] = defaultdict(Record)
    per_government: dict[int | None, Record] = defaultdict(Record)
    for person, government_id, record in _grouped(queryset, as_of):
        total.add(record)
        per_person[person].add(record)
        per_government[government_id].add(record)
    people = Person.objects.only("first_name", "last_name").in_bulk(list(per_person))
    governments = Government.objects.only("slug", "name", "start_date", "end_date").in_bulk(
        [pk for pk in per_government if pk is not None]
    )
    by_made = lambda row: (-row.record.made, -row.record.refusals, str(row.subject))  # noqa: E731
    return Records(
        total=total,
        governments=sorted(
            (Row(governments.get(pk), record) for pk, record in per_government.items() if pk is not None),
            key=lambda row: row.subject.start_date,
            reverse=True,
        )
        + ([Row(None, per_government[None])] if None in per_government else []),
        ministers=sorted((Row(people[pk], record) for pk, record in per_person.items()), key=by_made),
    )


def minister_record(person: Person, *, as_of: datetime.date) -> Record:
    total = Record()
    for _person, _government, record in _grouped(published().filter(responsible_person=person), as_of):
        total.add(record)
    return total


def public_minister(pk: int) -> Person:
    """A person with at least one published commitment; else Person.DoesNotExist."""
    return (
        Person.objects.only("first_name", "last_name")
        .filter(Exists(published().filter(responsible_person=OuterRef("pk"))))
        .get(pk=pk)
    )


def minister_offices(person: Person) -> list[Office]:
    return list(Office.objects.filter(person=person).select_related("government").order_by("-start_date"))


class StatusFilterForm(forms.Form):
    """The minister page's filter: one choice, in the query string (a value not understood shows everything)."""

    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("All commitments")),
            ("open", _("Open promises")),
            ("overdue", _("Overdue")),
            ("kept", _("Kept (wholly or partly)")),
            ("broken", _("Broken")),
            ("refusals", _("Refusals")),
            *((value, label) for value, label in Status.choices),
        ],
    )


def filter_by_status(queryset: QuerySet, value: str, *, as_of: datetime.date) -> QuerySet:
    if value == "open":
        return queryset.promises().open()
    if value == "overdue":
        return queryset.overdue(as_of=as_of)
    if value == "kept":
        return queryset.promises().filter(current_status__in=KEPT)
    if value == "broken":
        return queryset.promises().filter(current_status__in=Status.broken_values())
    if value == "refusals":
        return queryset.refusals()
    if value in Status.values:
        return queryset.filter(current_status=value)
    return queryset


def minister_commitments(person: Person, status: str, *, as_of: datetime.date) -> QuerySet:
    """The minister's published commitments, newest first (bare rows: see rows())."""
    return filter_by_status(published().filter(responsible_person=person), status, as_of=as_of).order_by("-made_on", "-pk")


def search(text: str, *, page: str | None, as_of: datetime.date) -> Page:
    """The *page* of published commitments matching *text* (tracker.search: every word), best match
    first, with what a list row shows. A common word is ranked among its most recent matches only
    (tracker.search.RANK_WINDOW): those ids are read once, and counted and paged in Python, rather
    than the window being read again for the count and for the page."""
    queryset = commitment_search(published(), text)
    ordered, windowed = by_relevance(queryset, text, recent=["-made_on", "-pk"])
    matches = list(ordered.values_list("pk", flat=True)) if windowed else ordered
    per_page = settings.TRACKER_PAGE_SIZE
    if not windowed:
        return ListPaginator(matches, per_page, rows=lambda ids: rows(ids, as_of=as_of)).get_page(page)
    result = Paginator(matches, per_page).get_page(page)
    found = {row.pk: row for row in rows(list(result.object_list), as_of=as_of)}
    result.object_list = [found[pk] for pk in result.object_list if pk in found]
    return result


def rows(ids: list[int], *, as_of: datetime.date) -> QuerySet:
    """The published commitments *ids* with what a public list row shows, and their overdue flags."""
    return published().filter(pk__in=ids).select_related("responsible_person").only(*ROW_FIELDS).with_overdue_flag(as_of=as_of)


def public_commitment(pk: int, *, as_of: datetime.date) -> Commitment:
    """A published commitment with what its public page shows (its themes in a second query);
    Commitment.DoesNotExist for one unknown, unpublished or merged."""
    return (
        published()
        .select_related(
            "responsible_person",
            "responsible_office__government",
            "answer__question__asker",
            "answer__question__addressee",
            "answer__question__addressee_office",
            "answer__question__assembly",
            "parent",
        )
        .defer("assignee")
        .prefetch_related("themes")
        .with_overdue_flag(as_of=as_of)
        .get(pk=pk)
    )


def public_parent(commitment: Commitment) -> Commitment | None:
    """The programme *commitment* is a part of, when that is published too."""
    parent = commitment.parent
    return parent if parent is not None and parent.published and parent.merged_into_id is None else None


def public_parts(commitment: Commitment) -> list[Commitment]:
    """The published parts of *commitment* (a programme), oldest first."""
    return list(
        published()
        .filter(parent=commitment)
        .only("pk", "title", "kind", "current_status", "deadline", "parent_id")
        .order_by("pk")
    )


def timeline(commitment: Commitment) -> list[StatusUpdate]:
    """The status updates of *commitment* that count, latest first, with the note only where it is
    public (`shown_note`; the internal note is not even read)."""
    return list(
        StatusUpdate.objects.public()
        .filter(commitment=commitment)
        .annotate(shown_note=Case(When(note_is_public=True, then=F("note")), default=Value(""), output_field=CharField()))
        .only("pk", "commitment_id", "status", "observed_on", "evidence_url", "evidence_text", "recorded_at")
        .latest_first()
    )


def deadline_moves(commitment: Commitment) -> list[dict]:
    """When the deadline changed, from which date to which (never why: the reasons are staff's)."""
    return list(
        DeadlineChange.objects.filter(commitment=commitment)
        .order_by("changed_on", "recorded_at", "pk")
        .values("changed_on", "old_deadline", "new_deadline")
    )


def public_government(slug: str) -> Government:
    return Government.objects.select_related("assembly").get(slug=slug)


def sitemap_ministers() -> QuerySet:
    return Person.objects.filter(pk__in=published().values("responsible_person")).only("pk").order_by("pk")
