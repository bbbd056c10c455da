"""The CSV both exports write (tracker/exports/csv.py): a byte-order mark, a comma or a semicolon, and
no cell a spreadsheet would run as a formula, whatever the text an editor typed."""

import codecs
import csv
import datetime
import io

import pytest
from django.core.management import call_command

from tests.factories import CommitmentFactory
from tracker.exports import list_export, tracker_export
from tracker.exports.csv import FORMULA_TRIGGERS, csv_lines
from tracker.models import Commitment, Status
from tracker.services.commitments import commitment_record_status

pytestmark = pytest.mark.django_db

# The commitment list's export (of the rows the list shows) and the export of everything.
EXPORTS = {
    "list": ("/commitments/export.csv", {}, list_export.CSV_COLUMNS),
    "full": ("/export/", {"format": "csv"}, tracker_export.CSV_COLUMNS),
}
# Text a spreadsheet would run as a formula, one per character OWASP names.
FORMULAS = {
    "equals": "=1+2",
    "plus": "+1+2",
    "minus": "-1+2",
    "at": "@SUM(1+2)",
    "tab": "\t=1+2",
    "carriage-return": "\r=1+2",
}


def download(client, export: str, **params) -> str:
    url, export_params, _columns = EXPORTS[export]
    response = client.get(url, {**export_params, **params})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return b"".join(response.streaming_content).decode("utf-8")


def rows_of(body: str, delimiter: str = ",") -> list[dict]:
    # newline="": a carriage return inside a quoted cell is part of the cell, not a line ending.
    return list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"), newline=""), delimiter=delimiter))


def cells_a_spreadsheet_would_run(rows: list[dict]) -> list[str]:
    return [value for row in rows for value in row.values() if value.startswith(FORMULA_TRIGGERS)]


def commitment_beginning_with(text: str) -> Commitment:
    """A commitment whose title, quote and latest status note begin with *text*."""
    commitment = CommitmentFactory()
    commitment_record_status(
        commitment=commitment, user=None, status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, 1), note=text
    )
    # The services strip leading whitespace; the export must not count on every way in doing so.
    Commitment.objects.filter(pk=commitment.pk).update(title=text, quote=text)
    return commitment


# Formulas ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", FORMULAS.values(), ids=FORMULAS.keys())
def test_the_list_export_puts_a_quote_before_a_title_that_begins_like_a_formula(viewer_client, text):
    commitment_beginning_with(text)
    [row] = rows_of(download(viewer_client, "list"))
    assert row["title"] == "'" + text
    assert cells_a_spreadsheet_would_run([row]) == []


@pytest.mark.parametrize("text", FORMULAS.values(), ids=FORMULAS.keys())
def test_the_full_export_puts_a_quote_before_a_title_and_a_quote_that_begin_like_a_formula(viewer_client, text):
    commitment_beginning_with(text)
    [row] = rows_of(download(viewer_client, "full"))
    assert (row["title"], row["quote"]) == ("'" + text, "'" + text)
    # The note is kept as typed: in the history it follows the date it was observed on.
    assert row["status_history"].endswith(f"2019-01-01 in_progress ({text.strip()})")
    assert cells_a_spreadsheet_would_run([row]) == []


@pytest.mark.parametrize("export", EXPORTS)
def test_a_title_with_an_equals_sign_or_a_minus_inside_is_written_unchanged(viewer_client, export):
    CommitmentFactory(title="Kosten = 2 miljoen euro, -5% tegenover 2018")
    body = download(viewer_client, export)
    [row] = rows_of(body)
    assert row["title"] == "Kosten = 2 miljoen euro, -5% tegenover 2018"
    assert ',"Kosten = 2 miljoen euro, -5% tegenover 2018",' in body


@pytest.mark.parametrize("delimiter", ["comma", "semicolon"])
@pytest.mark.parametrize("export", EXPORTS)
def test_delimiters_and_double_quotes_in_a_title_cannot_open_a_cell_of_their_own(viewer_client, export, delimiter):
    title = 'Studie", =1+2; "=3+4'
    CommitmentFactory(title=title)
    [row] = rows_of(download(viewer_client, export, delimiter=delimiter), delimiter={"comma": ",", "semicolon": ";"}[delimiter])
    assert row["title"] == title
    assert list(row) == EXPORTS[export][2], "no cell more, no cell less"


@pytest.mark.parametrize("export", EXPORTS)
def test_a_commitment_is_cited_in_the_reference_column_of_either_export(viewer_client, export):
    commitment = CommitmentFactory()
    [row] = rows_of(download(viewer_client, export))
    assert row["reference"] == commitment.reference == f"C-{commitment.pk:05d}"


def test_numbers_and_empty_values_are_written_as_they_are_dates_in_iso_and_flags_as_yes_or_no():
    # A number is data a spreadsheet may compute with; the same characters as text are someone's typing.
    lines = list(csv_lines(["number", "empty", "date", "flag", "text"], [[-3, None, datetime.date(2019, 12, 31), False, "-3"]]))
    assert lines[1] == "-3,,2019-12-31,no,'-3\r\n"


def test_the_export_command_writes_the_same_protected_csv(tmp_path):
    commitment_beginning_with("=1+2")
    target = tmp_path / "export.csv"
    call_command("export_tracker", "--format", "csv", "--delimiter", "semicolon", "--output", str(target), stderr=io.StringIO())
    [row] = rows_of(target.read_bytes().decode("utf-8"), ";")
    assert row["title"] == "'=1+2"


# Delimiter and byte-order mark ------------------------------------------------------------------


@pytest.mark.parametrize("export", EXPORTS)
def test_delimiter_semicolon_separates_cells_with_semicolons_for_dutch_excel(viewer_client, export):
    CommitmentFactory(title="Eén, twee")
    body = download(viewer_client, export, delimiter="semicolon")
    assert body.removeprefix("\ufeff").splitlines()[0].split(";") == EXPORTS[export][2]
    [row] = rows_of(body, ";")
    assert row["title"] == "Eén, twee"


@pytest.mark.parametrize("export", EXPORTS)
def test_any_other_delimiter_value_gives_commas(viewer_client, export):
    body = download(viewer_client, export, delimiter="tab")
    assert body.removeprefix("\ufeff").splitlines()[0].split(",") == EXPORTS[export][2]


@pytest.mark.parametrize("export", EXPORTS)
def test_each_export_begins_with_one_utf8_byte_order_mark_then_the_header(viewer_client, export):
    CommitmentFactory(title="Coöperatie")
    url, params, columns = EXPORTS[export]
    raw = b"".join(viewer_client.get(url, params).streaming_content)
    assert raw.startswith(codecs.BOM_UTF8 + columns[0].encode() + b",")
    assert raw.count(codecs.BOM_UTF8) == 1
    assert "Coöperatie".encode() in raw
