"""Middleware of the tracker's own."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, cc_delim_re


def cache_directives(response: HttpResponse) -> set[str]:
    """The names of the Cache-Control directives a response already carries."""
    return {
        directive.split("=", 1)[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
        if directive
    }


def is_public(response: HttpResponse) -> bool:
    """Whether *response* declared itself cacheable by anyone (Cache-Control: public)."""
    return "public" in cache_directives(response)


def never_cache_middleware(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable:
    """Cache-Control: private, no-store (and no-cache, max-age=0) on every response the application
    renders, so that no browser cache or proxy keeps a page or an export of the register.

    All of them, not only those of a logged-in user: every page but the login page needs a login,
    and what anyone may see without one (the login page, redirects to it, the health check, error
    pages) gains nothing from a cache. Asking whether the user is logged in would also read the
    session from the database, even for a response that reports the database down.

    Placed after WhiteNoise, which answers static files before this runs: they keep their long,
    public cache headers.

    The one exception: a view that marked its response `Cache-Control: public` on purpose, the same
    for everyone (the public site's pages, tracker/public/cache.py; the open-data downloads,
    tracker/opendata/; the API's answers to anonymous callers, tracker/api/), keeps its own headers,
    unless the response sets a cookie, which no shared cache may hand to someone else.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if not is_public(response) or response.cookies:
            add_never_cache_headers(response)
        return response

    return middleware
