"""Every page needs a login, except the login page itself, the language switch, the health check and
the private calendar and feeds, which a secret token in their address opens instead (calendar
programs and feed readers cannot log in; tests/test_views_feeds.py), the unsubscribe link of mails,
the open data's downloads and the public site (namespace "public", tests/test_public_*.py), which are open
to anyone."""

from typing import NamedTuple

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PUBLIC = {"login", "set_language", "healthz"}
BY_TOKEN = {"user_calendar", "following_feed", "minister_feed"}
# The unsubscribe link of a mail: the signed token in its address is the proof (test_views_mail.py).
PUBLIC |= {"unsubscribe"}
# The open data's download page and files, for anyone to reuse (tests/test_opendata.py).
PUBLIC |= {"open_data", "open_data_file"}
# The open-data API authenticates its callers itself (a token, or the staff session) and answers
# anonymous ones with the published data (tests/test_api.py); so do its schema and documentation.
API = "v1:"


class Route(NamedTuple):
    name: str  # with its namespace: "v1:commitment-list"
    pattern: URLPattern


def named_routes(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # the admin has its own login page; tested below, like every other page
            if pattern.namespace == "public":
                continue  # open to anyone: tested below
            yield from named_routes(pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield Route(f"{namespace}{pattern.name}", pattern)


def sample_url(route: Route) -> str:
    arguments = {name: 1 for name in route.pattern.pattern.regex.groupindex}
    return reverse(route.name, kwargs=arguments)


ROUTES = sorted({route.name: route for route in named_routes()}.values())


def is_public(route: Route) -> bool:
    return route.name in PUBLIC | BY_TOKEN or route.name.startswith(API) or route.name == "api_not_found"


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if not is_public(r)], ids=lambda r: r.name)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitor_is_sent_to_the_login_page(anonymous_client, route, method):
    url = sample_url(route)
    response = getattr(anonymous_client, method)(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.name.startswith(API)], ids=lambda r: r.name)
def test_the_open_data_api_answers_anonymous_callers_itself(anonymous_client, route):
    response = anonymous_client.get(sample_url(route))
    assert response.status_code in (200, 404)  # id 1 need not exist, or be published
    assert "Location" not in response


def test_every_named_page_is_covered():
    assert {r.name for r in ROUTES} >= {
        "dashboard",
        "commitment_list",
        "commitment_detail",
        "question_list",
        "review_list",
        "import_upload",
        "v1:commitment-list",
        "v1:commitment-detail",
        "v1:schema",
    }


@pytest.mark.django_db
def test_the_admin_sends_anonymous_visitors_to_the_applications_login_page(anonymous_client):
    response = anonymous_client.get("/admin/tracker/commitment/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/tracker/commitment/"


@pytest.mark.django_db
def test_the_login_page_and_health_check_are_open(anonymous_client):
    assert anonymous_client.get(reverse("login")).status_code == 200
    assert anonymous_client.get(reverse("healthz")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(BY_TOKEN))
def test_the_token_addresses_answer_a_bad_token_with_404_not_the_login_page(anonymous_client, name):
    arguments = {"token": "x" * 43, **({"person_id": 1} if name == "minister_feed" else {})}
    assert anonymous_client.get(reverse(name, kwargs=arguments)).status_code == 404


def public_routes():
    resolver = next(p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and p.namespace == "public")
    return sorted({pattern.name: pattern for pattern in resolver.url_patterns if pattern.name}.values(), key=lambda p: p.name)


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", public_routes(), ids=lambda p: p.name)
def test_every_page_of_the_public_site_is_open_without_a_login(anonymous_client, pattern):
    arguments = {name: {"lang": "en", "section": "pages-en"}.get(name, 1) for name in pattern.pattern.regex.groupindex}
    response = anonymous_client.get(reverse(f"public:{pattern.name}", kwargs=arguments))
    assert response.status_code in (200, 302, 404), "no login asked"
    assert "/accounts/login/" not in response.get("Location", "")
