"""Lists that never fail on user input: a page number that is not a number, or lies beyond the
last page, shows the nearest real page; a filter value that is not understood is ignored, and said so."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.text import format_lazy
from django.utils.translation import gettext as _


def paginate(request: HttpRequest, queryset, *, per_page: int | None = None) -> Page:
    paginator = Paginator(queryset, per_page or settings.TRACKER_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def warn_ignored_filters(request: HttpRequest, filterset, ignored: list[str]) -> None:
    """Tell the user which filters were not understood; the list shows the others applied."""
    if ignored:
        labels = ", ".join(str(filterset.form.fields[name].label) for name in ignored)
        messages.warning(request, format_lazy(_("These filters were not understood and were ignored: {}."), labels))
