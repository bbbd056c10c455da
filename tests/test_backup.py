"""Backup and restore as the README describes them: a backup restored into an empty database
gives the same export as the original."""

import datetime
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tracker.exports.tracker_export import export_json

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)
# Both exports count their flags on one date, so a run across midnight compares like with like.
AS_OF = "2026-11-25"


def export_from(database_url: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="tests.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", "export_tracker", "--format", "json", "--as-of", AS_OF],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


@pytest.fixture
def demo(reference_data, settings):
    settings.DEBUG = True
    call_command("load_demo_data", "--no-users", stdout=io.StringIO())
    return "".join(export_json(as_of=datetime.date.fromisoformat(AS_OF)))


def test_a_sqlite_backup_restored_gives_the_same_export(demo, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup is tested on the SQLite run")
    backup = tmp_path / "backup.sqlite3"
    # What the README gives for a live SQLite database: the online backup API (consistent while in use).
    with sqlite3.connect(backup) as target:
        connection.ensure_connection()
        connection.connection.backup(target)
    restored = tmp_path / "restored.sqlite3"
    shutil.copy(backup, restored)
    assert export_from(f"sqlite:///{restored}") == demo


def test_a_postgresql_dump_restored_into_an_empty_database_gives_the_same_export(postgres_only, demo, tmp_path):
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        pytest.skip("pg_dump and pg_restore (PostgreSQL client) are not installed")
    settings = connection.settings_dict
    common = ["-h", settings["HOST"] or "127.0.0.1", "-p", str(settings["PORT"] or 5432), "-U", settings["USER"]]
    dump = tmp_path / "tracker.dump"
    subprocess.run(["pg_dump", *common, "--format=custom", "--file", str(dump), settings["NAME"]], check=True, timeout=120)
    restored = f"tracker_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run(["pg_restore", *common, "--no-owner", "--dbname", restored, str(dump)], check=True, timeout=120)
        assert (
            export_from(f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{restored}")
            == demo
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
