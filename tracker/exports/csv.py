"""CSV for spreadsheets, written in one place for every export: UTF-8 with a byte-order mark (so that
Excel keeps Dutch accents), a comma or, for Excel set to Dutch, a semicolon, streamed line by line,
and no cell a spreadsheet would run as a formula."""

import csv
import datetime
from collections.abc import Iterable, Iterator

from django.http import HttpRequest, StreamingHttpResponse

BYTE_ORDER_MARK = "\ufeff"
DELIMITERS = {"comma": ",", "semicolon": ";"}

# OWASP, "CSV Injection": a spreadsheet runs a cell beginning with = + - or @ as a formula (a tab or a
# carriage return in front is skipped, and what follows still runs), so an editor's text could run on
# a colleague's machine when the export is opened. A leading quote makes the spreadsheet read it as text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def delimiter_named(name: str | None) -> str:
    """The delimiter a `delimiter` parameter names (`semicolon` for Dutch Excel); a comma otherwise."""
    return DELIMITERS.get(name, ",")


def cell(value):
    """A value as written: text that could start a formula behind a quote, dates in ISO, yes/no for
    flags; numbers and None (an empty cell) as they are."""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class _Echo:
    """A file for csv.writer that hands each formatted line back instead of storing it."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[Iterable], *, delimiter: str = ",") -> Iterator[str]:
    """The byte-order mark and header, then one line per row, each made only when asked for."""
    writer = csv.writer(_Echo(), delimiter=delimiter)
    yield BYTE_ORDER_MARK + writer.writerow(header)
    for row in rows:
        yield writer.writerow([cell(value) for value in row])


def csv_response(request: HttpRequest, header: list[str], rows: Iterable[Iterable], *, filename: str) -> StreamingHttpResponse:
    """The rows as a streamed CSV download, delimited as the request's `delimiter` parameter asks."""
    lines = csv_lines(header, rows, delimiter=delimiter_named(request.GET.get("delimiter")))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
