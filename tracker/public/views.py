"""The public site's pages: thin views over tracker.public.selectors, each cached (tracker.public.cache)."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from tracker.models import Commitment, Government, Person
from tracker.pagination import paginate
from tracker.public import selectors
from tracker.public.cache import public_page

SEARCH_MAX_LENGTH = 200
# Open Graph names the language with its region: the documents are Flemish.
OG_LOCALES = {"en": "en_GB", "nl": "nl_BE"}


def _meta(request: HttpRequest, *, title: str, description: str, og_type: str = "website", keep: tuple[str, ...] = ()) -> dict:
    """What every public page's head carries: the canonical address (with the query parameters in
    *keep* only), the same page in every language (hreflang), and the Open Graph tags."""
    match = request.resolver_match
    query = urlencode([(name, request.GET[name][:SEARCH_MAX_LENGTH]) for name in keep if request.GET.get(name)])
    suffix = f"?{query}" if query else ""

    def address(lang: str) -> str:
        return request.build_absolute_uri(reverse(match.view_name, kwargs={**match.kwargs, "lang": lang})) + suffix

    language = translation.get_language()
    return {
        "page_title": title,
        "page_description": truncatechars(" ".join(description.split()), 200),
        "canonical_url": address(language),
        "alternates": [(code, name, address(code)) for code, name in settings.LANGUAGES],
        "og_type": og_type,
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language],
        "x_default_url": address(settings.LANGUAGE_CODE),
    }


def not_found(request: HttpRequest) -> HttpResponse:
    """The same page for what does not exist and what is not published (never a 403)."""
    return render(request, "public/404.html", {"page_title": _("Not found")}, status=404)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    """The public host's 404 page (handler404 of tracker/public/host_urls.py)."""
    return not_found(request)


@public_page
def robots_txt_view(request: HttpRequest) -> HttpResponse:
    """On the public site's own host: everything may be crawled, and here is the sitemap."""
    sitemap = request.build_absolute_uri(reverse("public:sitemap"))
    return HttpResponse(f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n", content_type="text/plain; charset=utf-8")


@login_not_required
def choose_language_view(request: HttpRequest) -> HttpResponse:
    """The public site's root: its home page in the visitor's language (cookie, browser, default)."""
    return HttpResponseRedirect(reverse("public:home", kwargs={"lang": translation.get_language()}))


@public_page
def home_view(request: HttpRequest, lang: str) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "records": selectors.records(as_of=today),
        "today": today,
        **_meta(
            request,
            title=_("Promises ministers made, and what became of them"),
            description=_(
                "Every promise a minister made in an answer to a written parliamentary question, followed up "
                "until it is kept or broken: per government and per minister."
            ),
        ),
    }
    return render(request, "public/home.html", context)


@public_page
def government_view(request: HttpRequest, lang: str, slug: str) -> HttpResponse:
    try:
        government = selectors.public_government(slug)
    except Government.DoesNotExist:
        raise Http404 from None
    today = timezone.localdate()
    context = {
        "government": government,
        "records": selectors.records(as_of=today, government=government),
        "today": today,
        **_meta(
            request,
            title=government.name,
            description=_("The promises the ministers of %(government)s made, and what became of them.")
            % {"government": government.name},
        ),
    }
    return render(request, "public/government.html", context)


@public_page(params=("status", "page"))
def minister_view(request: HttpRequest, lang: str, pk: int) -> HttpResponse:
    try:
        person = selectors.public_minister(pk)
    except Person.DoesNotExist:
        raise Http404 from None
    today = timezone.localdate()
    form = selectors.StatusFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    commitments = selectors.minister_commitments(person, status, as_of=today)
    context = {
        "person": person,
        "offices": selectors.minister_offices(person),
        "record": selectors.minister_record(person, as_of=today),
        "form": form,
        "status": status,
        "page": paginate(request, commitments, rows=lambda ids: selectors.rows(ids, as_of=today)),
        "today": today,
        **_meta(
            request,
            title=person.full_name,
            description=_("The promises %(name)s made in answers to written parliamentary questions, and what became of them.")
            % {"name": person.full_name},
            og_type="profile",
            keep=("status", "page"),
        ),
    }
    return render(request, "public/minister.html", context)


@public_page
def commitment_view(request: HttpRequest, lang: str, pk: int) -> HttpResponse:
    today = timezone.localdate()
    try:
        commitment = selectors.public_commitment(pk, as_of=today)
    except Commitment.DoesNotExist:
        raise Http404 from None
    before, quote, after = commitment.quote_in_context()
    context = {
        "commitment": commitment,
        "question": commitment.answer.question,
        "answer": commitment.answer,
        "quote_before": before,
        "quote_text": quote,
        "quote_after": after,
        "timeline": selectors.timeline(commitment),
        "deadline_moves": selectors.deadline_moves(commitment) if commitment.deadline_slipped else [],
        "parent": selectors.public_parent(commitment),
        "parts": selectors.public_parts(commitment),
        "today": today,
        **_meta(
            request,
            title=f"{commitment.reference} {commitment.title}",
            description=f"{commitment.responsible_person.full_name}: “{commitment.quote}”",
            og_type="article",
        ),
    }
    return render(request, "public/commitment.html", context)


@public_page(params=("q", "page"))
def search_view(request: HttpRequest, lang: str) -> HttpResponse:
    text = request.GET.get("q", "")[:SEARCH_MAX_LENGTH].replace("\x00", "").strip()
    today = timezone.localdate()
    # Text without a letter or digit has no word to look for (tracker.search): no results, not all of them.
    searchable = any(character.isalnum() for character in text)
    page = selectors.search(text, page=request.GET.get("page"), as_of=today) if searchable else None
    context = {
        "q": text,
        "page": page,
        "today": today,
        **_meta(
            request,
            title=_("Search promises"),
            description=_("Search the promises ministers made in answers to written parliamentary questions."),
            keep=("q", "page"),
        ),
    }
    return render(request, "public/search.html", context)
