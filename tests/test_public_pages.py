"""The public site's pages: open without a login, in English and Dutch, published data only."""

import re

import pytest
from django.urls import reverse

from tests.factories import CommitmentFactory, PersonFactory
from tests.public_data import EVIDENCE_URL, PUBLIC_NOTE, SECRETS, build_register
from tracker.models import Commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    return build_register()


def public_urls(register) -> dict[str, str]:
    """One address of every kind of public page, in both languages."""
    urls = {}
    for lang in ("en", "nl"):
        urls |= {
            f"home-{lang}": reverse("public:home", kwargs={"lang": lang}),
            f"government-{lang}": reverse("public:government", kwargs={"lang": lang, "slug": register.government.slug}),
            f"minister-{lang}": reverse("public:minister", kwargs={"lang": lang, "pk": register.minister.pk}),
            f"commitment-{lang}": reverse("public:commitment", kwargs={"lang": lang, "pk": register.commitment.pk}),
            f"programme-{lang}": reverse("public:commitment", kwargs={"lang": lang, "pk": register.programme.pk}),
            f"search-{lang}": reverse("public:search", kwargs={"lang": lang}) + "?q=buddywerking",
        }
    urls["sitemap"] = reverse("public:sitemap")
    for section in ("pages-en", "pages-nl", "commitments-en", "commitments-nl"):
        urls[f"sitemap-{section}"] = reverse("public:sitemap_section", kwargs={"section": section})
    return urls


def test_every_public_page_opens_without_a_login_and_shows_no_internal_detail(anonymous_client, register):
    for name, url in public_urls(register).items():
        response = anonymous_client.get(url)
        assert response.status_code == 200, name
        body = response.content.decode()
        for what, marker in SECRETS.items():
            assert marker.lower() not in body.lower(), f"{what} leaks on {name}"


def test_every_status_filter_shows_none_of_the_markers(anonymous_client, register):
    minister = reverse("public:minister", kwargs={"lang": "en", "pk": register.minister.pk})
    for value in ("", "open", "overdue", "kept", "broken", "refusals", "delayed", "fulfilled"):
        body = anonymous_client.get(minister, {"status": value}).content.decode().lower()
        for what, marker in SECRETS.items():
            assert marker.lower() not in body, f"{what} leaks on {minister}?status={value}"


@pytest.mark.parametrize("what", sorted(SECRETS))
def test_searching_for_a_marker_finds_nothing(anonymous_client, register, what):
    response = anonymous_client.get(reverse("public:search", kwargs={"lang": "en"}), {"q": SECRETS[what]})
    body = response.content.decode()
    assert "0 promises found" in body
    assert 'class="public-item"' not in body
    for other, marker in SECRETS.items():
        if other != what:
            assert marker.lower() not in body.lower(), f"{other} leaks when searching for the {what}"


def test_the_commitment_page_shows_the_quote_the_answer_the_public_timeline_and_the_deadline_moves(anonymous_client, register):
    commitment = register.commitment
    body = anonymous_client.get(reverse("public:commitment", kwargs={"lang": "en", "pk": commitment.pk})).content.decode()
    assert commitment.title in body
    assert commitment.quote in body
    assert commitment.reference in body
    assert commitment.answer.question.citation in body
    assert PUBLIC_NOTE in body
    assert EVIDENCE_URL in body
    assert "Besluit van de Vlaamse Regering" in body
    assert "Delayed" in body, "the update whose note is internal still shows, without its note"
    assert "Liesbeth Homans" in body
    assert "Armoedebestrijding" in body
    assert "Actieplan armoede" in body, "the programme it is a part of"
    assert re.search(r"First deadline", body)
    assert "1 time, " in body


def test_a_programme_lists_its_published_parts(anonymous_client, register):
    body = anonymous_client.get(reverse("public:commitment", kwargs={"lang": "en", "pk": register.programme.pk})).content.decode()
    assert "Parts of this programme" in body
    assert register.commitment.reference in body


