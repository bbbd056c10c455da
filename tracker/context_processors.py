"""Values every page's layout needs."""

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict:
    match = getattr(request, "resolver_match", None)
    return {"active_section": match.url_name.split("_")[0] if match and match.url_name else ""}
