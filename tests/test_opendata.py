"""Open data: `publish_open_data` writes the published part of the register as CSV and JSON (with a
data package and a licence note) into OPEN_DATA_DIR, atomically; /public/data/ serves the files to
anyone, without a login."""

import csv
import dataclasses
import datetime
import hashlib
import io
import json
import os
import zipfile
from email.utils import format_datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests.factories import CommitmentFactory, PersonFactory, QuestionFactory, ThemeFactory, UserFactory, move_deadline
from tracker.models import Kind, Status
from tracker.opendata import resources, writer
from tracker.opendata.writer import DATAPACKAGE, FILE_NAMES, LICENCE_URL, RESOURCES, ZIP
from tracker.roles import Role
from tracker.services.commitments import (
    commitment_assign,
    commitment_record_status,
    status_update_reject,
    status_update_void,
)
from tracker.services.merges import commitments_merge

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 29)


@pytest.fixture
def directory(settings, tmp_path):
    settings.TRACKER_OPEN_DATA_DIR = tmp_path / "open-data"
    return settings.TRACKER_OPEN_DATA_DIR


def publish(**options) -> str:
    output = io.StringIO()
    call_command("publish_open_data", f"--date={TODAY.isoformat()}", stdout=output, **options)
    return output.getvalue()