@pytest.mark.parametrize("which", ["unpublished", "merged"])
def test_an_unpublished_or_merged_commitment_is_a_404_like_an_unknown_one(anonymous_client, register, which):
    commitment = getattr(register, which)
    response = anonymous_client.get(reverse("public:commitment", kwargs={"lang": "en", "pk": commitment.pk}))
    unknown = anonymous_client.get(reverse("public:commitment", kwargs={"lang": "en", "pk": 987654}))
    assert response.status_code == unknown.status_code == 404
    assert response.content == unknown.content


def test_a_person_without_published_commitments_has_no_public_page(anonymous_client):
    internal_only = PersonFactory()
    CommitmentFactory(answer__question__addressee=internal_only, responsible_person=internal_only, published=False)
    assert anonymous_client.get(reverse("public:minister", kwargs={"lang": "en", "pk": internal_only.pk})).status_code == 404


def test_home_counts_published_promises_per_government_and_minister_and_refusals_apart(anonymous_client, register):
    body = anonymous_client.get(reverse("public:home", kwargs={"lang": "en"})).content.decode()
    assert register.government.name in body
    assert reverse("public:minister", kwargs={"lang": "en", "pk": register.minister.pk}) in body
    assert "and 1 explicit refusal, counted apart" in body
    # Two published promises (the programme and its part); the unpublished and the merged are not counted.
    assert re.search(r'headline-number">2</span><span class="headline-label">promises made', body)


def test_the_minister_page_filters_by_status(anonymous_client, register):
    url = reverse("public:minister", kwargs={"lang": "en", "pk": register.minister.pk})
    assert "Geen extra middelen" in anonymous_client.get(url, {"status": "refusals"}).content.decode()
    delayed = anonymous_client.get(url, {"status": "delayed"}).content.decode()
    assert register.commitment.title in delayed
    assert "Geen extra middelen" not in delayed
    assert "was not understood" in anonymous_client.get(url, {"status": "bogus"}).content.decode()


def test_search_finds_published_commitments_only(anonymous_client, register):
    url = reverse("public:search", kwargs={"lang": "en"})
    assert register.commitment.title in anonymous_client.get(url, {"q": "buddywerking"}).content.decode()
    Commitment.objects.filter(pk=register.commitment.pk).update(published=False)
    assert register.commitment.title not in anonymous_client.get(url, {"q": "buddywerking projectoproep"}).content.decode()


def test_the_language_is_in_the_address_with_alternates_canonical_and_open_graph_tags(anonymous_client, register):
    url = reverse("public:commitment", kwargs={"lang": "nl", "pk": register.commitment.pk})
    response = anonymous_client.get(url)
    body = response.content.decode()
    assert '<html lang="nl">' in body
    assert "Wat werd beloofd" in body or "What was promised" in body  # translated once the lead's catalogue has it
    assert f'<link rel="canonical" href="http://testserver{url}">' in body
    english = reverse("public:commitment", kwargs={"lang": "en", "pk": register.commitment.pk})
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{english}">' in body
    assert f'<link rel="alternate" hreflang="nl" href="http://testserver{url}">' in body
    for tag in ("og:title", "og:description", "og:url", "og:type", "og:locale"):
        assert f'property="{tag}"' in body
    assert '<meta property="og:locale" content="nl_BE">' in body
    assert '<meta property="og:type" content="article">' in body
    assert response["Content-Language"] == "nl"


