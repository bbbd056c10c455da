import io
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import encode_multipart

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


def test_an_editor_uploads_an_open_data_record_in_xml(editor_client):
    form = editor_client.get("/import/").context["form"]
    assert ".xml" in form.fields["files"].widget.attrs["accept"]
    response = editor_client.post("/import/", {"files": [upload(DOCUMENTS / "open-data-551.xml")]})
    assert response.status_code == 200
    (entry,) = response.context["run"].report
    assert (entry["outcome"], entry["layout"]) == ("created", "vlaams-parlement open data (XML)")
    assert Question.objects.get().open_data_id == "1450827"


def test_the_import_page_names_the_layout_each_document_was_read_as(editor_client):
    documents = [upload(DOCUMENTS / "tk-ah-20232024-387.txt"), upload(DOCUMENTS / "vp-606-collapsed.txt")]
    html = editor_client.post("/import/", {"files": documents}).content.decode()
    assert "Read as <code>tweede-kamer-aanhangsel</code>" in html
    assert "Read as <code>flemish-collapsed</code>" in html


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


BOUNDARY = "upload-limits"


def post_multipart(client, data: dict):
    """The body is built here, so that file names reach the server exactly as written."""
    body = encode_multipart(BOUNDARY, data)
    return client.post("/import/", body, content_type=f"multipart/form-data; boundary={BOUNDARY}")


def named(name: str, content: bytes = b"") -> io.BytesIO:
    # An UploadedFile would cut the name to 255 characters before sending it; a plain stream does not.
    stream = io.BytesIO(content)
    stream.name = name
    return stream


def assert_nothing_imported():
    assert not ImportRun.objects.exists()
    assert not Question.objects.exists()


def test_more_files_than_the_limit_get_a_page_naming_the_limit(editor_client, settings):
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == settings.IMPORT_MAX_FILES == 50
    response = post_multipart(editor_client, {"files": [named(f"{n}.txt", SEED.read_bytes()) for n in range(51)]})
    assert response.status_code == 400
    assert "Upload at most 50 files at once." in response.content.decode()
    assert_nothing_imported()


def test_the_limit_is_named_when_the_csrf_check_reads_the_upload_before_the_view(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get("/import/")
    token = client.cookies[django_settings.CSRF_COOKIE_NAME].value
    files = [named(f"{n}.txt", SEED.read_bytes()) for n in range(51)]
    response = post_multipart(client, {"csrfmiddlewaretoken": token, "files": files})
    assert response.status_code == 400
    assert "Upload at most 50 files at once." in response.content.decode()
    assert_nothing_imported()


@pytest.mark.parametrize("length", [256, 5000], ids=["over our limit", "over Django's part headers"])
def test_a_file_name_over_255_characters_is_refused_and_named(editor_client, length):
    response = post_multipart(editor_client, {"files": [named("a" * (length - 4) + ".txt", SEED.read_bytes())]})
    assert response.status_code == 400
    assert "File names may be at most 255 characters." in response.content.decode()
    assert_nothing_imported()


def test_a_file_name_of_255_characters_is_imported_whole(editor_client):
    name = "a" * 251 + ".txt"
    response = post_multipart(editor_client, {"files": [named(name, SEED.read_bytes())]})
    assert response.status_code == 200
    assert [entry["name"] for entry in response.context["run"].report] == [name]


def test_form_data_over_the_size_limit_gets_a_413_naming_the_limit(editor_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000  # the same refusal as at 4 MB, with a body of 2 KB
    response = post_multipart(editor_client, {"note": "x" * 2000, "files": [named("seed.txt", SEED.read_bytes())]})
    assert response.status_code == 413
    assert "The upload is larger than the limit of 1000\xa0bytes." in response.content.decode()
    assert_nothing_imported()