def read_csv(directory, name: str) -> list[dict]:
    with open(directory / name, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def read_json(directory, name: str) -> dict:
    with open(directory / name, encoding="utf-8") as stream:
        return json.load(stream)


def every_text(directory) -> str:
    """Every file written, and every member of the zip, as one text."""
    texts = [(directory / name).read_text(encoding="utf-8") for name in FILE_NAMES if name != ZIP]
    with zipfile.ZipFile(directory / ZIP) as archive:
        texts += [archive.read(member).decode("utf-8") for member in archive.namelist()]
    return "\n".join(texts)


def as_in_csv(value) -> str:
    """A JSON value as the CSV writes it (tracker.exports.csv.cell: yes/no, formula guard)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        value = "; ".join(value)
    if isinstance(value, str):
        return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value
    return str(value)


def test_the_command_writes_every_file_and_says_how_many_rows(directory):
    CommitmentFactory(published=True)
    output = publish()
    assert sorted(path.name for path in directory.iterdir() if not path.name.startswith(".")) == sorted(FILE_NAMES)
    assert "commitments.csv 1 rows" in output
    with zipfile.ZipFile(directory / ZIP) as archive:
        assert sorted(archive.namelist()) == sorted(name for name in FILE_NAMES if name != ZIP)


def test_a_published_commitment_is_there_with_its_question_minister_and_history(directory):
    minister = PersonFactory(first_name="Liesbeth", last_name="Homans")
    theme = ThemeFactory(name="Armoedebestrijding", slug="armoedebestrijding")
    commitment = CommitmentFactory(
        published=True,
        kind=Kind.PROJECT_CALL,
        responsible_person=minister,
        answer__question__number=551,
        answer__question__addressee=minister,
        deadline=datetime.date(2019, 12, 31),
        deadline_wording="tegen eind 2019",
        themes=[theme],
        target_group="mensen in armoede",
    )
    commitment_record_status(
        commitment=commitment,
        user=None,
        status=Status.IN_PROGRESS,
        observed_on=datetime.date(2019, 3, 1),
        note="Oproep gepubliceerd.",
        note_is_public=True,
        evidence_url="https://www.vlaanderen.be/oproep",
    )
    publish()

    [row] = read_csv(directory, "commitments.csv")
    assert row["reference"] == commitment.reference
    assert (row["kind"], row["minister"], row["themes"], row["target_group"]) == (
        "project_call",
        "Liesbeth Homans",
        "Armoedebestrijding",
        "mensen in armoede",
    )
    assert (row["deadline"], row["deadline_wording"], row["deadline_source"]) == ("2019-12-31", "tegen eind 2019", "stated")
    assert (row["status"], row["status_observed_on"], row["overdue"], row["days_overdue"]) == (
        "in_progress",
        "2019-03-01",
        "yes",
        str((TODAY - datetime.date(2019, 12, 31)).days),
    )
    assert (row["assembly"], row["session_year"], row["question_number"]) == ("vlaams-parlement", "2017-2018", "551")
    updates = read_csv(directory, "status_updates.csv")
    assert [(u["commitment"], u["status"], u["note"]) for u in updates] == [
        (commitment.reference, "announced", ""),
        (commitment.reference, "in_progress", "Oproep gepubliceerd."),
    ]
    [question] = read_csv(directory, "questions.csv")
    assert (question["id"], question["commitments"]) == (str(commitment.answer.question_id), commitment.reference)
    assert question["answer_text"] == commitment.answer.text
    [listed] = read_csv(directory, "ministers.csv")
    assert (listed["id"], listed["name"], listed["commitments"]) == (str(minister.pk), "Liesbeth Homans", "1")
    assert {government["code"] for government in read_csv(directory, "governments.csv")} >= {"bourgeois"}


def test_the_csv_and_the_json_hold_the_same_rows(directory):
    CommitmentFactory(published=True, title='=HYPERLINK("https://example.org")', target_group="-min")
    CommitmentFactory(published=True, kind=Kind.REFUSAL, themes=[ThemeFactory(), ThemeFactory()])
    publish()
    for resource in RESOURCES:
        rows = read_csv(directory, resource.csv_name)
        document = read_json(directory, resource.json_name)
        objects = document[resource.name]
        assert document["count"] == len(objects) == len(rows)
        assert list(rows[0]) == [field.name for field in resource.fields]
        assert [{name: as_in_csv(value) for name, value in item.items()} for item in objects] == rows, resource.name
    titles = [row["title"] for row in read_csv(directory, "commitments.csv")]
    assert '\'=HYPERLINK("https://example.org")' in titles  # a spreadsheet reads it as text
    assert '=HYPERLINK("https://example.org")' in [c["title"] for c in read_json(directory, "commitments.json")["commitments"]]


def test_nothing_internal_leaves_the_staff_side(directory, settings):
    """Each internal thing carries a marker of its own; none of them is in any file."""
    settings.TRACKER_FOUR_EYES = True
    staff = UserFactory(
        username="marker-username", first_name="Markerfirstname", last_name="Markerlastname", email="marker-email@example.org"
    )
    second = UserFactory(username="marker-second-editor", role=Role.EDITOR)
    assignee = UserFactory(
        username="marker-assignee", first_name="Markerassignee", email="marker-assignee@example.org", role=Role.EDITOR
    )
    published = CommitmentFactory(published=True, user=staff)
    CommitmentFactory(published=False, title="MARKER-UNPUBLISHED", answer__question__subject="MARKER-UNPUBLISHED-QUESTION")
    commitment_assign(commitment=published, assignee=assignee, user=staff)
    commitment_record_status(
        commitment=published, user=staff, status=Status.IN_PROGRESS, observed_on=published.made_on, note="MARKER-INTERNAL-NOTE"
    )
    voided = commitment_record_status(
        commitment=published,
        user=staff,
        status=Status.DELAYED,
        observed_on=published.made_on + datetime.timedelta(days=1),
        note="MARKER-VOIDED-NOTE",
        note_is_public=True,
        evidence_text="MARKER-VOIDED-EVIDENCE",
    )
    status_update_void(update=voided, user=staff, reason="MARKER-VOID-REASON")
    rejected = commitment_record_status(
        commitment=published,
        user=staff,
        status=Status.FULFILLED,
        observed_on=published.made_on + datetime.timedelta(days=2),
        note="MARKER-REJECTED-NOTE",
        note_is_public=True,
    )
    status_update_reject(update=rejected, user=second, note="MARKER-REJECTION-REASON")
    commitment_record_status(
        commitment=published,
        user=staff,
        status=Status.FULFILLED,
        observed_on=published.made_on + datetime.timedelta(days=3),
        note="MARKER-AWAITING-NOTE",
        note_is_public=True,
    )
    move_deadline(published, datetime.date(2030, 1, 1), changed_on=published.made_on, reason="MARKER-DEADLINE-REASON")
    move_deadline(published, datetime.date(2031, 1, 1), changed_on=published.made_on, reason="MARKER-DEADLINE-REASON")
    duplicate = CommitmentFactory(published=True, title="MARKER-MERGED-DUPLICATE")
    commitments_merge(kept=published, absorbed=duplicate, user=staff, reason="MARKER-MERGE-REASON")
    publish()

    text = every_text(directory)
    assert published.reference in text
    for marker in (
        "MARKER-UNPUBLISHED",
        "MARKER-INTERNAL-NOTE",
        "MARKER-VOIDED-NOTE",
        "MARKER-VOIDED-EVIDENCE",
        "MARKER-VOID-REASON",
        "MARKER-REJECTED-NOTE",
        "MARKER-REJECTION-REASON",
        "MARKER-AWAITING-NOTE",
        "MARKER-DEADLINE-REASON",
        "MARKER-MERGED-DUPLICATE",
        "MARKER-MERGE-REASON",
        "marker-username",
        "Markerfirstname",
        "Markerlastname",
        "marker-email",
        "marker-second-editor",
        "marker-assignee",
        "Markerassignee",
    ):
        assert marker.lower() not in text.lower(), marker
    [row] = read_csv(directory, "commitments.csv")
    assert (row["deadline_moves"], row["deadline"]) == ("2", "2031-01-01")  # the moves are public, not their reasons


def test_a_programme_is_named_only_when_it_is_published_too(directory):
    from tracker.services.programmes import commitment_set_parent

    programme = CommitmentFactory(published=True)
    internal_programme = CommitmentFactory(published=False)
    part = CommitmentFactory(published=True)
    other_part = CommitmentFactory(published=True)
    commitment_set_parent(commitment=part, parent=programme, user=None, reason="MARKER-PART-REASON")
    commitment_set_parent(commitment=other_part, parent=internal_programme, user=None, reason="MARKER-PART-REASON")
    publish()
    part_of = {row["reference"]: row["part_of"] for row in read_csv(directory, "commitments.csv")}
    assert part_of[part.reference] == programme.reference
    assert part_of[other_part.reference] == ""
    text = every_text(directory)
    assert internal_programme.reference not in text
    assert "MARKER-PART-REASON" not in text


def test_overdue_is_counted_on_the_day_of_the_run(directory):
    CommitmentFactory(published=True, deadline=TODAY, deadline_wording="vandaag")
    publish()
    assert read_csv(directory, "commitments.csv")[0]["overdue"] == "no"
    call_command("publish_open_data", f"--date={TODAY + datetime.timedelta(days=1)}", stdout=io.StringIO())
    assert [(row["overdue"], row["days_overdue"]) for row in read_csv(directory, "commitments.csv")] == [("yes", "1")]


def test_the_data_package_describes_every_csv_with_its_licence_counts_and_hash(directory):
    CommitmentFactory(published=True)
    publish()
    package = read_json(directory, DATAPACKAGE)
    assert package["licenses"] == [
        {"name": "CC-BY-4.0", "path": LICENCE_URL, "title": "Creative Commons Attribution 4.0 International"}
    ]
    assert datetime.datetime.fromisoformat(package["created"])
    assert {resource["path"] for resource in package["resources"]} == {
        name for resource in RESOURCES for name in (resource.csv_name, resource.json_name)
    }
    for described in package["resources"]:
        content = (directory / described["path"]).read_bytes()
        assert described["bytes"] == len(content)
        assert described["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        if described["format"] == "csv":
            rows = read_csv(directory, described["path"])
            assert described["rows"] == len(rows)
            assert [field["name"] for field in described["schema"]["fields"]] == list(rows[0])
    commitments = next(r for r in package["resources"] if r["name"] == "commitments")
    types = {field["name"]: field for field in commitments["schema"]["fields"]}
    assert (types["deadline"]["type"], types["deadline_moves"]["type"], types["overdue"]["type"]) == (
        "date",
        "integer",
        "boolean",
    )
    assert types["status"]["constraints"]["enum"] == list(Status.values)
    readme = (directory / "README.txt").read_text(encoding="utf-8")
    assert "CC-BY-4.0" in readme
    assert LICENCE_URL in readme
    assert "Please credit them as:" in readme


def test_a_second_run_replaces_each_file_whole_and_leaves_no_temporary_file(directory):
    CommitmentFactory(published=True)
    publish()
    inode = os.stat(directory / "commitments.csv").st_ino
    CommitmentFactory(published=True)
    publish()
    assert len(read_csv(directory, "commitments.csv")) == 2
    assert os.stat(directory / "commitments.csv").st_ino != inode  # a new file moved in, not the old one rewritten
    assert sorted(path.name for path in directory.iterdir()) == sorted([*FILE_NAMES, writer.LOCK])


def test_a_run_that_fails_half_way_leaves_the_previous_files_and_no_temporary_file(directory, monkeypatch):
    CommitmentFactory(published=True)
    publish()
    before = {name: (directory / name).read_bytes() for name in FILE_NAMES if name != ZIP}
    CommitmentFactory(published=True)

    def broken(context):
        yield from ()
        raise OSError("No space left on device")

    index = next(n for n, resource in enumerate(RESOURCES) if resource.name == "questions")
    failing = [*RESOURCES[:index], dataclasses.replace(RESOURCES[index], rows=broken), *RESOURCES[index + 1 :]]
    monkeypatch.setattr(writer, "RESOURCES", failing)
    with pytest.raises(CommandError, match="No space left on device"):
        publish()
    assert {name: (directory / name).read_bytes() for name in before} == before
    assert sorted(path.name for path in directory.iterdir()) == sorted([*FILE_NAMES, writer.LOCK])


def test_leftovers_of_a_killed_run_are_removed_by_the_next(directory):
    directory.mkdir(parents=True)
    (directory / ".commitments.csv.abc123.tmp").write_text("half")
    publish()
    assert not list(directory.glob(".*.tmp"))


def test_a_run_while_another_is_writing_is_refused(directory):
    import fcntl

    directory.mkdir(parents=True)
    with open(directory / writer.LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with pytest.raises(CommandError, match="Another run is writing"):
            publish()


# The download page and the files ------------------------------------------------------------------


def test_the_page_says_the_data_is_not_published_before_the_first_run(directory, anonymous_client):
    response = anonymous_client.get(reverse("open_data"))
    assert response.status_code == 200
    assert "The data has not been published yet." in response.content.decode()
    assert "Creative Commons Attribution 4.0" in response.content.decode()


def test_a_file_before_the_first_run_is_a_404_that_says_so(directory, anonymous_client):
    response = anonymous_client.get(reverse("open_data_file", args=["commitments.csv"]))
    assert response.status_code == 404
    assert "The data has not been published yet" in response.content.decode()


def test_the_page_lists_each_file_with_its_rows_size_and_the_licence(directory, anonymous_client):
    CommitmentFactory(published=True)
    publish()
    response = anonymous_client.get(reverse("open_data"))
    assert response.status_code == 200
    page = response.content.decode()
    for name in FILE_NAMES:
        assert reverse("open_data_file", args=[name]) in page
    assert LICENCE_URL in page
    assert "deadline_slip_days" in page  # the columns are described
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_anyone_downloads_a_file_without_logging_in(directory, anonymous_client):
    CommitmentFactory(published=True)
    publish()
    response = anonymous_client.get(reverse("open_data_file", args=["commitments.csv"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="commitments.csv"'
    assert b"".join(response.streaming_content) == (directory / "commitments.csv").read_bytes()
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in directives
    assert not directives & {"no-store", "private"}
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in response


@pytest.mark.parametrize(
    "path",
    [
        "/public/data/settings.py",
        "/public/data/.publish.lock",
        "/public/data/..%2Fmanage.py",
        "/public/data/../../manage.py",
        "/public/data/%2e%2e%2fREADME.md",
        "/public/data/commitments.csv%00.txt",
        "/public/data/COMMITMENTS.CSV",
    ],
)
def test_only_the_known_files_are_served(directory, anonymous_client, path):
    publish()
    (directory / "settings.py").write_text("SECRET")
    assert anonymous_client.get(path).status_code == 404


def test_a_client_that_has_the_file_gets_304(directory, anonymous_client):
    publish()
    url = reverse("open_data_file", args=["questions.json"])
    first = anonymous_client.get(url)
    b"".join(first.streaming_content)
    again = anonymous_client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    since = anonymous_client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304
    older = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    assert anonymous_client.get(url, headers={"if-modified-since": format_datetime(older, usegmt=True)}).status_code == 200


def test_a_new_run_changes_the_etag(directory, anonymous_client):
    publish()
    url = reverse("open_data_file", args=["commitments.json"])
    etag = anonymous_client.get(url)["ETag"]
    CommitmentFactory(published=True)
    publish()
    assert anonymous_client.get(url, headers={"if-none-match": etag}).status_code == 200


def test_a_head_request_describes_the_file_without_sending_it(directory, anonymous_client):
    publish()
    response = anonymous_client.head(reverse("open_data_file", args=["open-data.zip"]))
    assert response.status_code == 200
    assert int(response["Content-Length"]) == (directory / "open-data.zip").stat().st_size
    assert response["Content-Type"] == "application/zip"
    assert b"".join(response.streaming_content) == b""


def test_a_file_cannot_be_posted_to(directory, anonymous_client):
    publish()
    assert anonymous_client.post(reverse("open_data_file", args=["commitments.csv"])).status_code == 405


def test_the_question_of_an_internal_commitment_only_is_not_listed(directory):
    question = QuestionFactory(subject="Alleen intern")
    CommitmentFactory(published=False, answer__question=question)
    CommitmentFactory(published=True)
    publish()
    assert "Alleen intern" not in [row["subject"] for row in read_csv(directory, "questions.csv")]


def test_on_postgresql_the_files_agree_though_an_editor_publishes_during_the_run(
    postgres_only, reference_data, directory, monkeypatch
):
    """Every table is read in one snapshot: a commitment published (from another connection) while
    commitments.csv is being written is in none of the files, not half of them."""
    import threading

    from django.db import connection

    CommitmentFactory(published=True)
    published_meanwhile = []

    def publish_from_another_connection():
        try:
            published_meanwhile.append(CommitmentFactory(published=True))
        finally:
            connection.close()

    def commitments_then_an_editor(context):
        yield from resources.commitment_rows(context)
        thread = threading.Thread(target=publish_from_another_connection)
        thread.start()
        thread.join()

    index = next(n for n, resource in enumerate(RESOURCES) if resource.name == "commitments")
    patched = [
        *RESOURCES[:index],
        dataclasses.replace(RESOURCES[index], rows=commitments_then_an_editor),
        *RESOURCES[index + 1 :],
    ]
    monkeypatch.setattr(writer, "RESOURCES", patched)
    publish()
    [late] = published_meanwhile
    assert late.reference not in every_text(directory)
    assert len(read_csv(directory, "status_updates.csv")) == 1


def test_each_commitment_links_to_its_public_page_where_the_public_site_has_one(directory, settings):
    from django.urls import clear_url_caches, include, path

    def publish_with(urlpatterns):
        settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": urlpatterns})
        clear_url_caches()
        try:
            publish()
        finally:
            clear_url_caches()
        return read_csv(directory, "commitments.csv")[0]["public_path"]

    commitment = CommitmentFactory(published=True)
    assert publish_with([]) == ""
    page = path("public/<str:lang>/commitments/<int:pk>/", lambda request, lang, pk: None, name="commitment")
    assert publish_with([path("", include(([page], "public")))]) == f"/public/en/commitments/{commitment.pk}/"


def test_a_directory_that_is_not_one_yet_is_not_an_error(settings, tmp_path, anonymous_client):
    settings.TRACKER_OPEN_DATA_DIR = tmp_path / "a-file"
    settings.TRACKER_OPEN_DATA_DIR.write_text("")
    assert anonymous_client.get(reverse("open_data")).status_code == 200
    assert anonymous_client.get(reverse("open_data_file", args=["commitments.csv"])).status_code == 404
