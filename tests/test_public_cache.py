"""The public site's cache: a page is rendered once per address, language, day and publication
version; every write that could change it empties the cache (after the commit); browsers and
proxies may keep a page a minute and ask again with its ETag."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from tests.factories import CommitmentFactory, ThemeFactory
from tests.public_data import build_register
from tracker.models import Status, StatusUpdate
from tracker.services.commitments import commitment_record_status
from tracker.services.publishing import commitment_publish, status_update_publish_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment():
    return CommitmentFactory(published=True, title="Projectoproep buddywerking")


def url_of(commitment, lang="en") -> str:
    return reverse("public:commitment", kwargs={"lang": lang, "pk": commitment.pk})


def test_a_page_is_rendered_once_then_served_from_the_cache(anonymous_client, commitment, django_assert_max_num_queries):
    first = anonymous_client.get(url_of(commitment))
    assert first["X-Public-Cache"] == "miss"
    with django_assert_max_num_queries(2):  # the version and the page
        second = anonymous_client.get(url_of(commitment))
    assert second["X-Public-Cache"] == "hit"
    assert second.content == first.content


def test_a_query_string_the_page_does_not_read_is_the_same_cached_page(anonymous_client, commitment):
    first = anonymous_client.get(url_of(commitment))
    for junk in ("utm_source=newsletter", "x=1&y=2", "page=3"):
        again = anonymous_client.get(f"{url_of(commitment)}?{junk}")
        assert again["X-Public-Cache"] == "hit", junk
        assert again["ETag"] == first["ETag"]
    search = reverse("public:search", kwargs={"lang": "en"})
    anonymous_client.get(search, {"q": "buddywerking"})
    assert anonymous_client.get(search, {"q": "buddywerking", "fbclid": "abc"})["X-Public-Cache"] == "hit"
    assert anonymous_client.get(search, {"q": "buddywerking", "page": "2"})["X-Public-Cache"] == "miss"


def test_public_pages_may_be_kept_by_anyone_for_a_minute_staff_pages_by_no_one(anonymous_client, viewer_client, commitment):
    public = anonymous_client.get(url_of(commitment))
    assert public["Cache-Control"] == "public, max-age=60"
    assert public["ETag"]
    staff = viewer_client.get(reverse("commitment_detail", args=[commitment.pk]))
    assert "no-store" in staff["Cache-Control"]
    assert "private" in staff["Cache-Control"]


def test_a_page_the_browser_has_is_answered_304_after_one_query(anonymous_client, commitment, django_assert_max_num_queries):
    etag = anonymous_client.get(url_of(commitment))["ETag"]
    with django_assert_max_num_queries(1):
        response = anonymous_client.get(url_of(commitment), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["Cache-Control"] == "public, max-age=60"


def test_each_language_has_its_own_cached_page(anonymous_client, commitment):
    english = anonymous_client.get(url_of(commitment, "en"))
    dutch = anonymous_client.get(url_of(commitment, "nl"))
    assert dutch["X-Public-Cache"] == "miss"
    assert english["ETag"] != dutch["ETag"]
    assert b'<html lang="nl">' in dutch.content


# Emptying the cache happens when a write commits: these tests commit (a transactional database).
@pytest.fixture
def committed(reference_data):
    caches["public"].clear()
    yield
    caches["public"].clear()


@pytest.mark.django_db(transaction=True)
def test_recording_a_status_empties_the_cache_once_committed(committed, anonymous_client):
    commitment = CommitmentFactory(published=True)
    anonymous_client.get(url_of(commitment))
    assert anonymous_client.get(url_of(commitment))["X-Public-Cache"] == "hit"
    commitment_record_status(commitment=commitment, user=None, status=Status.FULFILLED, observed_on=datetime.date(2019, 1, 1))
    response = anonymous_client.get(url_of(commitment))
    assert response["X-Public-Cache"] == "miss"
    assert "Fulfilled" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_making_a_commitment_internal_takes_it_off_the_public_site_at_once(committed, anonymous_client):
    commitment = CommitmentFactory(published=True)
    assert anonymous_client.get(url_of(commitment)).status_code == 200
    commitment_publish(commitment=commitment, published=False, user=None)
    assert anonymous_client.get(url_of(commitment)).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_withdrawing_a_public_note_empties_the_cache(committed, anonymous_client):
    register = build_register()
    url = url_of(register.commitment)
    assert "Publieke toelichting" in anonymous_client.get(url).content.decode()
    update = StatusUpdate.objects.get(
        commitment=register.commitment, note_is_public=True, void__isnull=True, needs_confirmation=False
    )
    status_update_publish_note(update=update, public=False)
    assert "Publieke toelichting" not in anonymous_client.get(url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_change_of_the_minister_or_a_theme_empties_the_cache_too(committed, anonymous_client):
    commitment = CommitmentFactory(published=True)
    anonymous_client.get(url_of(commitment))
    person = commitment.responsible_person
    person.last_name = "Hernoemd"
    person.save()
    assert "Hernoemd" in anonymous_client.get(url_of(commitment)).content.decode()
    commitment.themes.add(ThemeFactory(name="Kinderopvang"))
    assert "Kinderopvang" in anonymous_client.get(url_of(commitment)).content.decode()


def fail_after_recording(block, commitment):
    with block:
        commitment_record_status(commitment=commitment, user=None, status=Status.DELAYED, observed_on=datetime.date(2019, 2, 1))
        raise RuntimeError


@pytest.mark.django_db(transaction=True)
def test_a_write_empties_the_cache_once_per_transaction_and_only_when_it_commits(committed):
    commitment = CommitmentFactory(published=True)
    with mock.patch("tracker.public.cache.publication_changed") as changed:
        with transaction.atomic():
            for day in (1, 2, 3):
                commitment_record_status(
                    commitment=commitment, user=None, status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, day)
                )
            assert changed.call_count == 0, "not before the commit"
        assert changed.call_count == 1
        rolled_back = transaction.atomic()
        with pytest.raises(RuntimeError):
            fail_after_recording(rolled_back, commitment)
        assert changed.call_count == 1, "a rolled back write changes nothing"


def test_a_page_cached_yesterday_is_not_served_today_what_is_overdue_changes_at_midnight(anonymous_client):
    commitment = CommitmentFactory(published=True, deadline=datetime.date(2030, 6, 30))
    with time_machine.travel(datetime.datetime(2030, 6, 30, 12, tzinfo=datetime.UTC)):
        assert (
            "overdue" not in anonymous_client.get(url_of(commitment)).content.decode().split("<main", 1)[1].split("</header>")[0]
        )
    with time_machine.travel(datetime.datetime(2030, 7, 2, 12, tzinfo=datetime.UTC)):
        response = anonymous_client.get(url_of(commitment))
    assert response["X-Public-Cache"] == "miss"
    assert "2 days overdue" in response.content.decode()


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "public": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
)
def test_with_the_cache_off_every_request_renders_the_page(anonymous_client, commitment):
    assert anonymous_client.get(url_of(commitment))["X-Public-Cache"] == "miss"
    assert anonymous_client.get(url_of(commitment))["X-Public-Cache"] == "miss"


def test_while_another_request_renders_a_page_this_one_waits_for_it_instead_of_rendering_it_too(anonymous_client, commitment):
    from tracker.public import cache

    url = url_of(commitment)
    rendered = anonymous_client.get(url)  # to learn the page's key and content
    caches["public"].clear()
    cache.publication_changed()
    stored = {}

    def another_request_is_rendering(lock, value, timeout):
        stored["key"] = lock.removesuffix(":rendering")
        return False

    def the_other_request_stores_it(seconds):
        caches["public"].set(stored["key"], (rendered.content, rendered["Content-Type"], {}))

    with (
        mock.patch.object(caches["public"], "add", side_effect=another_request_is_rendering),
        mock.patch("tracker.public.cache.time.sleep", side_effect=the_other_request_stores_it) as slept,
        mock.patch("tracker.public.views.selectors.public_commitment") as rendering,
    ):
        response = anonymous_client.get(url)
    assert response["X-Public-Cache"] == "hit"
    assert slept.call_count == 1
    rendering.assert_not_called()


def test_a_request_that_waited_long_enough_renders_the_page_itself(anonymous_client, commitment):
    with (
        mock.patch.object(caches["public"], "add", return_value=False),
        mock.patch("tracker.public.cache.WAIT_SECONDS", 0.05),
        mock.patch("tracker.public.cache.POLL_SECONDS", 0.01),
    ):
        response = anonymous_client.get(url_of(commitment))
    assert response.status_code == 200
    assert response["X-Public-Cache"] == "miss"
