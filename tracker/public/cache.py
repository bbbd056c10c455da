"""Caching the public site: each page rendered once per address, language and publication version.

The publication version is a token kept in the "public" cache (settings.CACHES). Every write that
could change what the public sees replaces it (signals on the models below, once per transaction,
after the commit), so every page rendered before the write is no longer found: pages are emptied on
write, never by time alone. Today's date is part of each page's key too (what is overdue changes
at midnight without a write). The cache lives in the database by default, shared by every process,
so a write in one process empties the pages of all.

Anyone's browser or proxy may keep a page PUBLIC_MAX_AGE seconds (Cache-Control: public), and asks
again with If-None-Match: the page's ETag is its key, so a page that did not change answers 304
after a single read of the version.
"""

import functools
import hashlib
import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control

logger = logging.getLogger(__name__)

VERSION_KEY = "public:version"
# Rendered pages are kept a day at most: after midnight their keys (which name the date) are not asked again.
PAGE_TIMEOUT = 24 * 60 * 60


def _cache():
    return caches["public"]


def publication_version() -> str:
    """The current publication version (made on first use, and again if the cache lost it)."""
    version = _cache().get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        _cache().set(VERSION_KEY, version, timeout=None)
    return version


def publication_changed() -> None:
    """A new publication version at once: every cached public page is stale."""
    try:
        _cache().set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except DatabaseError:  # no cache table (createcachetable not run): nothing cached either
        logger.warning("The public cache could not be emptied: run `manage.py createcachetable`.")


def publication_changed_on_commit() -> None:
    """publication_changed() once the current transaction commits (at once outside one), and once
    per transaction whatever it writes: a page rendered between the write and the commit would
    otherwise be cached from the old data under the new version."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(callback is publication_changed for _, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(publication_changed, robust=True)


def _changed(sender, **kwargs) -> None:
    publication_changed_on_commit()


# What a public page shows comes from these models (the question and answer of a commitment, its
# minister, office and government, its themes, status updates with their voids and confirmations,
# deadline changes, merges and programmes).
WATCHED_MODELS = (
    "Commitment",
    "StatusUpdate",
    "StatusUpdateVoid",
    "StatusUpdateConfirmation",
    "DeadlineChange",
    "CommitmentMerge",
    "Question",
    "Answer",
    "Person",
    "Office",
    "Government",
    "Assembly",
    "Theme",
)


def connect_signals() -> None:
    """Called once, from the app's ready()."""
    from django.apps import apps

    for name in WATCHED_MODELS:
        model = apps.get_model("tracker", name)
        post_save.connect(_changed, sender=model, dispatch_uid=f"public-cache-save-{name}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"public-cache-delete-{name}")
    commitment = apps.get_model("tracker", "Commitment")
    m2m_changed.connect(_changed, sender=commitment.themes.through, dispatch_uid="public-cache-themes")


@functools.cache
def code_version() -> str:
    """A digest of the code, templates, translations and styles that render the pages, so that a new
    release never serves pages cached by the previous one (read once per process, a few milliseconds)."""
    digest = hashlib.sha256()
    base = settings.BASE_DIR
    patterns = [("tracker", "**/*.py"), ("tracker", "**/*.mo"), ("templates", "**/*.html"), ("static/tracker", "**/*.css")]
    for folder, pattern in patterns:
        for path in sorted((base / folder).glob(pattern)):
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# A query parameter's value is read up to this length for the key (the search reads no more of its text).
PARAMETER_LENGTH = 200


def _key(request: HttpRequest, version: str, params: tuple[str, ...]) -> str:
    """One entry per address, with the query parameters the page reads (*params*, in a fixed order:
    any other query string is the same page, so it cannot be used to fill the cache or get past
    it), host, language, date, publication version and release of the code; hashed, so that a long
    value makes no long key."""
    query = [(name, request.GET.get(name, "")[:PARAMETER_LENGTH]) for name in params if name in request.GET]
    raw = repr(
        (
            version,
            code_version(),
            timezone.localdate().isoformat(),
            translation.get_language(),
            request.get_host(),
            request.path,
            query,
        )
    )
    return "public:page:" + hashlib.sha256(raw.encode()).hexdigest()


# Headers of a rendered page that are kept with it in the cache (the sitemap's X-Robots-Tag).
KEPT_HEADERS = ("X-Robots-Tag",)


def _public_headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.TRACKER_PUBLIC_MAX_AGE)
    # The same for everyone: tracker.public.middleware drops the Vary on cookies and languages that
    # the session, login and locale middleware add (the language is in the address).
    response.public_page = True
    return response


