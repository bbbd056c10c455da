"""Importing PDFs: the text layer, page by page and without the page furniture, read by the same
parser as a text document; a PDF that cannot be read is refused with the reason, nothing written."""

import io
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from fpdf.enums import EncryptionMethod
from pypdf import PdfReader

from tests.golden import as_json, assert_matches_golden
from tests.pdfs import FOOT, RUNNING_HEADER, pdf_from_text, pdf_of_pages, scanned_pdf
from tests.test_imports_text import DOCUMENTS, SEED
from tracker.imports import pdf
from tracker.imports.pdf import SCAN_REFUSAL, pdf_text
from tracker.imports.records import DocumentError
from tracker.imports.runner import decode, import_documents, parse_document
from tracker.models import ImportRun, Question

REAL_PDFS = Path(__file__).resolve().parent / "data" / "pdf"


def golden_for(sample: Path) -> Path:
    return DOCUMENTS / f"{'seed-551' if sample == SEED else sample.stem}.expected.json"


# Samples a PDF printed from their text cannot stand for: a collapsed copy comes from the web, never
# from a PDF; the real Aanhangsel conversions carry their footnotes as lines in the middle of the text,
# where a printed PDF cannot put them at a page's foot. The real PDFs in tests/data/pdf stand for those.
NOT_FROM_A_PDF = {
    "vp-606-collapsed",
    "vp-several-ministers-collapsed",
    "seed-551-collapsed",
    "tk-ah-20232024-302",
    "tk-ah-20232024-387",
}
# Every text sample with a golden file, the seed included; a sample added later is found here too.
SAMPLES = [
    path for path in [SEED, *sorted(DOCUMENTS.rglob("*.txt"))] if golden_for(path).exists() and path.stem not in NOT_FROM_A_PDF
]


def paragraphs_loosely(record: dict) -> dict:
    """The record with each text's paragraph breaks as spaces: where a paragraph ends is read from
    the lines' lengths, and a PDF printed from a text wraps its lines anew."""

    def loose(value):
        if isinstance(value, str):
            return " ".join(value.split())
        if isinstance(value, dict):
            return {key: loose(item) for key, item in value.items()}
        if isinstance(value, list):
            return [loose(item) for item in value]
        return value

    return loose(record)


def pdf_of(sample: Path, **options) -> bytes:
    return pdf_from_text(decode(sample.read_bytes())[0], **options)


def read(data: bytes, name: str = "document.pdf"):
    [(_label, record)] = parse_document(name, data)
    if isinstance(record, DocumentError):
        raise record
    return record


# -- The same record as the text --------------------------------------------------------------------


def test_every_sample_with_a_golden_file_is_turned_into_a_pdf():
    assert {SEED.name, "broken-paragraphs.txt", "unknown-minister.txt", "windows-1252.txt"} <= {p.name for p in SAMPLES}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_a_pdf_of_a_sample_parses_to_the_record_of_its_golden_file(sample):
    data = pdf_of(sample)
    golden = json.loads(golden_for(sample).read_text(encoding="utf-8"))
    if "refused" in golden:  # a document the text parser refuses is refused as a PDF too, for the same reason
        with pytest.raises(DocumentError) as refusal:
            read(data, f"{sample.stem}.pdf")
        assert str(refusal.value) == golden["refused"]
        return
    record = read(data, f"{sample.stem}.pdf")
    expected = golden["record"]
    decode_notes = decode(sample.read_bytes())[1]
    pdf_notes = list(pdf_text(data).notes)
    # The notes say how each was read: "read as Windows-1252" for the text, "read from a PDF" here.
    assert record.notes[: len(pdf_notes)] == pdf_notes
    assert pdf_notes[0].startswith("read from a PDF (")
    record.notes = record.notes[len(pdf_notes) :]
    expected["notes"] = [note for note in expected["notes"] if note not in decode_notes]
    assert paragraphs_loosely(json.loads(as_json(record))) == paragraphs_loosely(expected)


def test_the_seed_s_pdf_has_furniture_on_every_page_and_a_page_break_mid_sentence():
    data = pdf_of(SEED)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    assert len(pages) == 2
    assert all(RUNNING_HEADER in page and "Pagina" in page for page in pages)
    last_line_of_page_one = pages[0].split("\n")[-2]  # the last line before the footer
    assert not last_line_of_page_one.rstrip().endswith((".", "?", ":"))
    text = pdf_text(data).text
    assert RUNNING_HEADER not in text
    assert "Pagina" not in text
    record = read(data)
    assert "Hun kaders zijn niet dezelfde als die van mensen die al lange tijd in armoede leven" in record.text


# -- Page furniture ---------------------------------------------------------------------------------

BODY = 11
RUNNING_TEXT = "Het Vlaams Actieplan Armoedebestrijding loopt tot eind 2019 en wordt dan geëvalueerd door"


