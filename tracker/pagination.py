"""Pagination that never fails on user input: a page number that is not a number, or lies beyond
the last page, shows the nearest real page."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, queryset, *, per_page: int | None = None) -> Page:
    paginator = Paginator(queryset, per_page or settings.TRACKER_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))
