"""When the database is unreachable the application answers 503 with a friendly page, and it
recovers by itself when the database is back, without a restart.

The application runs under gunicorn, as in production (Django's test client never closes a broken
connection, so it cannot show recovery); PostgreSQL sits behind a proxy the test can cut."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from tests.factories import UserFactory
from tests.tcp_proxy import SwitchableProxy
from tracker.roles import Role

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn serving the application on a free port, pointed at *database_url*."""

    def __init__(self, database_url: str):
        self.port = free_port()
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env.update(
            DATABASE_URL=database_url,
            DJANGO_SETTINGS_MODULE="tests.settings",
            DEBUG="0",
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_CONNECT_TIMEOUT="2",
            PYTHONPATH=str(ROOT),
        )
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "tracker.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--timeout",
                "30",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("OUTAGE_DEBUG") else subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def get(self, path: str, session_key: str) -> tuple[int, str]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers={"Cookie": f"sessionid={session_key}"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def check(self, session_key: str) -> str:
        health, _ = self.get("/healthz", session_key)
        status, page = self.get("/", session_key)
        return f"{health} {status} {'friendly' if 'The tracker is temporarily unavailable' in page else '-'}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def logged_in_session() -> str:
    user = UserFactory(username="outage-viewer", role=Role.VIEWER)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session.session_key


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
def test_postgresql_going_away_gives_503_and_the_application_recovers_by_itself(postgres_only, reference_data):
    settings = connection.settings_dict
    proxy = SwitchableProxy((settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432)))
    server = Server(f"postgres://{settings['USER']}@127.0.0.1:{proxy.port}/{settings['NAME']}")
    session = logged_in_session()
    try:
        assert server.check(session) == "200 200 -"
        proxy.down()
        assert server.check(session) == "503 503 friendly"
        assert server.check(session) == "503 503 friendly"
        proxy.bring_up()
        assert server.check(session) == "200 200 -", "recovered without a restart"
        proxy.down()
        assert server.check(session) == "503 503 friendly"
        proxy.bring_up()
        assert server.check(session) == "200 200 -"
    finally:
        server.stop()
        proxy.close()


def test_an_unreachable_sqlite_file_gives_503_not_a_stack_trace(tmp_path):
    server = Server(f"sqlite:///{tmp_path}/missing-folder/db.sqlite3")
    try:
        assert server.check("a" * 32) == "503 503 friendly"
    finally:
        server.stop()
