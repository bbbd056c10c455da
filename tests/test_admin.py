"""The admin: every model's list and forms render for an administrator; history cannot be overwritten."""

import datetime
from urllib.parse import unquote

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import CommitmentFactory
from tracker.models import StatusUpdate

pytestmark = pytest.mark.django_db

MODELS = [model for model in admin.site._registry if model._meta.app_label in ("tracker", "auth")]


@pytest.fixture
def data():
    return CommitmentFactory()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_changelist_and_forms_render_for_an_administrator(admin_client, data, model):
    opts = model._meta
    changelist = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200
    searched = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), {"q": "armoede"})
    assert searched.status_code == 200
    instance = model.objects.first()
    if instance is not None:
        change = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk]))
        assert change.status_code == 200
    add = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert add.status_code in (200, 403)  # 403 where adding is deliberately impossible (history, imports)


def test_status_updates_cannot_be_changed_or_deleted_in_the_admin(admin_client, data):
    update = StatusUpdate.objects.first()
    response = admin_client.post(reverse("admin:tracker_statusupdate_change", args=[update.pk]), {"status": "fulfilled"})
    assert response.status_code == 403
    assert admin_client.post(reverse("admin:tracker_statusupdate_delete", args=[update.pk]), {"post": "yes"}).status_code == 403
    assert StatusUpdate.objects.get(pk=update.pk).status == update.status


def test_a_status_update_appended_in_the_admin_goes_through_the_service(admin_client, administrator, data):
    url = reverse("admin:tracker_commitment_change", args=[data.pk])
    form = admin_client.get(url).context["adminform"].form
    payload = {name: value for name, value in form.initial.items() if value is not None}
    payload.update(
        {
            "answer": data.answer_id,
            "responsible_person": data.responsible_person_id,
            "responsible_office": "",
            "deadline": data.deadline.isoformat(),
            "themes": [],
            "new_status": "in_progress",
            "new_status_observed_on": "2019-02-01",
            "new_status_note": "Via de admin.",
            "status_updates-TOTAL_FORMS": "1",
            "status_updates-INITIAL_FORMS": "1",
            "status_updates-MIN_NUM_FORMS": "0",
            "status_updates-MAX_NUM_FORMS": "1000",
        }
    )
    response = admin_client.post(url, payload)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    data.refresh_from_db()
    assert data.current_status == "in_progress"
    assert data.status_observed_on == datetime.date(2019, 2, 1)
    assert data.status_updates.latest_first().first().recorded_by == administrator


def test_commitments_cannot_be_deleted_in_the_admin(admin_client, data):
    assert admin_client.post(reverse("admin:tracker_commitment_delete", args=[data.pk]), {"post": "yes"}).status_code == 403


def test_the_user_list_shows_each_users_role(admin_client, editor):
    response = admin_client.get(reverse("admin:auth_user_changelist"))
    assert "Editor" in response.content.decode()


def change_payload(admin_client, commitment, **changes) -> dict:
    """What the admin's change form posts for *commitment* untouched, with *changes*."""
    form = admin_client.get(reverse("admin:tracker_commitment_change", args=[commitment.pk])).context["adminform"].form
    payload = {name: value for name, value in form.initial.items() if value is not None}
    payload.update(
        {
            "responsible_person": commitment.responsible_person_id,
            "responsible_office": commitment.responsible_office_id or "",
            "deadline": commitment.deadline.isoformat() if commitment.deadline else "",
            "themes": [],
            "status_updates-TOTAL_FORMS": "1",
            "status_updates-INITIAL_FORMS": "1",
            "status_updates-MIN_NUM_FORMS": "0",
            "status_updates-MAX_NUM_FORMS": "1000",
        }
    )
    payload.update(changes)
    return payload


