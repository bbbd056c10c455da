"""Nothing of the staff side leaves through the open-data API to an anonymous caller.

The data below holds every internal thing once, each carrying a marker string of its own; every
list (every page of it) and every detail the API has, and the schema, are read anonymously and no
marker may appear. Read with a staff token, the internal note does appear: the test can fail."""

import datetime
import json

import pytest
from django.test import Client

from tests.factories import (
    AnswerFactory,
    CommitmentFactory,
    OfficeFactory,
    QuestionFactory,
    SuggestionFactory,
    UserFactory,
    api_key_for,
    move_deadline,
)
from tracker.models import ImportRun, Status
from tracker.roles import Role
from tracker.services.commitments import (
    commitment_assign,
    commitment_edit,
    commitment_record_status,
    status_update_reject,
    status_update_void,
)
from tracker.services.merges import commitments_merge
from tracker.services.publishing import commitment_publish
from tracker.services.team import follow, profile_of

pytestmark = pytest.mark.django_db

MARKERS = {
    "internal note": "XQINTERNALNOTEQX",
    "assignee's first name": "XQASSIGNEEFIRSTQX",
    "assignee's last name": "XQASSIGNEELASTQX",
    "assignee's e-mail": "xq-assignee-mail-qx@example.org",
    "assignee's user name": "xq-assignee-qx",
    "recorder's user name": "xq-recorder-qx",
    "recorder's e-mail": "xq-recorder-mail-qx@example.org",
    "suggestion": "XQSUGGESTIONTITLEQX",
    "import run": "XQIMPORTRUNQX",
    "void reason": "XQVOIDREASONQX",
    "voided update's public note": "XQVOIDEDNOTEQX",
    "rejection note": "XQREJECTIONNOTEQX",
    "rejected update's public note": "XQREJECTEDNOTEQX",
    "awaiting update's public note": "XQAWAITINGNOTEQX",
    "deadline change reason": "XQDEADLINEREASONQX",
    "merge reason": "XQMERGEREASONQX",
    "merged duplicate's title": "XQMERGEDTITLEQX",
    "history change reason": "XQHISTORYREASONQX",
    "unpublished commitment's title": "XQUNPUBLISHEDTITLEQX",
    "unpublished commitment's quote": "XQUNPUBLISHEDQUOTEQX",
    "internal commitment's status note": "XQUNPUBLISHEDNOTEQX",
}


@pytest.fixture
def world(settings):
    """A published commitment with everything internal around it, and everything else hidden."""
    settings.TRACKER_FOUR_EYES = True
    editor = UserFactory(username=MARKERS["recorder's user name"], email=MARKERS["recorder's e-mail"], role=Role.EDITOR)
    second = UserFactory(role=Role.EDITOR)
    administrator = UserFactory(role=Role.ADMINISTRATOR)
    assignee = UserFactory(
        username=MARKERS["assignee's user name"],
        first_name=MARKERS["assignee's first name"],
        last_name=MARKERS["assignee's last name"],
        email=MARKERS["assignee's e-mail"],
        role=Role.EDITOR,
    )
    office = OfficeFactory()
    question = QuestionFactory(addressee=office.person)
    commitment = CommitmentFactory(published=True, answer__question=question, responsible_office=office, user=editor)
    commitment_assign(commitment=commitment, assignee=assignee, user=editor)
    commitment_edit(
        commitment=commitment,
        user=editor,
        expected_version=None,
        title="Project opstarten",
        kind=commitment.kind,
        target_group="gezinnen",
        quote=commitment.quote,
        reason=MARKERS["history change reason"],
    )
    commitment_record_status(
        commitment=commitment,
        user=editor,
        status=Status.IN_PROGRESS,
        observed_on=datetime.date(2019, 1, 1),
        note=MARKERS["internal note"],
        note_is_public=False,
        evidence_url="https://www.vlaanderen.be/besluit",
    )
    voided = commitment_record_status(
        commitment=commitment,
        user=editor,
        status=Status.DELAYED,
        observed_on=datetime.date(2019, 2, 1),
        note=MARKERS["voided update's public note"],
        note_is_public=True,
    )
    status_update_void(update=voided, user=administrator, reason=MARKERS["void reason"])
    rejected = commitment_record_status(
        commitment=commitment,
        user=editor,
        status=Status.FULFILLED,
        observed_on=datetime.date(2019, 3, 1),
        note=MARKERS["rejected update's public note"],
        note_is_public=True,
    )
    status_update_reject(update=rejected, user=second, note=MARKERS["rejection note"])
    commitment_record_status(
        commitment=commitment,
        user=editor,
        status=Status.NOT_FULFILLED,
        observed_on=datetime.date(2019, 4, 1),
        note=MARKERS["awaiting update's public note"],
        note_is_public=True,
    )
    move_deadline(
        commitment, datetime.date(2021, 1, 1), changed_on=datetime.date(2019, 5, 1), reason=MARKERS["deadline change reason"]
    )
    SuggestionFactory(answer=commitment.answer, title=MARKERS["suggestion"])
    ImportRun.objects.create(origin=ImportRun.Origin.UPLOAD, started_by=editor, report=[{"name": MARKERS["import run"]}])

    duplicate = CommitmentFactory(
        published=True, title=MARKERS["merged duplicate's title"], answer__question__addressee=office.person
    )
    commitments_merge(kept=commitment, absorbed=duplicate, user=administrator, reason=MARKERS["merge reason"])

    quote = "Ik zal " + MARKERS["unpublished commitment's quote"] + " uitvoeren."
    hidden_answer = AnswerFactory(question__addressee=office.person, text=f"1. {quote} Meer volgt.")
    hidden = CommitmentFactory(
        published=False,
        answer=hidden_answer,
        quote=quote,
        title=MARKERS["unpublished commitment's title"],
        responsible_office=office,
    )
    commitment_record_status(
        commitment=hidden,
        user=editor,
        status=Status.IN_PROGRESS,
        observed_on=datetime.date(2019, 1, 1),
        note=MARKERS["internal commitment's status note"],
        note_is_public=True,
    )
    # Published once, then withdrawn: it must vanish as if never published.
    withdrawn = CommitmentFactory(published=True, title=MARKERS["unpublished commitment's title"] + "2")
    commitment_publish(commitment=withdrawn, published=False, user=editor)
    follow(user=assignee, target=commitment)
    return {
        "commitment": commitment,
        "hidden": [hidden, duplicate, withdrawn],
        "editor": editor,
        "secrets": [profile_of(assignee).feed_token, api_key_for(assignee)],
    }