def public_page(view: Callable | None = None, *, params: tuple[str, ...] = ()) -> Callable:
    """A page of the public site, which reads the query parameters *params* only: open without a
    login, in the language of its address (`lang`), GET or HEAD only, read from the cache when it
    was rendered since the last write, answered 304 when the browser has it already. A missing or
    unpublished object is the public 404 page. `@public_page` or `@public_page(params=("q", "page"))`."""
    if view is None:
        return functools.partial(public_page, params=params)

    @login_not_required
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, lang: str | None = None, **kwargs) -> HttpResponse:
        if lang is not None:
            translation.activate(lang)
            request.LANGUAGE_CODE = lang
            kwargs["lang"] = lang
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        try:
            key = _key(request, publication_version(), params)
            etag = f'"{key.rsplit(":", 1)[1][:32]}"'
            not_modified = get_conditional_response(request, etag=etag)
            if not_modified is not None:
                return _public_headers(not_modified, etag)
            cached = _cache().get(key)
        except DatabaseError:  # no cache table: serve uncached rather than fail
            logger.warning("The public cache is not available: run `manage.py createcachetable`.")
            return _render_or_404(view, request, args, kwargs)
        rendering = False
        if cached is None:
            rendering = _claim(key)
            if not rendering:
                cached = _wait_for(key)
        if cached is not None:
            content, content_type, headers = cached
            response = HttpResponse(content, content_type=content_type, headers=headers)
            response["X-Public-Cache"] = "hit"
            return _public_headers(response, etag)
        try:
            response = _render_or_404(view, request, args, kwargs)
            if response.status_code != 200 or getattr(response, "streaming", False):
                return response
            if hasattr(response, "render") and callable(response.render):
                response.render()
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            try:
                _cache().set(key, (response.content, response["Content-Type"], headers), timeout=PAGE_TIMEOUT)
            except DatabaseError:
                logger.warning("A public page could not be cached.", exc_info=True)
        finally:
            if rendering:
                _release(key)
        response["X-Public-Cache"] = "miss"
        return _public_headers(response, etag)

    return wrapper


# A spike right after a write: the first request for a page renders it, the others wait for it
# (polling the cache) rather than all rendering it at once; after WAIT_SECONDS they render it too.
LOCK_SECONDS = 30
WAIT_SECONDS = 3.0
POLL_SECONDS = 0.05


def _claim(key: str) -> bool:
    """Whether this request is the one to render the page *key* (no other is rendering it)."""
    try:
        return _cache().add(f"{key}:rendering", 1, timeout=LOCK_SECONDS)
    except DatabaseError:
        return True


def _release(key: str) -> None:
    try:
        _cache().delete(f"{key}:rendering")
    except DatabaseError:
        logger.warning("A public page's rendering claim could not be released.", exc_info=True)


def _wait_for(key: str):
    """The page *key* once the request rendering it has stored it; None after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        cached = _cache().get(key)
        if cached is not None:
            return cached
    return None


def _render_or_404(view: Callable, request: HttpRequest, args, kwargs) -> HttpResponse:
    from tracker.public.views import not_found

    try:
        return view(request, *args, **kwargs)
    except Http404:
        return not_found(request)
