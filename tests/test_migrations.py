"""The migrated database holds every trigger the rules rely on. A later migration that rebuilds a
table (SQLite does so to alter a column) would silently drop them: this test notices."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

EXPECTED = {
    "postgresql": {
        "tracker_statusupdate_append_only",
        "tracker_statusupdatevoid_append_only",
        "tracker_statusupdateconfirmation_append_only",
        "tracker_commitment_tally",
        "tracker_commitment_search_refresh",
        "tracker_question_search_refresh",
        "tracker_answer_search_refresh",
    },
    "sqlite": {
        "tracker_statusupdate_append_only",
        "tracker_statusupdatevoid_append_only",
        "tracker_statusupdateconfirmation_append_only",
        "tracker_commitment_tally_insert",
        "tracker_commitment_tally_delete",
        "tracker_commitment_tally_update",
    },
}
QUERIES = {
    "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal",
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger'",
}


def test_every_trigger_of_the_migrations_is_in_the_database():
    with connection.cursor() as cursor:
        cursor.execute(QUERIES[connection.vendor])
        present = {name for (name,) in cursor.fetchall()}
    assert EXPECTED[connection.vendor] - present == set()