def test_a_deadline_changed_in_the_admin_needs_a_reason_and_goes_through_the_service(admin_client, administrator, data):
    url = reverse("admin:tracker_commitment_change", args=[data.pk])
    refused = admin_client.post(url, change_payload(admin_client, data, deadline="2021-06-30", deadline_source="staff"))
    assert refused.status_code == 200
    assert "reason" in refused.context["adminform"].form.errors
    payload = change_payload(admin_client, data, deadline="2021-06-30", deadline_source="staff", reason="Verlengd in vraag 12.")
    assert admin_client.post(url, payload).status_code == 302
    data.refresh_from_db()
    assert (data.deadline, data.deadline_source, data.version) == (datetime.date(2021, 6, 30), "staff", 2)
    latest = data.history.latest("history_date")
    assert (latest.history_user, latest.history_change_reason) == (administrator, "Verlengd in vraag 12.")


def test_the_admin_shows_the_slippage_of_a_moved_deadline_and_never_edits_it(admin_client, data):
    url = reverse("admin:tracker_commitment_change", args=[data.pk])
    first = data.deadline
    payload = change_payload(admin_client, data, deadline="2021-06-30", deadline_source="staff", reason="Verlengd.")
    payload.update(first_deadline="2000-01-01", deadline_moves="99", deadline_slip_days="99")  # ignored: read-only
    assert admin_client.post(url, payload).status_code == 302
    data.refresh_from_db()
    assert (data.first_deadline, data.deadline_moves, data.deadline_slip_days) == (
        first,
        1,
        (datetime.date(2021, 6, 30) - first).days,
    )
    page = admin_client.get(url).content.decode()
    assert "Days slipped" in page
    assert f'<div class="readonly">{(datetime.date(2021, 6, 30) - first).days}</div>' in page


def test_an_admin_form_opened_before_someone_elses_change_is_refused(admin_client, data):
    url = reverse("admin:tracker_commitment_change", args=[data.pk])
    stale = change_payload(admin_client, data, title="Mijn versie")
    from tracker.services.commitments import commitment_edit

    commitment_edit(
        commitment=data,
        user=None,
        expected_version=data.version,
        title="Hun versie",
        kind=data.kind,
        target_group="",
        quote=data.quote,
    )
    response = admin_client.post(url, stale)
    assert response.status_code == 200
    assert "Someone else changed this commitment" in response.content.decode()
    data.refresh_from_db()
    assert data.title == "Hun versie"


def test_themes_changed_in_the_admin_are_kept_in_the_commitments_history(admin_client, administrator, data):
    from tests.factories import ThemeFactory

    theme = ThemeFactory(name="Armoede")
    url = reverse("admin:tracker_commitment_change", args=[data.pk])
    assert admin_client.post(url, change_payload(admin_client, data, themes=[theme.pk])).status_code == 302
    assert list(data.themes.all()) == [theme]
    assert data.history.latest("history_date").history_user == administrator


def test_a_status_appended_in_the_admin_meets_the_checks_of_the_status_form(admin_client, data):
    url = reverse("admin:tracker_commitment_change", args=[data.pk])
    payload = change_payload(admin_client, data, new_status="in_progress", new_status_observed_on="2099-01-01")
    response = admin_client.post(url, payload)
    assert response.status_code == 200
    assert "cannot lie in the future" in str(response.context["adminform"].form.errors["new_status_observed_on"])
    assert data.status_updates.count() == 1


def answer_payload(admin_client, answer, **changes) -> dict:
    form = admin_client.get(reverse("admin:tracker_answer_change", args=[answer.pk])).context["adminform"].form
    payload = {name: value for name, value in form.initial.items() if value is not None}
    payload.update({"commitments-TOTAL_FORMS": "1", "commitments-INITIAL_FORMS": "1", "commitments-MIN_NUM_FORMS": "0"})
    payload.update({"commitments-MAX_NUM_FORMS": "1000", "commitments-0-id": answer.commitments.get().pk})
    payload.update({"commitments-0-answer": answer.pk})
    payload.update(changes)
    return payload


def test_an_answer_text_edited_in_the_admin_cannot_drop_a_commitments_quote(admin_client, data):
    url = reverse("admin:tracker_answer_change", args=[data.answer_id])
    response = admin_client.post(url, answer_payload(admin_client, data.answer, text="Een ander antwoord."))
    assert response.status_code == 200
    assert data.reference in str(response.context["adminform"].form.errors["text"])
    assert data.quote in type(data.answer).objects.get(pk=data.answer_id).text


