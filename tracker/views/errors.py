"""Error pages in the application's look. They never query the database: it may be the cause."""

import logging
import sys

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from tracker.access import Refused

logger = logging.getLogger(__name__)


def _render(template: str, status: int, request: HttpRequest, **context) -> HttpResponse:
    # No context processors that touch the session or the user: plain rendering only.
    body = loader.get_template(template).render({"request_path": request.path, **context})
    return HttpResponse(body, status=status)


@requires_csrf_token
def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return _render("errors/400.html", 400, request)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """Our refusals carry their explanation, worked out before the refusal was raised; others
    (Django's admin refusing an action on one item) get a neutral text."""
    return _render("errors/403.html", 403, request, reason=str(exception) if isinstance(exception, Refused) else "")


@requires_csrf_token
def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _render("errors/404.html", 404, request)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """A 503 with a friendly message when the database is unreachable, otherwise a 500."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        logger.error("Database unavailable: %s", error)
        response = _render("errors/503.html", 503, request)
        response["Retry-After"] = "30"
        return response
    return _render("errors/500.html", 500, request)
