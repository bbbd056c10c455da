"""The public site's middleware: its own host name (setting TRACKER_PUBLIC_HOST, env PUBLIC_HOST), and
responses that shared caches may keep for everyone."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PUBLIC_HOST_URLCONF = "tracker.public.host_urls"


# What the session, login and locale middleware make every response vary on; a public page depends on
# its address alone (its language is in the address, and it reads no session, cookie or user).
NOT_VARIED_ON = {"cookie", "accept-language"}


def public_site_middleware(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable:
    """Requests for the public host get the public site's addresses at the root, and nothing else:
    the staff site (its pages, the admin, the login page) does not exist on that host. A public page
    (marked by tracker.public.cache.public_page) does not vary on cookies or the browser's languages,
    so that a shared cache keeps one copy for everyone. Placed before the session and locale
    middleware, so that it sees their Vary headers."""

    def middleware(request: HttpRequest) -> HttpResponse:
        host = settings.TRACKER_PUBLIC_HOST
        if host and request.get_host().rsplit(":", 1)[0].lower() == host:
            request.urlconf = PUBLIC_HOST_URLCONF
        response = get_response(request)
        if getattr(response, "public_page", False) and response.has_header("Vary"):
            kept = [name.strip() for name in response["Vary"].split(",") if name.strip().lower() not in NOT_VARIED_ON]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response

    return middleware
