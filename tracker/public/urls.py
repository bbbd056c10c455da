"""The public site's addresses, under /public/ (tracker/urls.py) or at the root of its own host
(tracker/public/host_urls.py). The language is part of every page's address: /public/nl/..."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, register_converter

from tracker.public import views
from tracker.public.cache import public_page
from tracker.public.sitemaps import sitemaps


class LanguageConverter:
    """One of settings.LANGUAGES: any other first segment is not a public page."""

    regex = "|".join(code for code, _name in settings.LANGUAGES)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(LanguageConverter, "lang")

SITEMAPS = sitemaps()

app_name = "public"
urlpatterns = [
    path("", views.choose_language_view, name="root"),
    path(
        "sitemap.xml",
        public_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "public:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        public_page(sitemap_views.sitemap, params=("p",)),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("<lang:lang>/", views.home_view, name="home"),
    path("<lang:lang>/governments/<slug:slug>/", views.government_view, name="government"),
    path("<lang:lang>/ministers/<int:pk>/", views.minister_view, name="minister"),
    path("<lang:lang>/commitments/<int:pk>/", views.commitment_view, name="commitment"),
    path("<lang:lang>/search/", views.search_view, name="search"),
]
