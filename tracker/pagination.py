"""Pagination that stays fast at 200,000 rows and never fails on user input.

- The count of a whole table (no filter) is PostgreSQL's own estimate once the table is big; a
  filtered list is counted exactly (its filters use indexes). Estimated counts read "about".
- A page is fetched in two steps: the ids of its rows in the list's order (one narrow, indexed
  query), then those rows with everything they show. Sorting never drags the joined rows along.
- Pages past the middle are read from the other end of the order, so the last page costs what
  the first does.
- A search ranked by relevance (tracker.search) reads every match to rank them anyway: the ids of
  its matches are read once, in order, then counted and paged here (up to RANKED_AT_ONCE of them),
  instead of a COUNT that reads the matches again.
- A page number that is not a number, or lies beyond the last page, shows the nearest real page;
  a filter value that is not understood is ignored, and said so.
"""

from collections.abc import Callable, Sequence
from functools import cached_property

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.text import format_lazy
from django.utils.translation import gettext as _

from tracker.choices import cached_value, query_key

ESTIMATE_FROM = 50_000  # below this, an exact count is cheap enough
RANKED_AT_ONCE = 5_000  # a ranked search's ids read in one query, at most (tracker.search ranks up to 3,000)


def table_estimate(model) -> int | None:
    """PostgreSQL's estimate of a table's rows (kept by ANALYZE and autovacuum); None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        row = cursor.fetchone()
    return row[0] if row and row[0] >= 0 else None


class ListPaginator(Paginator):
    def __init__(
        self,
        object_list: QuerySet,
        per_page: int,
        orphans: int = 0,
        allow_empty_first_page: bool = True,
        *,
        rows: Callable[[list[int]], Sequence] | None = None,
        cache_group: str | None = None,
    ):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.rows = rows
        self.cache_group = cache_group
        self.estimated = False

    @cached_property
    def count(self) -> int:
        if self._whole_table():
            estimate = table_estimate(self.object_list.model)
            if estimate is not None and estimate >= ESTIMATE_FROM:
                self.estimated = True
                return estimate
        return self.object_list.count()

    def _whole_table(self) -> bool:
        """No filter beyond the model's default manager's own (commitments merged into another are
        left out of every list: a handful, within the estimate's error)."""
        where = self.object_list.query.where
        return not where or where == self.object_list.model._default_manager.get_queryset().query.where

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if self.count > 2 * self.per_page and bottom > self.count // 2 and self.object_list.ordered:
            start, stop = max(self.count - top, 0), self.count - bottom
            objects = list(reversed(self._fetch(self.object_list.reverse()[start:stop])))
        else:
            objects = self._fetch(self.object_list[bottom:top])
        return self._get_page(objects, number, self)

    def _fetch(self, window: QuerySet) -> list:
        if self.rows is None:
            return list(window)
        ids = window.values_list("pk", flat=True)
        if self.cache_group is None:
            ids = list(ids)
        else:  # kept until a write forgets the group (tracker.choices), under the exact query's key
            ids = cached_value(self.cache_group, f"ids:{query_key(ids)}", lambda: list(ids))
        found = {row.pk: row for row in self.rows(ids)}
        return [found[pk] for pk in ids if pk in found]


def paginate(
    request: HttpRequest,
    queryset: QuerySet,
    *,
    rows: Callable[[list[int]], Sequence] | None = None,
    per_page: int | None = None,
    count: int | None = None,
    cache_group: str | None = None,
) -> Page:
    """The requested page of *queryset*; *count*, when the caller knows it already, saves the COUNT query.
    With *cache_group*, the ids of each page are kept in the cache until a write forgets that group
    (tracker.choices.cached_value): for lists whose rows change only with that group's writes."""
    per_page = per_page or settings.TRACKER_PAGE_SIZE
    if rows is not None and count is None and "relevance" in queryset.query.annotations:
        page = _ranked_page(request, queryset, rows=rows, per_page=per_page)
        if page is not None:
            return page
    paginator = ListPaginator(queryset, per_page, rows=rows, cache_group=cache_group)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("page"))


def _ranked_page(request: HttpRequest, queryset: QuerySet, *, rows: Callable, per_page: int) -> Page | None:
    """The requested page of a search ranked by relevance, from the ids of all its matches read at once
    (one query, where a COUNT and a page of ids would rank or read them twice); None past RANKED_AT_ONCE
    matches (then paged as any list)."""
    ids = list(queryset.values_list("pk", flat=True)[: RANKED_AT_ONCE + 1])
    if len(ids) > RANKED_AT_ONCE:
        return None
    paginator = Paginator(ids, per_page)
    paginator.estimated = False  # the template's "about": the count is exact
    page = paginator.get_page(request.GET.get("page"))
    found = {row.pk: row for row in rows(list(page.object_list))}
    page.object_list = [found[pk] for pk in page.object_list if pk in found]
    return page


def warn_ignored_filters(request: HttpRequest, filterset, ignored: list[str]) -> None:
    """Tell the user which filters were not understood; the list shows the others applied."""
    if ignored:
        labels = ", ".join(str(filterset.form.fields[name].label) for name in ignored)
        messages.warning(request, format_lazy(_("These filters were not understood and were ignored: {}."), labels))
