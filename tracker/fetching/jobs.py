"""Wiring a fetcher to the importer: which questions to fetch, and which files belong to each.

A question already stored with its answer's text is skipped, so a run that was interrupted (or
failed half-way) continues where it stopped when run again; no state is kept besides the data.
"""

from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from django.conf import settings

from tracker.fetching.http import FetchError, PoliteSession
from tracker.fetching.vlaams_parlement import Fetched, Hit, VlaamsParlement
from tracker.imports.records import DocumentError
from tracker.imports.runner import parse_document
from tracker.models import Question

USER_AGENT = "commitment-tracker/1 (written questions and the promises in their answers; contact: {contact})"
_ID_BATCH = 500  # ids per query: well under every database's limit on parameters
# A record's links are followed only to the parliament's own sites: a link elsewhere (another
# server, an address inside this network) is not the parliament's document, and is not fetched.
PARLIAMENT_SITES = ("vlaamsparlement.be", "vlpar.be")


def polite_session(*, pause: float | None = None) -> PoliteSession:
    """An HTTP session configured from the settings (FETCH_CONTACT, FETCH_PAUSE_MS, ...)."""
    return PoliteSession(
        user_agent=USER_AGENT.format(contact=settings.TRACKER_FETCH_CONTACT),
        pause=settings.TRACKER_FETCH_PAUSE_MS / 1000 if pause is None else pause,
        retries=settings.TRACKER_FETCH_RETRIES,
        timeout=(10.0, float(settings.TRACKER_FETCH_TIMEOUT_SECONDS)),
    )


def stored_with_answer(open_data_ids: Iterable[str]) -> set[str]:
    """The ids of the questions stored with their answer's text: there is nothing left to fetch."""
    ids = list(open_data_ids)
    stored: set[str] = set()
    for start in range(0, len(ids), _ID_BATCH):
        stored.update(
            Question.objects.filter(open_data_id__in=ids[start : start + _ID_BATCH], answer__isnull=False)
            .exclude(answer__text="")
            .values_list("open_data_id", flat=True)
        )
    return stored


def question_files(client: VlaamsParlement, hit: Hit, *, failed: Callable[[str], None]) -> Iterator[tuple[str, bytes]]:
    """A question's open-data record, then its document (the record's first link, else the search
    result's); a file that cannot be fetched is reported through *failed* and the rest goes on."""
    try:
        record = client.record(hit.open_data_id)
    except FetchError as error:
        failed(f"record {hit.open_data_id}: {error}")
        return
    yield record.name, record.data
    url = next(iter(document_links(record)), "") or hit.document_url
    if not url:
        return
    if not on_parliament_site(url):
        failed(f"document of record {hit.open_data_id}: {url[:100]} is not on the parliament's sites; not fetched")
        return
    try:
        document = client.document(url, open_data_id=hit.open_data_id, mimetype=hit.mimetype)
    except FetchError as error:
        failed(f"document of record {hit.open_data_id}: {error}")
        return
    yield document.name, document.data


def on_parliament_site(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme in ("http", "https") and any(host == site or host.endswith(f".{site}") for site in PARLIAMENT_SITES)


def document_links(record: Fetched) -> list[str]:
    """The web addresses of the documents a fetched record lists, as the importer reads them."""
    try:
        parsed = parse_document(record.name, record.data)
    except DocumentError:
        return []
    return [
        link
        for _label, question in parsed
        if not isinstance(question, DocumentError)
        for link in question.documents
        if link.startswith(("https://", "http://"))
    ]
