"""The Flemish Parliament's web services (shared/sources/vlaams-parlement.md): finding the written
questions published in a date range through the search service, then fetching each one's
open-data record and its document.

The open-data service cannot list questions; the search service can, but answers at most 10,000
results per query, so a range holding more is split in halves until each part holds fewer.
"""

import datetime
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from tracker.fetching.http import FetchError, PoliteSession

SEARCH_URL = "https://ws.vlpar.be/api/search/query/{query}"
RECORD_URL = "https://ws.vlpar.be/e/opendata/schv/{id}"
SEARCH_LIMIT = 10_000
PAGE_SIZE = 100  # the largest page the search service is known to give
_RECORD_ID = re.compile(r"/schv/(\d+)")
_TRAILING_ID = re.compile(r"/(\d+)/?$")
_FEED_ID = re.compile(r"/(\d+)/pfls\b")
_SUFFIXES = {
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/json": ".json",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/plain": ".txt",
}
_MAGIC = ((b"%PDF-", ".pdf"), (b"PK\x03\x04", ".docx"), (b"\xd0\xcf\x11\xe0", ".doc"))


@dataclass(frozen=True)
class Hit:
    """A written question as the search service lists it."""

    open_data_id: str
    document_url: str = ""
    mimetype: str = ""


@dataclass(frozen=True)
class Fetched:
    """A file as fetched, named so that the importer knows its type (schv-1450827.json)."""

    name: str
    data: bytes


def search_query(since: datetime.date, until: datetime.date) -> str:
    """Written questions published from *since* to *until*, both included, in the search service's syntax."""
    return (
        f"inmeta:publicatiedatum:daterange:{since.isoformat()}..{until.isoformat()}"
        "&requiredfields=aggregaattype:Schriftelijke%20vraag"
    )


class VlaamsParlement:
    def __init__(self, http: PoliteSession, *, page_size: int = PAGE_SIZE):
        self.http = http
        self.page_size = page_size

    def written_questions(self, since: datetime.date, until: datetime.date) -> list[Hit]:
        """Every written question published in the range, once each, in the order listed."""
        hits: dict[str, Hit] = {}
        for hit in self._search(since, until):
            hits.setdefault(hit.open_data_id, hit)
        return list(hits.values())

    def _search(self, since: datetime.date, until: datetime.date) -> Iterator[Hit]:
        page = self._page(since, until, 1)
        count = _whole_number(page.get("count"))
        if count >= SEARCH_LIMIT:
            if since >= until:
                raise FetchError(f"{since}: {count} results in one day, more than the search service gives ({SEARCH_LIMIT})")
            middle = since + (until - since) // 2
            yield from self._search(since, middle)
            yield from self._search(middle + datetime.timedelta(days=1), until)
            return
        yield from hits_in(page)
        for number in range(2, math.ceil(count / self.page_size) + 1):
            page = self._page(since, until, number)
            if not page.get("result"):
                break
            yield from hits_in(page)

    def _page(self, since: datetime.date, until: datetime.date, number: int) -> dict:
        response = self.http.get(
            SEARCH_URL.format(query=search_query(since, until)),
            params={"collection": "vp_collection", "sort": "date", "max": self.page_size, "page": number},
            accept="application/json",
        )
        try:
            page = response.json()
        except ValueError:
            raise FetchError(f"{response.url}: the search service did not answer JSON") from None
        if not isinstance(page, dict):
            raise FetchError(f"{response.url}: the search service answered something other than a page of results")
        return page

    def record(self, open_data_id: str) -> Fetched:
        """The question's open-data record, asked for as JSON (XML is the service's default)."""
        response = self.http.get(RECORD_URL.format(id=open_data_id), accept="application/json")
        suffix = ".xml" if "xml" in response.headers.get("Content-Type", "") else ".json"
        return Fetched(name=f"schv-{open_data_id}{suffix}", data=response.content)

    def document(self, url: str, *, open_data_id: str, mimetype: str = "") -> Fetched:
        """The question's document (usually a PDF holding question and answer), named by its type."""
        response = self.http.get(url)
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        suffix = (
            _SUFFIXES.get(content_type)
            or next((suffix for magic, suffix in _MAGIC if response.content.startswith(magic)), "")
            or _SUFFIXES.get(mimetype.lower(), "")
            or PurePosixPath(urlsplit(url).path).suffix.lower()
            or ".bin"
        )
        return Fetched(name=f"schv-{open_data_id}-document{suffix}", data=response.content)


def hits_in(page: dict) -> Iterator[Hit]:
    """The written questions among a page's results; a result without a record id is skipped."""
    for result in page.get("result") or []:
        if not isinstance(result, dict):
            continue
        tags = metatags(result)
        if tags.get("soort", "SCHV").upper() != "SCHV":
            continue
        open_data_id = _record_id(tags.get("opendata", ""), str(result.get("url") or ""), str(result.get("id") or ""))
        if open_data_id:
            yield Hit(
                open_data_id,
                document_url=tags.get("document", ""),
                mimetype=tags.get("mimetype") or str(result.get("mimetype") or ""),
            )


def metatags(result: dict) -> dict[str, str]:
    """A result's metatags by name (the first value of a name given more than once)."""
    found: dict[str, str] = {}
    tags = (result.get("metatags") or {}).get("metatag") or []
    for tag in tags if isinstance(tags, list) else [tags]:
        if isinstance(tag, dict) and tag.get("name") and tag.get("value") is not None:
            found.setdefault(str(tag["name"]), str(tag["value"]).strip())
    return found


def _record_id(opendata_url: str, url: str, feed_id: str) -> str:
    """The record's id: from the open-data link (…/schv/1450827), the public page's address, or the
    result's own id (http://be.vlp.feed/1450827/pfls/1450900)."""
    for pattern, text in ((_RECORD_ID, opendata_url), (_TRAILING_ID, url), (_FEED_ID, feed_id)):
        match = pattern.search(text)
        if match:
            return match.group(1)
    return ""


def _whole_number(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0
