"""The public site's sitemap (django.contrib.sitemaps): an index, and per language a section of its
pages and sections of its commitments, each address with its other languages (hreflang)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from tracker.models import Government
from tracker.public import selectors


class PublicSitemap(Sitemap):
    """The addresses of one language; each names its counterparts in the others."""

    limit = 5000

    def __init__(self, lang: str):
        self.lang = lang

    def address(self, item, lang: str) -> str:
        raise NotImplementedError

    def location(self, item) -> str:
        return self.address(item, self.lang)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            url["alternates"] = [
                {"location": root + self.address(url["item"], code), "lang_code": code} for code, _name in settings.LANGUAGES
            ]
        return urls


class PagesSitemap(PublicSitemap):
    """The home page, the governments' and the ministers' pages."""

    def items(self):
        return [("home", None), *(("government", slug) for slug in Government.objects.values_list("slug", flat=True))] + [
            ("minister", pk) for pk in selectors.sitemap_ministers().values_list("pk", flat=True)
        ]

    def address(self, item, lang: str) -> str:
        kind, key = item
        if kind == "home":
            return reverse("public:home", kwargs={"lang": lang})
        if kind == "government":
            return reverse("public:government", kwargs={"lang": lang, "slug": key})
        return reverse("public:minister", kwargs={"lang": lang, "pk": key})


class CommitmentsSitemap(PublicSitemap):
    """Every published commitment's page, with the date it last changed."""

    def items(self):
        return selectors.published().only("pk", "updated_at").order_by("pk")

    def address(self, item, lang: str) -> str:
        return reverse("public:commitment", kwargs={"lang": lang, "pk": item.pk})

    def lastmod(self, item):
        return item.updated_at


def sitemaps() -> dict[str, PublicSitemap]:
    sections = {}
    for code, _name in settings.LANGUAGES:
        sections[f"pages-{code}"] = PagesSitemap(code)
        sections[f"commitments-{code}"] = CommitmentsSitemap(code)
    return sections
