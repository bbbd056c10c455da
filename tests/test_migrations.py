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


def test_the_slippage_of_commitments_edited_before_migration_0014_is_filled_in_from_their_audited_edits():
    """Installations older than the deadline changes kept their deadline edits in the audit trail
    only: the migration turns each into a deadline change and counts the moves and days."""
    import datetime
    from importlib import import_module

    from django.apps import apps

    from tests.factories import CommitmentFactory, UserFactory
    from tracker.models import Commitment, DeadlineChange
    from tracker.services.commitments import commitment_change_deadline

    editor = UserFactory()
    commitment = CommitmentFactory(deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019")
    for day, reason in ((datetime.date(2020, 12, 31), "uitgesteld"), (datetime.date(2020, 6, 30), "vervroegd")):
        commitment = commitment_change_deadline(commitment=commitment, user=editor, deadline=day, reason=reason)
    # As an installation before 0014 had it: no deadline changes, no figures.
    DeadlineChange.objects.all().delete()
    Commitment.objects.update(first_deadline=None, deadline_moves=0, deadline_slip_days=0)

    import_module("tracker.migrations.0014_promises_across_answers").slippage_from_audited_edits(apps, None)

    commitment.refresh_from_db()
    assert (commitment.first_deadline, commitment.deadline_moves, commitment.deadline_slip_days) == (
        datetime.date(2019, 12, 31),
        2,
        (datetime.date(2020, 6, 30) - datetime.date(2019, 12, 31)).days,
    )
    changes = list(DeadlineChange.objects.filter(commitment=commitment).order_by("recorded_at"))
    assert [(c.old_deadline, c.new_deadline, c.reason, c.recorded_by) for c in changes] == [
        (datetime.date(2019, 12, 31), datetime.date(2020, 12, 31), "uitgesteld", editor),
        (datetime.date(2020, 12, 31), datetime.date(2020, 6, 30), "vervroegd", editor),
    ]