def test_the_public_root_sends_visitors_to_the_home_page_in_their_language(anonymous_client):
    response = anonymous_client.get(reverse("public:root"), HTTP_ACCEPT_LANGUAGE="nl-BE,nl;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/public/nl/"


def test_the_sitemap_lists_published_pages_in_both_languages_and_nothing_else(anonymous_client, register):
    index = anonymous_client.get(reverse("public:sitemap")).content.decode()
    assert "sitemap-commitments-nl.xml" in index
    commitments = anonymous_client.get(reverse("public:sitemap_section", kwargs={"section": "commitments-en"})).content.decode()
    assert f"/public/en/commitments/{register.commitment.pk}/" in commitments
    assert f'hreflang="nl" href="http://testserver/public/nl/commitments/{register.commitment.pk}/"' in commitments
    assert f"/commitments/{register.unpublished.pk}/" not in commitments
    assert f"/commitments/{register.merged.pk}/" not in commitments
    pages = anonymous_client.get(reverse("public:sitemap_section", kwargs={"section": "pages-nl"})).content.decode()
    assert f"/public/nl/ministers/{register.minister.pk}/" in pages
    assert f"/public/nl/governments/{register.government.slug}/" in pages


def test_the_pages_link_the_open_data_downloads_and_the_licence(anonymous_client, register):
    body = anonymous_client.get(reverse("public:home", kwargs={"lang": "en"})).content.decode()
    assert 'href="/public/data/"' in body
    assert "CC BY 4.0" in body
    assert "Log out" not in body, "no staff navigation"
    assert "My work" not in body


def test_a_common_word_is_ranked_among_its_recent_matches_and_paged(
    postgres_only, anonymous_client, register, monkeypatch, settings
):
    monkeypatch.setattr("tracker.search.expected_matches", lambda model, words: 10**6)  # as for a word found everywhere
    monkeypatch.setattr("tracker.search.RANK_WINDOW", 8)
    settings.TRACKER_PAGE_SIZE = 5
    for number in range(10):
        CommitmentFactory(published=True, title=f"Kinderopvang plaatsen {number}")
    CommitmentFactory(published=False, title="Kinderopvang intern")
    url = reverse("public:search", kwargs={"lang": "en"})
    first = anonymous_client.get(url, {"q": "kinderopvang"}).content.decode()
    assert "8 promises found" in first
    assert first.count('class="public-item"') == 5
    second = anonymous_client.get(url, {"q": "kinderopvang", "page": 2}).content.decode()
    assert second.count('class="public-item"') == 3
    assert "Kinderopvang intern" not in first + second


def test_an_internal_programme_is_not_named_on_its_published_parts_page(anonymous_client, register):
    Commitment.objects.filter(pk=register.programme.pk).update(published=False)
    body = anonymous_client.get(
        reverse("public:commitment", kwargs={"lang": "en", "pk": register.commitment.pk})
    ).content.decode()
    assert "Actieplan armoede" not in body
    assert register.programme.reference not in body


def test_the_staff_page_of_a_published_commitment_links_its_public_page(viewer_client, register):
    public = reverse("public:commitment", kwargs={"lang": "en", "pk": register.commitment.pk})
    assert public in viewer_client.get(reverse("commitment_detail", args=[register.commitment.pk])).content.decode()
    assert "/public/" not in viewer_client.get(reverse("commitment_detail", args=[register.unpublished.pk])).content.decode()


def test_an_empty_register_has_a_public_site_that_says_so(anonymous_client):
    CommitmentFactory(published=False)
    for url in (
        reverse("public:home", kwargs={"lang": "en"}),
        reverse("public:search", kwargs={"lang": "en"}) + "?q=toezegging",
        reverse("public:sitemap_section", kwargs={"section": "commitments-en"}),
    ):
        response = anonymous_client.get(url)
        assert response.status_code == 200, url
    assert "No published promises yet." in anonymous_client.get(reverse("public:home", kwargs={"lang": "en"})).content.decode()


def test_a_search_without_a_word_lists_nothing_rather_than_everything(anonymous_client, register):
    body = anonymous_client.get(reverse("public:search", kwargs={"lang": "en"}), {"q": "*:()!&|"}).content.decode()
    assert 'class="public-item"' not in body
    assert 'value="*:()!&amp;|"' in body
