"""The permission matrix: every page and every form action, for every role, with the exact answer.

Anonymous visitors are sent to the login page; viewers read and export; editors also record,
edit, import and review; administrators also use the admin. The interface hides what a role
cannot do, and the server refuses it anyway."""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone

from tests.factories import CommitmentFactory, OfficeFactory, UserFactory
from tracker.imports.runner import import_documents
from tracker.models import Commitment, Follow, Status, StatusUpdate, StatusUpdateConfirmation, Suggestion
from tracker.roles import Role
from tracker.services.commitments import commitment_record_status

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"
ROLES = ["anonymous", "viewer", "editor", "administrator"]
LOGIN = "login"  # expected: redirected to the application's login page
ADMIN_LOGIN = "admin-login"  # expected: redirected to the admin's login page, which leads to the login page


@dataclass
class World:
    commitment: Commitment
    suggestion: Suggestion
    office_pk: int
    awaiting: StatusUpdate  # a closing status awaiting a second editor (recorded by an import)


@pytest.fixture
def world():
    import_documents([(SEED.name, SEED.read_bytes())])
    with override_settings(TRACKER_FOUR_EYES=True):
        awaiting = commitment_record_status(
            commitment=CommitmentFactory(), user=None, status=Status.FULFILLED, observed_on=timezone.localdate()
        )
    return World(
        commitment=CommitmentFactory(), suggestion=Suggestion.objects.first(), office_pk=OfficeFactory().pk, awaiting=awaiting
    )


def client_for(role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(UserFactory(username=f"matrix-{role}", role=Role(role.capitalize())))
    return client


def expect(anonymous, viewer, editor, administrator):
    return dict(zip(ROLES, (anonymous, viewer, editor, administrator), strict=True))


READ = expect(LOGIN, 200, 200, 200)
OWN = expect(LOGIN, 302, 302, 302)  # what every role may do to their own things: follow, profile
WRITE = expect(LOGIN, 403, 302, 302)
EDIT_PAGE = expect(LOGIN, 403, 200, 200)
ADMIN = expect(LOGIN, 403, 403, 200)

PAGES = {
    "dashboard": ("/", READ),
    "commitment list": ("/commitments/", READ),
    "commitment list, filtered": ("/commitments/?status=announced&sort=-deadline", READ),
    "commitment CSV": ("/commitments/export.csv", READ),
    "overdue": ("/commitments/overdue/", READ),
    "commitment detail": ("/commitments/{commitment}/", READ),
    "commitment edit form": ("/commitments/{commitment}/edit/", EDIT_PAGE),
    "follow-up question": ("/commitments/{commitment}/follow-up/", READ),
    "follow-up question as text": ("/commitments/{commitment}/follow-up/?format=txt", READ),
    "question list": ("/questions/", READ),
    "late answers": ("/questions/late/", READ),
    "report per minister": ("/reports/minister/", READ),
    "report per minister, chosen": ("/reports/minister/?minister={minister}&as_of=2026-01-01", READ),
    "question detail": ("/questions/{question}/", READ),
    "review queue": ("/review/", EDIT_PAGE),
    "suggestion": ("/review/{suggestion}/", EDIT_PAGE),
    "import page": ("/import/", EDIT_PAGE),
    "export page": ("/export/", READ),
    "export JSON": ("/export/?format=json", READ),
    "export CSV": ("/export/?format=csv", READ),
    "password change": ("/accounts/password/", READ),
    "my work": ("/my-work/", READ),
    "what I follow": ("/following/", READ),
    "profile": ("/profile/", READ),
    "confirm or reject a closing status": ("/status-updates/{awaiting}/reject/", EDIT_PAGE),
    "admin": ("/admin/", ADMIN | {"anonymous": ADMIN_LOGIN}),
    "admin login page": ("/admin/login/?next=/admin/", expect(*[302] * 4)),
    "admin commitments": ("/admin/tracker/commitment/", ADMIN),
    "admin users": ("/admin/auth/user/", ADMIN),
    "health check": ("/healthz", expect(200, 200, 200, 200)),
    "login page": ("/accounts/login/", expect(200, 302, 302, 302)),
}


def today() -> str:
    return timezone.localdate().isoformat()


ACTIONS = {
    "record a status": ("/commitments/{commitment}/status/", lambda w: {"status": "in_progress", "observed_on": today()}, WRITE),
    "change the deadline": (
        "/commitments/{commitment}/deadline/",
        lambda w: {"deadline": "2022-01-01", "reason": "Verlengd."},
        WRITE,
    ),
    "hand over": (
        "/commitments/{commitment}/responsibility/",
        lambda w: {"office": w.office_pk, "reason": "Nieuwe regering."},
        WRITE,
    ),
    "edit the description": (
        "/commitments/{commitment}/edit/",
        lambda w: {
            "title": "Nieuwe titel",
            "kind": "action",
            "target_group": "",
            "quote": w.commitment.quote,
            "version": w.commitment.version,
        },
        WRITE,
    ),
    "assign": ("/commitments/{commitment}/assignee/", lambda w: {"assignee": ""}, WRITE),
    "assign from the list": (
        "/commitments/assign/",
        lambda w: {"commitments": [w.commitment.pk], "assignee": "none", "query": "state=open"},
        WRITE,
    ),
    "follow a commitment": ("/follow/commitment/{commitment}/", lambda w: {}, OWN),
    "unfollow a minister": ("/unfollow/minister/{minister}/", lambda w: {}, OWN),
    "save the profile": ("/profile/", lambda w: {"email": "", "digest": "off", "language": "nl"}, OWN),
    "renew the calendar secret": ("/profile/renew-secret/", lambda w: {}, OWN),
    "confirm a closing status": ("/status-updates/{awaiting}/confirm/", lambda w: {}, WRITE),
    "reject a closing status": ("/status-updates/{awaiting}/reject/", lambda w: {"note": "Niet bewezen."}, WRITE),
    "confirm a suggestion": ("/review/{suggestion}/", lambda w: {"action": "accept"}, WRITE),
    "reject a suggestion": ("/review/{suggestion}/", lambda w: {"action": "reject"}, WRITE),
    "upload documents": (
        "/import/",
        lambda w: {"files": [SimpleUploadedFile("seed.txt", SEED.read_bytes())]},
        expect(LOGIN, 403, 200, 200),
    ),
    "add a user in the admin": (
        "/admin/auth/user/add/",
        lambda w: {
            "username": "mallory",
            "password1": "x-Very-long-pass-991",
            "password2": "x-Very-long-pass-991",
            "usable_password": "true",
        },
        ADMIN | {"administrator": 302},
    ),
    "log out": ("/accounts/logout/", lambda w: {}, expect(302, 302, 302, 302)),
    "switch language": ("/i18n/setlang/", lambda w: {"language": "nl", "next": "/"}, expect(302, 302, 302, 302)),
}


def url_for(template: str, world: World) -> str:
    return template.format(
        commitment=world.commitment.pk,
        question=world.commitment.answer.question_id,
        suggestion=world.suggestion.pk,
        minister=world.commitment.responsible_person_id,
        awaiting=world.awaiting.pk,
    )


def assert_answer(response, expected, url):
    if expected == LOGIN:
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), response["Location"]
    elif expected == ADMIN_LOGIN:
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/?next="), response["Location"]
    else:
        assert response.status_code == expected, (url, response.status_code)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(PAGES), ids=list(PAGES))