def every_answer(client: Client, world: dict) -> dict[str, str]:
    """Every list (all its pages), the detail of every row listed, and the hidden objects' details."""
    bodies = {}
    for url in ("/api/v1/", "/api/v1/schema/", "/api/v1/docs/", "/api/v1/docs/?script="):
        bodies[url] = client.get(url).content.decode()
    for name in ("commitments", "status-updates", "questions", "answers", "ministers", "governments"):
        url = f"/api/v1/{name}/?page_size=200"
        while url:
            response = client.get(url)
            assert response.status_code == 200, url
            bodies[url] = response.content.decode()
            page = response.json()
            for row in page["results"]:
                detail = client.get(row["url"])
                assert detail.status_code == 200, row["url"]
                bodies[row["url"]] = detail.content.decode()
            url = page["next"]
    for hidden in world["hidden"]:
        for url in (
            f"/api/v1/commitments/{hidden.pk}/",
            f"/api/v1/commitments/{hidden.reference}/",
            f"/api/v1/questions/{hidden.answer.question_id}/",
            f"/api/v1/answers/{hidden.answer_id}/",
            f"/api/v1/status-updates/?commitment={hidden.pk}",
        ):
            bodies[url] = client.get(url).content.decode()
    return bodies


def test_no_internal_field_reaches_an_anonymous_caller(world):
    bodies = every_answer(Client(), world)
    assert len(bodies) > 25
    for url, body in bodies.items():
        found = [what for what, marker in MARKERS.items() if marker.lower() in body.lower()]
        assert not found, (url, found)
        for secret in world["secrets"]:
            assert secret not in body, url
        # The anonymous caller sees the published commitment and its public history only.
        assert world["editor"].username not in body
    listing = json.loads(bodies["/api/v1/commitments/?page_size=200"])
    assert [row["reference"] for row in listing["results"]] == [world["commitment"].reference]
    detail = json.loads(bodies[f"http://testserver/api/v1/commitments/{world['commitment'].pk}/"])
    assert [update["status"] for update in detail["status_updates"]] == ["in_progress", "announced"]
    assert detail["status_updates"][0] == {
        "id": detail["status_updates"][0]["id"],
        "url": detail["status_updates"][0]["url"],
        "status": "in_progress",
        "observed_on": "2019-01-01",
        "note": "",
        "evidence_url": "https://www.vlaanderen.be/besluit",
        "evidence_text": "",
        "internal": None,
    }
    for hidden in world["hidden"]:
        assert Client().get(f"/api/v1/commitments/{hidden.pk}/").status_code == 404


def test_the_same_answers_with_a_staff_token_do_carry_the_internal_note(world):
    viewer = UserFactory(role=Role.VIEWER)
    client = Client(HTTP_AUTHORIZATION=f"Token {api_key_for(viewer)}")
    bodies = every_answer(client, world)
    everything = "\n".join(bodies.values())
    assert MARKERS["internal note"] in everything
    assert MARKERS["unpublished commitment's title"] in everything
    assert MARKERS["assignee's user name"] in everything
    # Even staff never read a password hash, a token, or another's e-mail address through the API.
    for user in (world["editor"], viewer):
        assert user.password not in everything
    for secret in world["secrets"]:
        assert secret not in everything
    assert MARKERS["assignee's e-mail"] not in everything
