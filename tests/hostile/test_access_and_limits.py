"""The low findings of the security review, replayed as the attacker (an editor's account, or less)
did them. Each test describes the attack and what the application must do instead."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test.client import encode_multipart

from tests.factories import CommitmentFactory
from tracker.models import ImportRun, Question, StatusUpdate

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"


@pytest.mark.parametrize("client_name", ["viewer_client", "editor_client"])
def test_opening_the_admin_without_admin_access_does_not_loop(request, client_name):
    """A viewer (or an editor) opens /admin/. The admin sent them to /admin/login/, which leads to
    /accounts/login/?next=/admin/, which sends a logged-in user back to /admin/: the browser looped
    until it gave up. They must get a 403 page saying the admin is for administrators."""
    client = request.getfixturevalue(client_name)
    response = client.get("/admin/", follow=True)  # the test client raises RedirectCycleError on a loop
    assert response.status_code == 403
    assert "The admin is for administrators." in response.content.decode()
    via_login = client.get("/admin/login/?next=/admin/", follow=True)
    assert via_login.status_code == 403


def test_refusals_name_the_role_that_is_missing_not_always_an_editor(admin_client, viewer_client):
    """An administrator tries to delete a status update in the admin, and a viewer forges the status
    form. The administrator must not be told to get an editor's account (no account may do this);
    the viewer must be told that recording a status needs an editor's account."""
    commitment = CommitmentFactory()
    update = StatusUpdate.objects.get(commitment=commitment)
    refused = admin_client.post(f"/admin/tracker/statusupdate/{update.pk}/delete/", {"post": "yes"})
    assert refused.status_code == 403
    assert "editor" not in refused.content.decode()
    forged = viewer_client.post(f"/commitments/{commitment.pk}/status/", {"status": "fulfilled", "observed_on": "2020-01-01"})
    assert forged.status_code == 403
    assert "Recording a status update needs an editor&#x27;s account." in forged.content.decode()
    assert StatusUpdate.objects.filter(commitment=commitment).count() == 1


def named(name: str) -> io.BytesIO:
    stream = io.BytesIO(SEED.read_bytes())
    stream.name = name  # sent as written: an UploadedFile would cut it to 255 characters first
    return stream


UPLOADS = {
    "51 files": (lambda: {"files": [named(f"{n}.txt") for n in range(51)]}, 400, "Upload at most 50 files at once."),
    "a 5,000-character file name": (
        lambda: {"files": [named("a" * 4996 + ".txt")]},
        400,
        "File names may be at most 255 characters.",
    ),
    "a 50 MB form field": (
        lambda: {"files": [named("seed.txt")], "note": "x" * 50 * 1024 * 1024},
        413,
        "The upload is larger than the limit of 4.0\xa0MB.",
    ),
}


@pytest.mark.parametrize("attack", list(UPLOADS))
def test_uploads_over_a_limit_are_told_the_limit_and_import_nothing(editor_client, attack):
    """An editor sends the import page 51 files at once, a file with a 5,000-character name, or a
    50 MB form field. Django refused each with a bare 400 that named no limit; each must get a page
    that names the limit it went over, and nothing may be imported."""
    upload, status, message = UPLOADS[attack]
    body = encode_multipart("hostile", upload())
    response = editor_client.post("/import/", body, content_type="multipart/form-data; boundary=hostile")
    assert response.status_code == status
    assert message in response.content.decode()
    assert not ImportRun.objects.exists()
    assert not Question.objects.exists()


@pytest.mark.parametrize("username", ["eddy editor", "eddy/../admin", "e" * 200], ids=["a space", "slashes", "200 characters"])
def test_create_user_refuses_names_the_admin_refuses(monkeypatch, username):
    """Someone scripting accounts runs `create_user` with a name the admin's user form refuses: with
    a space (an account that reads like two words in the admin's list), with slashes, or of 200
    characters. The command created it; it must refuse it with the User model's reason instead."""
    monkeypatch.setenv("TRACKER_PASSWORD", "a-long-and-unusual-passphrase-42")
    with pytest.raises(CommandError, match="User name refused"):
        call_command("create_user", username, "--role", "editor", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username=username).exists()


@pytest.mark.parametrize("version", [None, "x", "-5", str(2**64)], ids=["removed", "not a number", "negative", "huge"])
def test_a_tampered_edit_form_explains_itself_and_saves_nothing(editor_client, version):
    """An editor removes or rewrites the hidden `version` field of a commitment's edit form before
    saving. The page answered a bare 400 with no message (the error sat on a field nobody sees); it
    must say the form is incomplete or out of date, and save nothing."""
    commitment = CommitmentFactory(title="Oud")
    data = {"title": "Overschreven", "kind": "action", "target_group": "", "quote": commitment.quote}
    if version is not None:
        data["version"] = version
    response = editor_client.post(f"/commitments/{commitment.pk}/edit/", data)
    assert response.status_code == 400
    assert "This form is incomplete or out of date: reload the commitment and edit again." in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.title == "Oud"


def test_pages_and_exports_are_not_kept_in_a_shared_browsers_cache(editor_client):
    """An editor exports the whole register on a shared office computer and logs out; the next person
    at that computer opens the browser's cache (or the back button) and reads the export and the
    pages. They carried no Cache-Control at all; they must say private, no-store."""
    for url in ("/", "/export/?format=json", "/commitments/export.csv"):
        response = editor_client.get(url)
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, url
        if response.streaming:
            b"".join(response.streaming_content)
