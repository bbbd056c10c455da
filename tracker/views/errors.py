"""Error pages in the application's look. They never query the database: it may be the cause."""

import logging
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from tracker.access import Refused
from tracker.uploads import is_name_too_long, name_too_long, too_many_files

logger = logging.getLogger(__name__)


def _render(template: str, status: int, request: HttpRequest, **context) -> HttpResponse:
    # No context processors that touch the session or the user: plain rendering only.
    body = loader.get_template(template).render({"request_path": request.path, **context})
    return HttpResponse(body, status=status)


def _over_limit(exception) -> tuple[int, str] | None:
    """The status and the text naming the limit a request went over; None for other bad requests."""
    if isinstance(exception, RequestDataTooBig):
        limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return 413, _("The upload is larger than the limit of %(limit)s.") % {"limit": limit}
    if isinstance(exception, TooManyFilesSent):
        return 400, too_many_files(settings.DATA_UPLOAD_MAX_NUMBER_FILES)
    if isinstance(exception, TooManyFieldsSent):
        count = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return 400, _("A form may send at most %(count)d fields.") % {"count": count}
    if is_name_too_long(exception):
        return 400, name_too_long()
    return None


@requires_csrf_token
def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    """Also what a request over an upload limit gets: Django refuses it where the request is first
    read (CsrfViewMiddleware, before any view), so this is the one place that sees every such refusal."""
    over_limit = _over_limit(exception)
    if over_limit:
        status, reason = over_limit
        return _render("errors/limit.html", status, request, code=status, reason=reason)
    return _render("errors/400.html", 400, request)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """Our refusals carry their explanation, worked out before the refusal was raised; others
    (Django's admin refusing an action on one item) get a neutral text."""
    return _render("errors/403.html", 403, request, reason=str(exception) if isinstance(exception, Refused) else "")


@requires_csrf_token
def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    if request.path.startswith("/public/"):  # the public site's own 404 page, in its look (tracker/public/)
        from tracker.public.views import not_found

        return not_found(request)
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
