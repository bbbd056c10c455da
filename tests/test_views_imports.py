from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tracker.models import ImportRun, Question

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"
DOCUMENTS = ROOT / "tests" / "data" / "documents"


def upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/plain")


def test_an_editor_uploads_several_documents_and_sees_a_line_per_document(editor_client, editor):
    response = editor_client.post("/import/", {"files": [upload(SEED), upload(DOCUMENTS / "two-answers.txt")]})
    assert response.status_code == 200
    run = response.context["run"]
    assert [(e["name"], e["outcome"]) for e in run.report] == [(SEED.name, "created"), ("two-answers.txt", "failed")]
    html = response.content.decode()
    assert "2 answers (&#x27;ANTWOORD&#x27;) found in one document" in html
    assert "2 new suggestions to review" in html
    assert ImportRun.objects.get().started_by == editor


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_written(editor_client, settings):
    settings.IMPORT_MAX_FILE_BYTES = 1000
    response = editor_client.post("/import/", {"files": [upload(SEED)]})
    assert response.status_code == 400
    assert "is too large" in response.context["form"].errors["files"][0]
    assert not Question.objects.exists()


def test_too_many_files_at_once_are_refused(editor_client, settings):
    settings.IMPORT_MAX_FILES = 1
    response = editor_client.post("/import/", {"files": [upload(SEED), upload(SEED, "copy.txt")]})
    assert response.status_code == 400
    assert "Upload at most 1 file at once." in response.context["form"].errors["files"]


def test_submitting_without_a_file_gets_a_field_error(editor_client):
    response = editor_client.post("/import/", {})
    assert response.status_code == 400
    assert response.context["form"].errors["files"] == ["This field is required."]


def test_viewers_cannot_import(viewer_client):
    assert viewer_client.get("/import/").status_code == 403
    assert viewer_client.post("/import/", {"files": [upload(SEED)]}).status_code == 403
    assert not Question.objects.exists()


def test_the_export_page_offers_json_and_csv_and_streams_them(viewer_client):
    assert "Download JSON" in viewer_client.get("/export/").content.decode()
    response = viewer_client.get("/export/", {"format": "json"})
    assert response.streaming
    assert response["Content-Type"].startswith("application/json")
    assert b"commitment-tracker/1" in b"".join(response.streaming_content)
    csv_response = viewer_client.get("/export/", {"format": "csv", "delimiter": "semicolon"})
    assert b"".join(csv_response.streaming_content).decode().lstrip("\ufeff").startswith("assembly;session_year")