def test_an_answer_dated_again_in_the_admin_moves_its_commitments_date(admin_client, data):
    url = reverse("admin:tracker_answer_change", args=[data.answer_id])
    response = admin_client.post(url, answer_payload(admin_client, data.answer, answered_on="2018-08-01"))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    data.refresh_from_db()
    assert data.made_on == datetime.date(2018, 8, 1)


@pytest.mark.parametrize("client_name", ["viewer_client", "editor_client"])
def test_a_logged_in_user_without_admin_access_is_refused_not_sent_to_log_in(request, client_name):
    client = request.getfixturevalue(client_name)
    for url in ("/admin/", "/admin/tracker/commitment/", "/admin/auth/user/add/"):
        response = client.get(url, follow=True)
        assert response.status_code == 403, url
        assert response.redirect_chain == [], url
        html = response.content.decode()
        assert "The admin is for administrators." in html
        assert "app.css" in html, "the 403 page is in the application's look"


def test_the_login_page_sends_a_logged_in_user_without_admin_access_to_the_refusal(viewer_client):
    response = viewer_client.get("/accounts/login/?next=/admin/", follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert response.status_code == 403


def test_anonymous_visitors_of_the_admin_go_to_the_one_login_page(anonymous_client):
    response = anonymous_client.get("/admin/", follow=True)
    assert unquote(response.redirect_chain[-1][0]) == "/accounts/login/?next=/admin/"
    assert response.status_code == 200


def test_administrators_get_the_admin(admin_client):
    assert admin_client.get("/admin/").status_code == 200


def test_an_administrator_who_is_not_a_superuser_reads_every_record_the_application_keeps(client):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory
    from tracker.roles import Role

    administrator = UserFactory(username="beheer-zonder-superuser", role=Role.ADMINISTRATOR)
    assert not administrator.is_superuser
    tracker_permissions = Permission.objects.filter(content_type__app_label="tracker").count()
    assert administrator.groups.get().permissions.filter(content_type__app_label="tracker").count() == tracker_permissions
    client.force_login(administrator)
    for name in ("digestsent", "remindersent", "statusupdatevoid"):
        assert client.get(reverse(f"admin:tracker_{name}_changelist")).status_code == 200, name


def test_staff_find_a_merged_duplicate_in_the_admin_read_only_and_the_merge_with_its_undo_link(admin_client):
    from tracker.models import CommitmentMerge
    from tracker.services.merges import commitments_merge

    kept, absorbed = CommitmentFactory(), CommitmentFactory()
    merge = commitments_merge(kept=kept, absorbed=absorbed, user=None, reason="Dubbel ingevoerd.")
    listed = admin_client.get(reverse("admin:tracker_commitment_changelist"), {"merged": "yes"})
    assert [c.pk for c in listed.context["cl"].result_list] == [absorbed.pk]
    page = admin_client.get(reverse("admin:tracker_commitment_change", args=[absorbed.pk]))
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    merges = admin_client.get(reverse("admin:tracker_commitmentmerge_changelist")).content.decode()
    assert f"/commitments/{kept.pk}/merges/{merge.pk}/undo/" in merges
    assert CommitmentMerge.objects.count() == 1


def test_a_programme_with_open_parts_is_not_fulfilled_from_the_admin(admin_client):
    from tracker.services.programmes import commitment_set_parent

    programme, part = CommitmentFactory(), CommitmentFactory()
    commitment_set_parent(commitment=part, parent=programme, user=None, reason="Maatregel.")
    payload = change_payload(admin_client, programme, new_status="fulfilled", new_status_observed_on="2020-01-01")
    response = admin_client.post(reverse("admin:tracker_commitment_change", args=[programme.pk]), payload)
    assert "Parts of this programme are still open" in response.content.decode()
    assert not programme.status_updates.filter(status="fulfilled").exists()
