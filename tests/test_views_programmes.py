"""The commitment page's programmes and merged duplicates: parts and their progress, "Part of",
merging with a confirmation step, redirects from a merged duplicate, and undoing (administrators)."""

import datetime

import pytest

from tests.factories import CommitmentFactory
from tests.querycount import queries_for
from tracker.models import Commitment, CommitmentMerge, Status
from tracker.services.commitments import commitment_record_status
from tracker.services.merges import commitments_merge
from tracker.services.programmes import commitment_set_parent

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 3, 1)


def programme_with(statuses):
    programme = CommitmentFactory(title="Actieplan armoede")
    parts = []
    for status in statuses:
        part = CommitmentFactory(status=status, observed_on=DAY)
        commitment_set_parent(commitment=part, parent=programme, user=None, reason="Maatregel.")
        parts.append(part)
    return programme, parts


def merged_pair():
    kept = CommitmentFactory(title="Projectoproep buddywerking")
    absorbed = CommitmentFactory(title="Projectoproep buddy's", status=Status.IN_PROGRESS, observed_on=DAY)
    commitments_merge(kept=kept, absorbed=absorbed, user=None, reason="Dezelfde oproep.")
    return kept, absorbed


# Programmes ------------------------------------------------------------------------------------


def test_a_programme_shows_its_parts_with_their_statuses_and_how_many_are_kept(viewer_client):
    programme, parts = programme_with([Status.FULFILLED, Status.FULFILLED, Status.PARTIALLY_FULFILLED, Status.IN_PROGRESS])
    html = viewer_client.get(programme.get_absolute_url()).content.decode()
    assert "2 of 4 parts kept" in html
    assert "1 partly kept" in html
    assert "1 still open" in html
    for part in parts:
        assert part.reference in html
    assert 'class="bar-kept" x="0" y="0" width="50.0"' in html


def test_a_part_names_its_programme(viewer_client):
    programme, (part,) = programme_with([Status.IN_PROGRESS])
    html = viewer_client.get(part.get_absolute_url()).content.decode()
    assert f'Part of <a href="{programme.get_absolute_url()}"><span class="ref-tag">{programme.reference}</span>' in html


def test_the_programme_page_costs_the_same_queries_with_two_parts_or_ten(viewer_client):
    small, _ = programme_with([Status.FULFILLED, Status.IN_PROGRESS])
    large, _ = programme_with([Status.FULFILLED, Status.IN_PROGRESS] * 5)
    plain = CommitmentFactory()
    queries_for(viewer_client, plain.get_absolute_url())  # warm the caches
    assert queries_for(viewer_client, small.get_absolute_url()) == queries_for(viewer_client, large.get_absolute_url())
    # One more than a commitment without parts: the parts.
    assert queries_for(viewer_client, large.get_absolute_url()) == queries_for(viewer_client, plain.get_absolute_url()) + 1


def test_an_editor_makes_a_commitment_part_of_a_programme_by_its_reference(editor_client):
    programme, measure = CommitmentFactory(), CommitmentFactory()
    response = editor_client.post(f"/commitments/{measure.pk}/part-of/", {"parent": programme.reference, "reason": "Actie 2."})
    assert response.status_code == 302
    assert Commitment.objects.get(pk=measure.pk).parent == programme


def test_an_impossible_programme_is_a_field_error_and_nothing_changes(editor_client):
    _programme, (part,) = programme_with([Status.IN_PROGRESS])
    other = CommitmentFactory()
    response = editor_client.post(f"/commitments/{other.pk}/part-of/", {"parent": part.reference, "reason": "Fout."})
    assert response.status_code == 400
    assert "is itself a part of" in response.content.decode()
    response = editor_client.post(f"/commitments/{other.pk}/part-of/", {"parent": "C-99999", "reason": "Fout."})
    assert "There is no commitment C-99999" in response.content.decode()
    assert Commitment.objects.get(pk=other.pk).parent is None


