"""The write paths: recording a status, changing a deadline, handing over, editing."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import CommitmentFactory, OfficeFactory, government
from tests.test_tallies import tallies
from tracker.models import Commitment, DeadlineSource, Kind, Status, StatusUpdate, StatusUpdateVoid
from tracker.services.commitments import (
    Provenance,
    RestoredStatus,
    StaleEdit,
    commitment_change_deadline,
    commitment_edit,
    commitment_hand_over,
    commitment_record_status,
    commitment_refresh_current_status,
    commitment_restore_history,
    commitments_refresh_current_status,
    office_hand_over_open_commitments,
    status_update_void,
)
from tracker.services.tallies import tally_counts

pytestmark = pytest.mark.django_db


def record(commitment, status, observed_on, user=None, **kwargs):
    return commitment_record_status(commitment=commitment, user=user, status=status, observed_on=observed_on, **kwargs)


def test_recording_a_status_appends_to_the_history_and_sets_the_current_status(editor):
    commitment = CommitmentFactory()
    update = record(commitment, Status.IN_PROGRESS, datetime.date(2019, 3, 1), user=editor, note="Oproep gepubliceerd.")
    commitment.refresh_from_db()
    assert commitment.current_status == Status.IN_PROGRESS
    assert commitment.status_observed_on == datetime.date(2019, 3, 1)
    assert commitment.last_recorded_at == update.recorded_at
    assert [u.status for u in StatusUpdate.objects.filter(commitment=commitment).latest_first()] == [
        Status.IN_PROGRESS,
        Status.ANNOUNCED,
    ]
    assert update.recorded_by == editor


def test_a_backdated_update_joins_the_history_without_replacing_a_newer_status():
    commitment = CommitmentFactory()
    record(commitment, Status.FULFILLED, datetime.date(2020, 6, 1))
    record(commitment, Status.IN_PROGRESS, datetime.date(2019, 6, 1))
    commitment.refresh_from_db()
    assert commitment.current_status == Status.FULFILLED
    assert StatusUpdate.objects.filter(commitment=commitment).count() == 3


def test_on_the_same_observation_date_the_update_recorded_last_is_current():
    commitment = CommitmentFactory()
    record(commitment, Status.DELAYED, datetime.date(2020, 6, 1))
    record(commitment, Status.IN_PROGRESS, datetime.date(2020, 6, 1))
    commitment.refresh_from_db()
    assert commitment.current_status == Status.IN_PROGRESS


def test_a_mistake_is_corrected_by_a_newer_update_and_the_old_one_stays():
    commitment = CommitmentFactory()
    record(commitment, Status.NOT_FULFILLED, datetime.date(2020, 1, 1))
    record(commitment, Status.IN_PROGRESS, datetime.date(2020, 1, 2), note="Correctie: vorige update was fout.")
    assert list(StatusUpdate.objects.filter(commitment=commitment).values_list("status", flat=True).latest_first()) == [
        Status.IN_PROGRESS,
        Status.NOT_FULFILLED,
        Status.ANNOUNCED,
    ]


def test_status_service_is_atomic_a_failure_leaves_neither_the_update_nor_the_new_status():
    commitment = CommitmentFactory()
    failing_refresh = mock.patch(
        "tracker.services.commitments.commitment_refresh_current_status", side_effect=DatabaseError("disk full")
    )
    with failing_refresh, pytest.raises(DatabaseError):
        record(commitment, Status.FULFILLED, datetime.date(2020, 1, 1))
    commitment.refresh_from_db()
    assert commitment.current_status == Status.ANNOUNCED
    assert StatusUpdate.objects.filter(commitment=commitment).count() == 1


@pytest.mark.parametrize(
    ("kind", "status", "field"),
    [
        (Kind.ACTION, Status.POSITION_MAINTAINED, "status"),
        (Kind.REFUSAL, Status.FULFILLED, "status"),
    ],
)
def test_a_status_that_does_not_fit_the_kind_is_refused_in_plain_words(kind, status, field):
    commitment = CommitmentFactory(kind=kind)
    with pytest.raises(ValidationError) as error:
        record(commitment, status, datetime.date(2020, 1, 1))
    assert field in error.value.message_dict


def test_a_status_observed_in_the_future_or_before_the_promise_is_refused():
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError) as future:
        record(commitment, Status.IN_PROGRESS, timezone.localdate() + datetime.timedelta(days=1))
    assert "future" in future.value.message_dict["observed_on"][0]
    with pytest.raises(ValidationError) as early:
        record(commitment, Status.IN_PROGRESS, datetime.date(2017, 1, 1))
    assert "before the commitment was made" in early.value.message_dict["observed_on"][0]


def test_changing_the_deadline_keeps_the_old_one_and_the_reason_in_the_history(editor):
    commitment = CommitmentFactory()
    old_deadline = commitment.deadline
    commitment_change_deadline(
        commitment=commitment, user=editor, deadline=datetime.date(2020, 12, 31), reason="Verlengd in vraag 12."
    )
    commitment.refresh_from_db()
    assert (commitment.deadline, commitment.deadline_source) == (datetime.date(2020, 12, 31), DeadlineSource.STAFF)
    latest, previous = commitment.history.order_by("-history_date")[:2]
    assert previous.deadline == old_deadline
    assert latest.history_change_reason == "Verlengd in vraag 12."
    assert latest.history_user == editor


def test_changing_the_deadline_needs_a_reason():
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError) as error:
        commitment_change_deadline(commitment=commitment, user=None, deadline=datetime.date(2020, 12, 31), reason="  ")
    assert "reason" in error.value.message_dict


def test_handing_over_moves_responsibility_to_the_successor_and_records_why(editor):
    commitment = CommitmentFactory()
    successor_office = OfficeFactory(government=government("jambon"))
    commitment_hand_over(commitment=commitment, user=editor, office=successor_office, reason="Nieuwe regering.")
    commitment.refresh_from_db()
    assert (commitment.responsible_office, commitment.responsible_person) == (successor_office, successor_office.person)
    assert commitment.history.latest("history_date").history_change_reason == "Nieuwe regering."


def test_handing_over_an_office_moves_only_its_open_commitments():
    office = OfficeFactory()
    open_one = CommitmentFactory(responsible_office=office)
    closed_one = CommitmentFactory(responsible_office=office, status=Status.FULFILLED, observed_on=datetime.date(2019, 1, 1))
    successor = OfficeFactory(government=government("jambon"))
    moved = office_hand_over_open_commitments(from_office=office, to_office=successor, user=None, reason="Regeringswissel.")
    assert moved == 1
    assert Commitment.objects.get(pk=open_one.pk).responsible_office == successor
    assert Commitment.objects.get(pk=closed_one.pk).responsible_office == office
    office.refresh_from_db()
    assert office.successor == successor


def test_an_edit_based_on_a_stale_version_is_refused_and_nothing_is_overwritten(editor):
    commitment = CommitmentFactory(title="Oorspronkelijk")
    opened_version = commitment.version
    commitment_edit(
        commitment=Commitment.objects.get(pk=commitment.pk),
        user=editor,
        expected_version=opened_version,
        title="Eerste editor",
        kind=Kind.ACTION,
        target_group="",
        quote=commitment.quote,
    )
    with pytest.raises(StaleEdit) as conflict:
        commitment_edit(
            commitment=commitment,
            user=editor,
            expected_version=opened_version,
            title="Tweede editor",
            kind=Kind.ACTION,
            target_group="",
            quote=commitment.quote,
        )
    assert conflict.value.current.title == "Eerste editor"
    assert Commitment.objects.get(pk=commitment.pk).title == "Eerste editor"


def test_an_edit_cannot_turn_a_promise_into_a_refusal():
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError) as error:
        commitment_edit(
            commitment=commitment,
            user=None,
            expected_version=commitment.version,
            title="x",
            kind=Kind.REFUSAL,
            target_group="",
            quote=commitment.quote,
        )
    assert "kind" in error.value.message_dict


def test_an_evidence_link_must_be_a_web_address():
    commitment = CommitmentFactory()
    for address in ("javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/x"):
        with pytest.raises(ValidationError) as error:
            record(commitment, Status.IN_PROGRESS, datetime.date(2019, 3, 1), evidence_url=address)
        assert "http:// or https://" in error.value.message_dict["evidence_url"][0]
    update = record(commitment, Status.IN_PROGRESS, datetime.date(2019, 3, 1), evidence_url="https://www.vlaamsparlement.be/x")
    assert update.evidence_url == "https://www.vlaamsparlement.be/x"


def test_an_update_is_recorded_by_its_author_now_whatever_the_caller_asks():
    # The service has no way to name another author or another time: only a restore does.
    with pytest.raises(TypeError):
        record(CommitmentFactory(), Status.IN_PROGRESS, datetime.date(2019, 3, 1), recorded_at=timezone.now())


def test_a_voided_update_stays_in_the_history_but_no_longer_counts(administrator):
    commitment = CommitmentFactory()
    record(commitment, Status.IN_PROGRESS, datetime.date(2019, 3, 1))
    mistake = record(commitment, Status.FULFILLED, datetime.date(2020, 3, 1), note="Verkeerde toezegging.")
    assert Commitment.objects.get(pk=commitment.pk).current_status == Status.FULFILLED
    void = status_update_void(update=mistake, user=administrator, reason="Hoort bij een andere toezegging.")
    commitment.refresh_from_db()
    assert (commitment.current_status, commitment.status_observed_on) == (Status.IN_PROGRESS, datetime.date(2019, 3, 1))
    assert StatusUpdate.objects.filter(commitment=commitment).count() == 3, "nothing is deleted"
    assert (void.voided_by, void.reason) == (administrator, "Hoort bij een andere toezegging.")
    assert list(commitment.status_updates.valid().values_list("status", flat=True).latest_first()) == [
        Status.IN_PROGRESS,
        Status.ANNOUNCED,
    ]


def test_voiding_moves_the_dashboard_tallies_with_the_current_status(administrator):
    commitment = CommitmentFactory()
    mistake = record(commitment, Status.NOT_FULFILLED, datetime.date(2020, 3, 1))
    status_update_void(update=mistake, user=administrator, reason="Typfout.")
    assert tallies() == tally_counts()
    assert tally_counts()[(commitment.responsible_person_id, commitment.made_on.year, Status.ANNOUNCED, False)] == 1


@pytest.mark.parametrize("reason", ["", "   "])
def test_voiding_needs_a_reason(administrator, reason):
    commitment = CommitmentFactory()
    mistake = record(commitment, Status.FULFILLED, datetime.date(2020, 3, 1))
    with pytest.raises(ValidationError) as error:
        status_update_void(update=mistake, user=administrator, reason=reason)
    assert "reason" in error.value.message_dict
    assert not StatusUpdateVoid.objects.exists()


def test_an_update_is_voided_once_and_the_last_one_that_counts_cannot_be_voided(administrator):
    commitment = CommitmentFactory()
    mistake = record(commitment, Status.FULFILLED, datetime.date(2020, 3, 1))
    status_update_void(update=mistake, user=administrator, reason="Fout.")
    with pytest.raises(ValidationError, match="already voided"):
        status_update_void(update=mistake, user=administrator, reason="Nog eens.")
    only = commitment.status_updates.valid().get()
    with pytest.raises(ValidationError, match="only status update that counts"):
        status_update_void(update=only, user=administrator, reason="Alles weg.")
    assert Commitment.objects.get(pk=commitment.pk).current_status == Status.ANNOUNCED


def test_a_void_cannot_be_changed_even_by_sql(administrator):
    commitment = CommitmentFactory()
    void = status_update_void(
        update=record(commitment, Status.FULFILLED, datetime.date(2020, 3, 1)), user=administrator, reason="Fout."
    )
    with pytest.raises((IntegrityError, DatabaseError), match="append-only"), transaction.atomic():
        StatusUpdateVoid.objects.filter(pk=void.pk).update(reason="Herschreven.")
    assert StatusUpdateVoid.objects.get(pk=void.pk).reason == "Fout."


def test_the_set_based_refresh_follows_the_same_rule_as_the_single_one():
    commitments = [CommitmentFactory() for _ in range(3)]
    record(commitments[0], Status.IN_PROGRESS, datetime.date(2019, 3, 1))
    record(commitments[0], Status.DELAYED, datetime.date(2019, 3, 1))  # same day: the one recorded last
    record(commitments[1], Status.FULFILLED, datetime.date(2020, 1, 1))
    record(commitments[1], Status.IN_PROGRESS, datetime.date(2019, 1, 1))  # backdated: not current
    expected = {c.pk: (c.current_status, c.status_observed_on, c.last_recorded_at) for c in Commitment.objects.all()}
    Commitment.objects.update(current_status=Status.LAPSED, status_observed_on=datetime.date(2030, 1, 1))
    assert commitments_refresh_current_status(Commitment.objects.all()) == 3
    assert {c.pk: (c.current_status, c.status_observed_on, c.last_recorded_at) for c in Commitment.objects.all()} == expected
    assert expected[commitments[0].pk][0] == Status.DELAYED
    assert expected[commitments[1].pk][0] == Status.FULFILLED


def test_a_restored_history_keeps_its_authors_times_and_voids_and_is_added_once(administrator):
    commitment = CommitmentFactory()
    at = datetime.datetime(2019, 3, 2, 9, 30, tzinfo=datetime.UTC)
    history = [
        RestoredStatus(
            status=Status.IN_PROGRESS,
            observed_on=datetime.date(2019, 3, 1),
            recorded=Provenance(at=at, user=administrator),
            note="Oproep gelanceerd.",
        ),
        RestoredStatus(
            status=Status.FULFILLED,
            observed_on=datetime.date(2019, 4, 1),
            recorded=Provenance(at=at + datetime.timedelta(days=31), name="elders"),
            void_reason="Te vroeg.",
            voided=Provenance(at=at + datetime.timedelta(days=40), name="beheerder-elders"),
        ),
    ]
    assert commitment_restore_history(commitment=commitment, history=history) == 3
    first, second = commitment.status_updates.exclude(status=Status.ANNOUNCED).order_by("observed_on")
    assert (first.recorded_by, first.recorded_at) == (administrator, at)
    assert (second.recorded_by, second.recorded_by_name, second.void.voided_by_name) == (None, "elders", "beheerder-elders")
    assert Commitment.objects.get(pk=commitment.pk).current_status == Status.IN_PROGRESS
    assert commitment_restore_history(commitment=commitment, history=history) == 0, "a restore run again adds nothing"


def test_a_restored_history_meets_the_same_checks_as_any_update():
    commitment = CommitmentFactory()
    future = RestoredStatus(
        status=Status.FULFILLED, observed_on=datetime.date(2099, 1, 1), recorded=Provenance(at=timezone.now())
    )
    with pytest.raises(ValidationError) as error:
        commitment_restore_history(commitment=commitment, history=[future])
    assert "future" in error.value.message_dict["observed_on"][0]
    assert commitment.status_updates.count() == 1


def test_a_deadline_changed_by_staff_is_on_record_with_its_slip():
    import datetime

    from tests.factories import CommitmentFactory, UserFactory
    from tracker.services.commitments import commitment_change_deadline

    editor = UserFactory()
    commitment = CommitmentFactory(deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019")
    commitment = commitment_change_deadline(commitment=commitment, user=editor, deadline=datetime.date(2020, 3, 31), reason="x")
    commitment = commitment_change_deadline(commitment=commitment, user=editor, deadline=datetime.date(2020, 3, 31), reason="y")
    commitment.refresh_from_db()
    (change,) = commitment.deadline_changes.all()
    assert (change.slip_days, change.recorded_by, change.reason) == (91, editor, "x")
    assert (commitment.first_deadline, commitment.deadline_moves, commitment.deadline_slip_days) == (
        datetime.date(2019, 12, 31),
        1,
        91,
    )


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's query plan")
def test_refreshing_one_commitments_status_reads_it_by_its_key_not_the_whole_table():
    """The UPDATE after each status update once tested a subquery on every commitment (0.8 s at
    10,000): with sequential scans priced out, its plan must find the rows by index."""
    commitment = CommitmentFactory()
    with CaptureQueriesContext(connection) as queries:
        commitment_refresh_current_status(commitment)
    update = next(query["sql"] for query in queries.captured_queries if query["sql"].startswith("UPDATE"))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {update}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
        transaction.set_rollback(True)
    assert "Seq Scan on tracker_commitment " not in plan, plan