def test_page_answers_each_role_as_expected(world, role, page):
    template, expected = PAGES[page]
    url = url_for(template, world)
    assert_answer(client_for(role).get(url), expected[role], url)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS), ids=list(ACTIONS))
def test_form_action_answers_each_role_as_expected_and_refusals_change_nothing(world, role, action):
    template, data, expected = ACTIONS[action]
    url = url_for(template, world)
    before = (
        StatusUpdate.objects.count(),
        Commitment.objects.filter(pk=world.commitment.pk).values_list("version", "title", "assignee").get(),
        list(Suggestion.objects.values_list("state", flat=True)),
        Follow.objects.count(),
        StatusUpdateConfirmation.objects.count(),
    )
    response = client_for(role).post(url, data(world))
    assert_answer(response, expected[role], url)
    if expected[role] in (LOGIN, ADMIN_LOGIN, 403):
        after = (
            StatusUpdate.objects.count(),
            Commitment.objects.filter(pk=world.commitment.pk).values_list("version", "title", "assignee").get(),
            list(Suggestion.objects.values_list("state", flat=True)),
            Follow.objects.count(),
            StatusUpdateConfirmation.objects.count(),
        )
        assert after == before, "a refused action must change nothing"


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_the_interface_hides_what_a_role_cannot_do(world, role):
    html = client_for(role).get(f"/commitments/{world.commitment.pk}/").content.decode()
    can_write = role == "editor"
    assert ("Record a status update" in html) is can_write
    assert ("Change the deadline" in html) is can_write
    assert ('href="/review/"' in html) is can_write
    assert ('href="/import/"' in html) is can_write
    assert 'href="/admin/"' not in html


def test_administrators_see_the_admin_link(world):
    assert 'href="/admin/"' in client_for("administrator").get("/").content.decode()


def test_the_admin_login_page_leads_to_the_applications_login_page():
    response = Client().get("/admin/login/?next=/admin/")
    assert response["Location"] == "/accounts/login/?next=/admin/"
