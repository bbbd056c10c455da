"""The public site has the staff side's security: its headers, no stack traces, no 500 on any input,
no page whose cost grows with the register; and served on a host of its own, only it answers there."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CommitmentFactory, OfficeFactory, PersonFactory
from tests.public_data import build_register

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent

NO_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}


@pytest.fixture
def register():
    return build_register()


def test_public_pages_carry_the_security_headers(anonymous_client, register):
    response = anonymous_client.get(reverse("public:commitment", kwargs={"lang": "en", "pk": register.commitment.pk}))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "Set-Cookie" not in response, "a public page sets no cookie (it is cached for everyone)"
    cached = anonymous_client.get(reverse("public:commitment", kwargs={"lang": "en", "pk": register.commitment.pk}))
    assert cached["X-Public-Cache"] == "hit"
    assert cached["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in cached["Content-Security-Policy"]


def test_a_logged_in_visitor_gets_the_same_public_page_as_anyone(anonymous_client, editor_client, register):
    url = reverse("public:commitment", kwargs={"lang": "en", "pk": register.commitment.pk})
    assert editor_client.get(url).content == anonymous_client.get(url).content


ODD_QUERIES = [
    "page=999999999999999999999999",
    "page=-1",
    "page=abc",
    "page=1e9",
    "page=",
    "status=bogus",
    "status=fulfilled&status=broken",
    "status=%00",
    "q=" + "armoede " * 2000,
    "q=%00%01%02",
    "q=%27%22%3C%3Escript%3E",
    "q=*:()!%26|",
    "q=a&q=b&page=2",
    "q=%F0%9F%98%80",
    "q=%ff%fe",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
@pytest.mark.parametrize("page", ["home", "minister", "search", "commitment", "government"])
def test_no_query_string_makes_a_public_page_fail(anonymous_client, register, page, query):
    kwargs = {"lang": "nl"}
    kwargs |= {"minister": {"pk": register.minister.pk}, "commitment": {"pk": register.commitment.pk}}.get(page, {})
    kwargs |= {"slug": register.government.slug} if page == "government" else {}
    response = anonymous_client.get(f"{reverse(f'public:{page}', kwargs=kwargs)}?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/public/en/commitments/99999999999999999999999/",
        "/public/en/ministers/99999999999999999999999/",
        "/public/en/governments/no-such-government/",
        "/public/xx/",
        "/public/en/commitments/abc/",
        "/public/sitemap-nonsense.xml",
        "/public/sitemap-commitments-en.xml?p=99999",
    ],
)
def test_unknown_addresses_are_404_pages_without_details(anonymous_client, register, path):
    response = anonymous_client.get(path)
    assert response.status_code == 404
    assert b"Traceback" not in response.content
    assert b"Go to the overview" in response.content, "the public site's own 404 page"


def test_the_public_site_has_no_form_that_posts(anonymous_client, register):
    for url in (
        reverse("public:home", kwargs={"lang": "en"}),
        reverse("public:minister", kwargs={"lang": "en", "pk": register.minister.pk}),
        reverse("public:search", kwargs={"lang": "en"}),
    ):
        assert 'method="post"' not in anonymous_client.get(url).content.decode().lower()
    assert anonymous_client.post(reverse("public:search", kwargs={"lang": "en"})).status_code in (403, 405)
    assert Client(enforce_csrf_checks=False).put(reverse("public:home", kwargs={"lang": "en"})).status_code == 405


# Query counts, with the cache off (what a page costs when rendered): the same whatever the rows.


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def more_rows(register, count: int = 6) -> None:
    """More of everything the pages list: commitments of the minister, other ministers and offices."""
    office = register.commitment.responsible_office
    for _ in range(count):
        CommitmentFactory(
            published=True,
            answer__question__addressee=register.minister,
            answer__question__addressee_office=office,
        )
        other = PersonFactory()
        CommitmentFactory(
            published=True,
            answer__question__addressee=other,
            answer__question__addressee_office=OfficeFactory(person=other),
        )


@override_settings(CACHES=NO_CACHE)
def test_the_public_pages_cost_a_fixed_number_of_queries(anonymous_client, register, django_assert_num_queries):
    urls = {
        "home": (reverse("public:home", kwargs={"lang": "en"}), 3),
        "government": (reverse("public:government", kwargs={"lang": "en", "slug": register.government.slug}), 4),
        "minister": (reverse("public:minister", kwargs={"lang": "en", "pk": register.minister.pk}), 6),
        "commitment": (reverse("public:commitment", kwargs={"lang": "en", "pk": register.commitment.pk}), 5),
        # On PostgreSQL a search also asks for the planner's estimate of its matches (tracker.search).
        "search": (reverse("public:search", kwargs={"lang": "en"}) + "?q=project", 4 if connection.vendor == "postgresql" else 3),
    }
    before = {name: queries(anonymous_client, url) for name, (url, _expected) in urls.items()}
    more_rows(register)
    after = {name: queries(anonymous_client, url) for name, (url, _expected) in urls.items()}
    assert before == after
    for name, (url, expected) in urls.items():
        with django_assert_num_queries(expected):
            anonymous_client.get(url)
        assert before[name] == expected, name


@override_settings(TRACKER_PUBLIC_HOST="promises.example.org", ALLOWED_HOSTS=["testserver", "promises.example.org"])
def test_on_its_own_host_the_public_site_answers_at_the_root_and_the_staff_site_does_not_exist(anonymous_client, register):
    host = {"HTTP_HOST": "promises.example.org"}
    home = anonymous_client.get("/nl/", **host)
    assert home.status_code == 200
    assert '<link rel="canonical" href="http://promises.example.org/nl/">' in home.content.decode()
    assert f'href="/nl/ministers/{register.minister.pk}/"' in home.content.decode()
    assert 'href="/data/"' in home.content.decode()
    assert anonymous_client.get("/", **host)["Location"] in ("/en/", "/nl/")
    assert anonymous_client.get(f"/en/commitments/{register.commitment.pk}/", **host).status_code == 200
    assert b"/en/commitments/" in anonymous_client.get("/sitemap-commitments-en.xml", **host).content
    assert "Sitemap: http://promises.example.org/sitemap.xml" in anonymous_client.get("/robots.txt", **host).content.decode()
    assert b"Go to the overview" in anonymous_client.get("/no-such-page/", **host).content
    for staff in ("/accounts/login/", "/admin/", "/commitments/", "/public/en/", "/healthz"):
        assert anonymous_client.get(staff, **host).status_code == 404, staff
    # The staff site's own host is unchanged.
    assert anonymous_client.get("/public/en/").status_code == 200
    assert anonymous_client.get("/commitments/").status_code == 302


def test_a_public_page_is_the_same_for_every_cookie_and_language_so_it_does_not_vary_on_them(
    anonymous_client, editor_client, register
):
    url = reverse("public:home", kwargs={"lang": "nl"})
    for client in (anonymous_client, editor_client):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert "Cookie" not in response.get("Vary", "")
        assert "Accept-Language" not in response.get("Vary", "")
        assert response["Content-Language"] == "nl"
    redirect = anonymous_client.get(reverse("public:root"))
    assert "Accept-Language" in redirect["Vary"], "the root chooses a language: it does vary"


def test_the_sitemap_keeps_its_robots_header_when_served_from_the_cache(anonymous_client, register):
    url = reverse("public:sitemap")
    assert anonymous_client.get(url)["X-Robots-Tag"] == anonymous_client.get(url)["X-Robots-Tag"] != ""


def public_settings(**environment) -> subprocess.CompletedProcess:
    """The public site's settings as a fresh start-up reads them from *environment*."""
    env = {key: value for key, value in os.environ.items() if key not in ("ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE")}
    env.update(environment, DEBUG="1", DJANGO_SETTINGS_MODULE="tracker.settings")
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TRACKER_PUBLIC_HOST, s.ALLOWED_HOSTS, s.CACHES['public']['BACKEND'], s.TRACKER_PUBLIC_MAX_AGE)"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_the_public_host_cache_and_max_age_come_from_the_environment():
    default = public_settings()
    assert default.stdout.split() == ["['127.0.0.1',", "'localhost']", "django.core.cache.backends.db.DatabaseCache", "60"]
    own_host = public_settings(PUBLIC_HOST="Promises.Example.org", PUBLIC_CACHE="memory", PUBLIC_MAX_AGE="300")
    assert own_host.stdout.split()[0] == "promises.example.org"
    assert "'promises.example.org']" in own_host.stdout, "added to ALLOWED_HOSTS"
    assert "locmem.LocMemCache" in own_host.stdout
    assert own_host.stdout.split()[-1] == "300"
    wrong = public_settings(PUBLIC_CACHE="redis")
    assert wrong.returncode != 0
    assert "PUBLIC_CACHE='redis' must be one of: database, memory, off" in wrong.stderr
