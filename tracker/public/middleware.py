"""Serving the public site on a host name of its own (setting TRACKER_PUBLIC_HOST, env PUBLIC_HOST)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PUBLIC_HOST_URLCONF = "tracker.public.host_urls"


def public_host_middleware(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable:
    """Requests for the public host get the public site's addresses at the root, and nothing else:
    the staff site (its pages, the admin, the login page) does not exist on that host."""

    def middleware(request: HttpRequest) -> HttpResponse:
        host = settings.TRACKER_PUBLIC_HOST
        if host and request.get_host().rsplit(":", 1)[0].lower() == host:
            request.urlconf = PUBLIC_HOST_URLCONF
        return get_response(request)

    return middleware