def test_a_sentence_broken_by_a_page_break_is_joined_even_before_a_capital():
    data = pdf_of_pages(
        [
            [("nr. 12", BODY), ("", 0), (RUNNING_TEXT, BODY), ("de diensten van de minister, samen met de", BODY)],
            [("Vlaamse Regering en het middenveld.", BODY), ("", 0), ("Een volgende alinea.", BODY)],
        ]
    )
    text = pdf_text(data).text
    assert "samen met de\nVlaamse Regering en het middenveld.\n\nEen volgende alinea." in text


def test_a_page_that_ends_a_sentence_starts_a_new_paragraph():
    data = pdf_of_pages([[(RUNNING_TEXT, BODY), ("de minister.", BODY)], [("Nieuwe alinea op de volgende pagina.", BODY)]])
    assert "de minister.\n\nNieuwe alinea" in pdf_text(data).text


def test_a_header_repeated_on_most_pages_is_left_out_even_in_the_body_s_size():
    header = ("Vlaams Parlement — Commissie Welzijn", BODY)
    pages = [[header, ("", 0), (f"Een zin die hier eindigt, {word}.", BODY)] for word in ("eerst", "dan", "ten slotte")]
    text = pdf_text(pdf_of_pages(pages)).text
    assert "Vlaams Parlement" not in text
    assert "Een zin die hier eindigt, eerst." in text
    assert "Een zin die hier eindigt, ten slotte." in text


def test_a_footer_with_the_page_number_in_it_is_left_out():
    pages = [
        [(f"Vraag {number}", BODY), ("Wat doet de minister?", BODY), FOOT, (f"Tweede Kamer, Aanhangsel {number}", BODY)]
        for number in (1, 2, 3)
    ]
    text = pdf_text(pdf_of_pages(pages)).text
    assert "Aanhangsel" not in text
    assert [line for line in text.split("\n") if line.startswith("Vraag")] == ["Vraag 1", "Vraag 2", "Vraag 3"]


@pytest.mark.parametrize("numbers", [(3, 6, 8), (1, 2, 3)], ids=["apart", "in-step-with-the-pages"])
def test_lines_that_only_look_alike_at_the_top_of_pages_are_kept(numbers):
    pages = [[(f"Vraag {number}", BODY), ("Wat doet de minister?", BODY)] for number in numbers]
    text = pdf_text(pdf_of_pages(pages)).text
    assert [line for line in text.split("\n") if line.startswith("Vraag")] == [f"Vraag {number}" for number in numbers]


@pytest.mark.parametrize("number", ["1", "- 1 -", "– 1 –", "Pagina 1 van 3", "Page 1 of 3", "1/3", "1 / 3", "blz. 1"])
def test_a_page_number_in_its_usual_forms_is_left_out(number):
    data = pdf_of_pages([[(number, BODY), ("", 0), ("", 0), ("Een zin van de vraag.", BODY), FOOT, (number, BODY)]])
    assert pdf_text(data).text == "Een zin van de vraag.\n"


def test_a_number_in_the_running_text_is_kept():
    data = pdf_of_pages([[("Een zin van de vraag.", BODY), ("", 0), ("7", BODY), ("", 0), ("Nog een zin.", BODY)]])
    assert "\n7\n" in pdf_text(data).text


def test_footnotes_in_small_print_at_the_foot_of_a_page_are_left_out_with_a_note():
    data = pdf_of_pages(
        [
            [
                (RUNNING_TEXT, BODY),
                ("de minister, die het rapport 1 volgend jaar aan", BODY),
                FOOT,
                ("1 Rapport nr. 7, 2019.", 7),
            ],
            [("het Vlaams Parlement bezorgt.", BODY)],
        ]
    )
    extracted = pdf_text(data)
    assert "Rapport nr. 7" not in extracted.text
    assert "volgend jaar aan\nhet Vlaams Parlement bezorgt." in extracted.text
    assert "left out the small print at the head or foot of page(s) 1 (footnotes, colophon)" in extracted.notes


# -- Real documents: the Tweede Kamer's Aanhangsel -----------------------------------------------------


@pytest.mark.parametrize("name", ["ah-tk-20232024-1786", "ah-tk-20232024-1893"])
def test_a_real_aanhangsel_reads_to_its_golden_text(name):
    extracted = pdf_text((REAL_PDFS / f"{name}.pdf").read_bytes())
    assert_matches_golden(extracted.text, REAL_PDFS / f"{name}.expected.txt")
    for furniture in ("Tweede Kamer, vergaderjaar", "ah-tk-2023", "ISSN", "’s-Gravenhage"):
        assert furniture not in extracted.text
    assert "Vraag 1\nBent u" in extracted.text
    assert "Antwoord 1\n" in extracted.text


@pytest.mark.parametrize("name", ["ah-tk-20232024-1786", "ah-tk-20232024-1893"])
def test_a_real_aanhangsel_pdf_parses_to_its_golden_record(name):
    record = read((REAL_PDFS / f"{name}.pdf").read_bytes(), f"{name}.pdf")
    assert record.layout == "tweede-kamer-aanhangsel"
    assert_matches_golden(record, REAL_PDFS / f"{name}.expected.json")


