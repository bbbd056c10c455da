"""Middleware of the tracker's own."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


def is_public(response: HttpResponse) -> bool:
    """Whether *response* declared itself cacheable by anyone (Cache-Control: public)."""
    directives = (part.strip().lower() for part in response.get("Cache-Control", "").split(","))
    return "public" in directives


def never_cache_middleware(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable:
    """Cache-Control: private, no-store (and no-cache, max-age=0) on every response the application
    renders, so that no browser cache or proxy keeps a page or an export of the register.

    All of them, not only those of a logged-in user: every page but the login page needs a login,
    and what anyone may see without one (the login page, redirects to it, the health check, error
    pages) gains nothing from a cache. Asking whether the user is logged in would also read the
    session from the database, even for a response that reports the database down.

    Placed after WhiteNoise, which answers static files before this runs: they keep their long,
    public cache headers. A response that says itself it may be kept by anyone (Cache-Control:
    public, as the public site's pages and the open-data downloads do: tracker/public/cache.py,
    tracker/opendata/) keeps that.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if not is_public(response):
            add_never_cache_headers(response)
        return response

    return middleware