def test_viewers_cannot_set_a_programme(viewer_client):
    programme, measure = CommitmentFactory(), CommitmentFactory()
    response = viewer_client.post(f"/commitments/{measure.pk}/part-of/", {"parent": programme.reference, "reason": "x"})
    assert response.status_code == 403


def test_fulfilling_a_programme_with_open_parts_asks_for_confirmation_and_a_note(editor_client):
    programme, (_done, still_open) = programme_with([Status.FULFILLED, Status.IN_PROGRESS])
    page = editor_client.get(programme.get_absolute_url()).content.decode()
    assert f"Record it anyway: the open parts are {still_open.reference}" in page
    data = {"status": "fulfilled", "observed_on": "2020-06-01", "note": ""}
    response = editor_client.post(f"/commitments/{programme.pk}/status/", data)
    assert response.status_code == 400
    assert f"Parts of this programme are still open: {still_open.reference}" in response.content.decode()
    response = editor_client.post(f"/commitments/{programme.pk}/status/", {**data, "confirm_open_parts": "on"})
    assert response.status_code == 400
    assert "Say why the programme counts as fulfilled" in response.content.decode()
    response = editor_client.post(
        f"/commitments/{programme.pk}/status/", {**data, "confirm_open_parts": "on", "note": "Maatregel 2 vervalt."}
    )
    assert response.status_code == 302
    assert Commitment.objects.get(pk=programme.pk).current_status == Status.FULFILLED


# Merging ---------------------------------------------------------------------------------------


def test_merging_shows_both_side_by_side_before_anything_is_written(editor_client):
    kept, duplicate = CommitmentFactory(title="Eerste"), CommitmentFactory(title="Tweede")
    response = editor_client.post(f"/commitments/{kept.pk}/merge/", {"duplicate": duplicate.reference, "reason": "Zelfde."})
    html = response.content.decode()
    assert response.status_code == 200
    assert kept.quote in html
    assert duplicate.quote in html
    assert not CommitmentMerge.objects.exists()
    response = editor_client.post(
        f"/commitments/{kept.pk}/merge/", {"duplicate": duplicate.reference, "reason": "Zelfde.", "confirm": "yes"}
    )
    assert response.status_code == 302
    assert Commitment.all_objects.get(pk=duplicate.pk).merged_into == kept


def test_a_refused_merge_is_a_field_error(editor_client):
    kept = CommitmentFactory()
    response = editor_client.post(
        f"/commitments/{kept.pk}/merge/", {"duplicate": kept.reference, "reason": "x", "confirm": "yes"}
    )
    assert response.status_code == 400
    assert "cannot be merged into itself" in response.content.decode()


@pytest.mark.parametrize(("client_name", "code"), [("viewer_client", 403), ("editor_client", 200)])
def test_only_editors_merge(request, client_name, code):
    kept, duplicate = CommitmentFactory(), CommitmentFactory()
    client = request.getfixturevalue(client_name)
    assert client.post(f"/commitments/{kept.pk}/merge/", {"duplicate": duplicate.reference, "reason": "x"}).status_code == code


def test_the_kept_commitment_shows_the_other_quote_reference_and_history(viewer_client):
    kept, absorbed = merged_pair()
    html = viewer_client.get(kept.get_absolute_url()).content.decode()
    assert f"Also recorded as {absorbed.reference}" in html
    assert absorbed.quote in html
    assert absorbed.answer.question.get_absolute_url() in html
    assert f"from {absorbed.reference}, merged" in html
    assert f"{absorbed.reference} merged into this commitment" in html
    assert "Undo this merge" not in html


@pytest.mark.parametrize("suffix", ["", "edit/", "follow-up/"])
def test_the_duplicate_pages_lead_to_the_kept_commitment(viewer_client, editor_client, suffix):
    kept, absorbed = merged_pair()
    response = editor_client.get(f"/commitments/{absorbed.pk}/{suffix}", follow=False)
    assert response.status_code == 302
    assert response["Location"] == f"/commitments/{kept.pk}/{suffix}"
    followed = editor_client.get(response["Location"])
    assert f"{absorbed.reference} was merged into {kept.reference}." in followed.content.decode()


