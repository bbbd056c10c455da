"""The Dutch interface: the catalogue is complete, compiled, and in step with the source."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

from tracker.management.commands.compile_translations import catalogues, out_of_date

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "tracker" / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_the_compiled_catalogue_matches_the_po_file():
    assert catalogues() == [PO]
    assert out_of_date(PO) is None, "run `python manage.py compile_translations` and commit the .mo file"
    call_command("compile_translations", "--check", stdout=io.StringIO())


def test_every_interface_text_has_a_dutch_translation():
    catalogue = polib.pofile(str(PO))
    assert catalogue.percent_translated() == 100, [entry.msgid for entry in catalogue.untranslated_entries()]
    assert not catalogue.fuzzy_entries()


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_the_catalogue_contains_every_text_marked_for_translation_in_the_source(tmp_path):
    for name in ("tracker", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "manage.py", tmp_path)
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "tracker.settings", "PYTHONPATH": str(tmp_path)}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    extracted = {entry.msgid for entry in polib.pofile(str(tmp_path / "tracker/locale/nl/LC_MESSAGES/django.po"))}
    committed = {entry.msgid for entry in polib.pofile(str(PO))}
    assert extracted - committed == set(), "new texts: run `make messages` and translate them"
    assert committed - extracted == set(), "texts no longer used: run `make messages`"


def test_statuses_read_in_dutch():
    from tracker.models import Status

    with translation.override("nl"):
        assert str(Status.IN_PROGRESS.label) == "In uitvoering"
        assert str(Status.NOT_FULFILLED.label) == "Niet nagekomen"


def test_the_language_switch_remembers_the_choice(viewer_client):
    response = viewer_client.post("/i18n/setlang/", {"language": "nl", "next": "/commitments/"})
    assert response.status_code == 302
    page = viewer_client.get("/commitments/")
    assert '<html lang="nl">' in page.content.decode()
    assert "Toezeggingen" in page.content.decode()


@pytest.mark.django_db
def test_dates_are_shown_in_the_users_language(viewer_client):
    from tests.factories import CommitmentFactory

    commitment = CommitmentFactory()
    viewer_client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    html = viewer_client.get(f"/commitments/{commitment.pk}/").content.decode()
    assert "26 mei 2019" in html  # the default horizon, in Dutch
