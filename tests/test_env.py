"""The database settings read from the environment (tracker/env.py)."""

import pytest
from django.db import connection

from tracker.env import PREPARE_THRESHOLD, env_database
from tracker.models import Theme


def test_postgresql_keeps_repeated_queries_as_prepared_statements(monkeypatch):
    monkeypatch.delenv("DATABASE_PREPARED_STATEMENTS", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://tracker@127.0.0.1:5432/tracker")
    options = env_database("DATABASE_URL", default="")["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == PREPARE_THRESHOLD


def test_prepared_statements_can_be_turned_off_for_a_pooler_in_transaction_mode(monkeypatch):
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "0")
    monkeypatch.setenv("DATABASE_URL", "postgres://tracker@127.0.0.1:5432/tracker")
    options = env_database("DATABASE_URL", default="")["OPTIONS"]
    assert "server_side_binding" not in options
    assert "prepare_threshold" not in options


def test_sqlite_gets_no_postgresql_options(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert "server_side_binding" not in env_database("DATABASE_URL", default="sqlite:///db.sqlite3").get("OPTIONS", {})


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
@pytest.mark.skipif(
    not connection.settings_dict.get("OPTIONS", {}).get("prepare_threshold"),
    reason="DATABASE_PREPARED_STATEMENTS=0 in this environment",
)
def test_a_query_run_often_on_one_connection_is_planned_once():
    for _ in range(PREPARE_THRESHOLD + 1):
        list(Theme.objects.filter(slug="wonen"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    assert any('FROM "tracker_theme"' in statement and "$1" in statement for statement in statements)