def test_a_real_aanhangsel_keeps_its_sentences_whole_across_pages_and_leaves_out_footnotes():
    extracted = pdf_text((REAL_PDFS / "ah-tk-20232024-1786.pdf").read_bytes())
    assert extracted.pages == 6
    # Pages 1 and 2 meet mid-sentence ("internationale" / "standaarden").
    assert "voldoen aan internationale\nstandaarden voor maatschappelijk verantwoord" in extracted.text
    assert "left out the small print at the head or foot of page(s) 1, 2, 3, 4, 5, 6 (footnotes, colophon)" in extracted.notes


# -- Refusals -----------------------------------------------------------------------------------------


def run(name: str, data: bytes) -> ImportRun:
    return import_documents([(name, data)])


@pytest.mark.django_db
def test_a_scan_is_refused_with_the_reason_and_nothing_is_written():
    result = run("scan.pdf", scanned_pdf(pages=2))
    assert [(entry["name"], entry["outcome"], entry["reason"]) for entry in result.report] == [
        ("scan.pdf", "failed", SCAN_REFUSAL)
    ]
    assert SCAN_REFUSAL.startswith("no text layer: this PDF is a scan")
    assert not Question.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda data: data[: len(data) // 2], "cannot read the PDF: it is damaged or not a PDF (Stream has ended unexpectedly)"),
        (lambda data: b"%PDF-1.7\n" + bytes(200), "cannot read the PDF: it is damaged or not a PDF"),
        (lambda data: b"", "cannot read the PDF: it is damaged or not a PDF (Cannot read an empty file)"),
        (lambda data: SEED.read_bytes(), "cannot read the PDF: it is damaged or not a PDF"),
    ],
    ids=["cut-off", "garbage", "empty", "text-named-pdf"],
)
def test_a_damaged_pdf_is_refused_with_a_clear_reason(damage, reason):
    result = run("answer.pdf", damage(pdf_of(SEED)))
    assert result.report[0]["outcome"] == "failed"
    assert result.report[0]["reason"].startswith(reason)
    assert not Question.objects.exists()


@pytest.mark.parametrize("method", [EncryptionMethod.RC4, EncryptionMethod.AES_128, EncryptionMethod.AES_256])
def test_an_encrypted_pdf_that_opens_without_a_password_is_read(method):
    record = read(pdf_of(SEED, password="", encryption=method))
    assert (record.number, record.asker.name) == (551, "CINDY FRANSSEN")


def test_a_pdf_that_needs_a_password_is_refused():
    with pytest.raises(DocumentError, match=r"^the PDF is protected by a password: save a copy without the password"):
        read(pdf_of(SEED, password="geheim"))


def test_a_pdf_with_more_pages_than_are_read_is_refused_naming_the_limit(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PDF_PAGES", 1)
    with pytest.raises(DocumentError, match=r"^the PDF has 2 pages; at most 1 are read \(MAX_PDF_PAGES\)"):
        read(pdf_of(SEED))


def test_an_unexpected_failure_inside_the_library_is_a_damaged_pdf_not_an_error_page(monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("/Contents")

    monkeypatch.setattr(pdf, "PdfReader", broken)
    with pytest.raises(DocumentError, match=r"^cannot read the PDF: it is damaged; open it, save it again as PDF"):
        read(pdf_of(SEED))


def test_a_page_without_text_among_pages_with_text_is_noted():
    text_page = [("Een zin van de vraag.", BODY)]
    data = pdf_of_pages([text_page, [], text_page])
    assert "no text found on page(s) 2 (scanned or damaged): their content is missing" in pdf_text(data).notes


# -- The upload page and the command --------------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_uploads_a_pdf_and_it_is_imported(editor_client):
    page = editor_client.get("/import/").content.decode()
    assert 'accept=".json,.md,.pdf,.text,.txt,.xml"' in page
    assert "PDF" in page
    upload = SimpleUploadedFile("vraag-551.pdf", pdf_of(SEED), content_type="application/pdf")
    response = editor_client.post("/import/", {"files": [upload]})
    assert response.status_code == 200
    [entry] = response.context["run"].report
    assert (entry["name"], entry["outcome"], entry["suggestions"]) == ("vraag-551.pdf", "created", 2)
    assert "read from a PDF (2 pages)" in entry["notes"]
    assert "read from a PDF (2 pages)" in response.content.decode()
    assert Question.objects.get().number == 551


@pytest.mark.django_db
def test_an_uploaded_scan_is_reported_and_nothing_is_written(editor_client):
    upload = SimpleUploadedFile("scan.pdf", scanned_pdf(), content_type="application/pdf")
    response = editor_client.post("/import/", {"files": [upload]})
    assert response.status_code == 200
    assert "no text layer: this PDF is a scan" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_import_questions_finds_pdfs_in_folders_and_imports_them(tmp_path):
    (tmp_path / "2018").mkdir()
    (tmp_path / "2018" / "vraag-551.PDF").write_bytes(pdf_of(SEED))
    out = io.StringIO()
    call_command("import_questions", str(tmp_path), stdout=out)
    assert "1 file(s): 1 created, 0 updated, 0 unchanged, 0 failed; 2 new suggestion(s) to review." in out.getvalue()
    assert Question.objects.get().number == 551