def test_a_status_sent_to_the_duplicate_leads_to_the_kept_page_and_is_not_applied(editor_client):
    kept, absorbed = merged_pair()
    response = editor_client.post(f"/commitments/{absorbed.pk}/status/", {"status": "delayed", "observed_on": "2020-06-01"})
    assert (response.status_code, response["Location"]) == (302, f"/commitments/{kept.pk}/")
    assert not kept.status_updates.filter(status="delayed").exists()


def test_the_kept_page_costs_the_same_queries_with_one_duplicate_or_three(viewer_client, django_assert_max_num_queries):
    one, _ = merged_pair()
    three, _ = merged_pair()
    for _ in range(2):
        duplicate = CommitmentFactory(status=Status.DELAYED, observed_on=DAY)
        commitments_merge(kept=three, absorbed=duplicate, user=None, reason="Dubbel.")
    queries_for(viewer_client, one.get_absolute_url())  # warm the caches
    assert queries_for(viewer_client, one.get_absolute_url()) == queries_for(viewer_client, three.get_absolute_url())
    with django_assert_max_num_queries(13):  # a plain commitment's twelve, and the merges
        viewer_client.get(three.get_absolute_url())


def test_lists_search_and_the_dashboard_leave_the_duplicate_out(viewer_client):
    kept, absorbed = merged_pair()
    listed = [row.pk for row in viewer_client.get("/commitments/").context["page"].object_list]
    assert listed == [kept.pk]
    found = [row.pk for row in viewer_client.get("/commitments/", {"q": "Projectoproep"}).context["page"].object_list]
    assert found == [kept.pk]
    csv = viewer_client.get("/commitments/export.csv")
    text = b"".join(csv.streaming_content).decode("utf-8-sig")
    assert kept.reference in text
    assert absorbed.reference not in text
    dashboard = viewer_client.get("/").content.decode()
    assert absorbed.reference not in dashboard


# Undoing -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("client_name", "code"), [("viewer_client", 403), ("editor_client", 403), ("admin_client", 302)])
def test_only_administrators_undo_a_merge(request, client_name, code):
    kept, absorbed = merged_pair()
    merge = CommitmentMerge.objects.get()
    client = request.getfixturevalue(client_name)
    response = client.post(f"/commitments/{kept.pk}/merges/{merge.pk}/undo/", {"reason": "Toch verschillend."})
    assert response.status_code == code
    assert (Commitment.all_objects.get(pk=absorbed.pk).merged_into_id is None) == (code == 302)


def test_an_administrator_sees_undo_and_the_undo_needs_a_reason(admin_client):
    kept, absorbed = merged_pair()
    merge = CommitmentMerge.objects.get()
    assert "Undo this merge" in admin_client.get(kept.get_absolute_url()).content.decode()
    assert admin_client.get(f"/commitments/{kept.pk}/merges/{merge.pk}/undo/").status_code == 200
    response = admin_client.post(f"/commitments/{kept.pk}/merges/{merge.pk}/undo/", {"reason": ""})
    assert response.status_code == 400
    assert admin_client.get(f"/commitments/{absorbed.pk}/merges/{merge.pk}/undo/").status_code == 404


def test_after_undo_both_timelines_tell_the_merge_and_its_undoing(admin_client):
    kept, absorbed = merged_pair()
    merge = CommitmentMerge.objects.get()
    admin_client.post(f"/commitments/{kept.pk}/merges/{merge.pk}/undo/", {"reason": "Toch verschillend."})
    for commitment in (kept, absorbed):
        html = admin_client.get(commitment.get_absolute_url()).content.decode()
        assert f"Merge of {absorbed.reference} into {kept.reference} undone" in html
        assert "Toch verschillend." in html
        assert "Dezelfde oproep." in html
    assert f"Merged into {kept.reference}" in admin_client.get(absorbed.get_absolute_url()).content.decode()
    commitment_record_status(commitment=absorbed, user=None, status=Status.DELAYED, observed_on=DAY)
    assert Commitment.objects.get(pk=absorbed.pk).current_status == Status.DELAYED
