"""The open-data API (/api/v1/): who reads what, filters, pagination, versioning, errors, CORS,
caching, throttling and the cost of a page. What must never leave is tests/test_api_leaks.py;
Schemathesis's view of it, tests/test_api_schemathesis.py."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    CommitmentFactory,
    OfficeFactory,
    QuestionFactory,
    ThemeFactory,
    UserFactory,
    api_key_for,
    move_deadline,
)
from tracker.models import ApiToken, Kind, Status
from tracker.roles import Role
from tracker.services.api_tokens import api_token_revoke
from tracker.services.commitments import commitment_record_status, commitment_set_themes
from tracker.services.programmes import commitment_set_parent

pytestmark = pytest.mark.django_db

LISTS = ["commitments", "status-updates", "questions", "answers", "ministers", "governments"]


def token_client(key: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


@pytest.fixture
def viewer_api(viewer):
    return token_client(api_key_for(viewer))


@pytest.fixture
def editor_api(editor):
    return token_client(api_key_for(editor))


@pytest.fixture
def published():
    return CommitmentFactory(published=True, title="Gepubliceerde toezegging")


@pytest.fixture
def internal():
    return CommitmentFactory(published=False, title="Interne toezegging")


def references(response) -> list[str]:
    return [row["reference"] for row in response.json()["results"]]


# Who reads what -------------------------------------------------------------------------------


def test_anonymous_callers_read_published_commitments_only(anonymous_client, published, internal):
    response = anonymous_client.get("/api/v1/commitments/")
    assert response.status_code == 200
    assert references(response) == [published.reference]
    assert response.json()["results"][0]["internal"] is None


def test_an_unpublished_commitment_is_a_404_for_anonymous_callers_like_an_unknown_one(anonymous_client, internal):
    for url in (
        f"/api/v1/commitments/{internal.pk}/",
        f"/api/v1/commitments/{internal.reference}/",
        "/api/v1/commitments/99999/",
    ):
        response = anonymous_client.get(url)
        assert response.status_code == 404, url
        assert response.json() == {"detail": "Not found."}


def test_a_commitment_is_found_by_its_reference_as_well_as_its_id(anonymous_client, published):
    by_id = anonymous_client.get(f"/api/v1/commitments/{published.pk}/").json()
    by_reference = anonymous_client.get(f"/api/v1/commitments/{published.reference}/").json()
    assert by_id == by_reference
    assert by_id["reference"] == published.reference


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.ADMINISTRATOR])
def test_staff_with_a_token_read_internal_commitments_too(role, published, internal):
    client = token_client(api_key_for(UserFactory(role=role)))
    response = client.get("/api/v1/commitments/")
    assert set(references(response)) == {published.reference, internal.reference}
    detail = client.get(f"/api/v1/commitments/{internal.reference}/").json()
    assert detail["internal"] == {"published": False, "assignee": None}
    assert "private" in client.get("/api/v1/commitments/")["Cache-Control"]


def test_a_logged_in_staff_member_reads_everything_in_the_browser_too(viewer_client, internal):
    assert viewer_client.get(f"/api/v1/commitments/{internal.pk}/").status_code == 200


def test_a_user_without_a_role_reads_what_the_public_reads_and_cannot_make_a_token(published, internal):
    nobody = UserFactory(username="nora-norole")
    client = Client()
    client.force_login(nobody)
    assert references(client.get("/api/v1/commitments/")) == [published.reference]
    assert client.get(f"/api/v1/commitments/{internal.pk}/").status_code == 404
    assert client.post("/profile/api-tokens/").status_code == 403
    assert not ApiToken.objects.exists()


def test_a_revoked_token_is_refused_with_401(viewer, internal):
    key = api_key_for(viewer)
    client = token_client(key)
    assert client.get("/api/v1/commitments/").status_code == 200
    api_token_revoke(user=viewer, token_id=ApiToken.objects.get().pk)
    response = client.get("/api/v1/commitments/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "revoked" in response.json()["detail"]


@pytest.mark.parametrize("header", ["Token nonsense", "Token", "Token a b", "Bearer trk_unknown"])
def test_an_unknown_or_malformed_token_is_a_401_not_a_quiet_anonymous_read(header):
    response = Client(HTTP_AUTHORIZATION=header).get("/api/v1/commitments/")
    assert response.status_code == 401
    assert set(response.json()) == {"detail"}


def test_a_token_works_as_a_bearer_token_too_and_records_the_day_it_was_used(viewer, internal):
    key = api_key_for(viewer)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get(f"/api/v1/commitments/{internal.pk}/").status_code == 200
    assert ApiToken.objects.get().last_used_on is not None


def test_a_deactivated_users_token_no_longer_works(viewer):
    client = token_client(api_key_for(viewer))
    viewer.is_active = False
    viewer.save()
    assert client.get("/api/v1/commitments/").status_code == 401


def test_a_user_whose_role_was_taken_away_reads_only_published_data_with_the_old_token(viewer, published, internal):
    client = token_client(api_key_for(viewer))
    viewer.groups.clear()
    assert references(client.get("/api/v1/commitments/")) == [published.reference]


def test_only_a_hash_of_the_key_is_stored(viewer):
    key = api_key_for(viewer)
    token = ApiToken.objects.get()
    assert key not in (token.key_hash, token.key_start)
    assert key.startswith(token.key_start)


# Read-only --------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_nothing_but_reading_is_allowed_whoever_asks(method, anonymous_client, editor_client, editor_api, published):
    for client in (anonymous_client, editor_client, editor_api):
        for url in ("/api/v1/commitments/", f"/api/v1/commitments/{published.pk}/"):
            response = getattr(client, method)(url, data="{}", content_type="application/json")
            assert response.status_code == 405, (url, response.content)
    published.refresh_from_db()
    assert published.title == "Gepubliceerde toezegging"


@pytest.mark.parametrize("header", ["Token nonsense", "Token a b"])
def test_a_write_with_a_bad_token_is_a_405_too(header, published):
    response = Client(HTTP_AUTHORIZATION=header).post("/api/v1/commitments/")
    assert response.status_code == 405
    assert response.json()["detail"] == 'Method "POST" not allowed.'


def test_options_and_head_are_answered(anonymous_client, published):
    assert anonymous_client.options("/api/v1/commitments/").status_code == 200
    head = anonymous_client.head("/api/v1/commitments/")
    assert head.status_code == 200
    assert head.content == b""


# Every resource ---------------------------------------------------------------------------------


def test_every_list_and_detail_answers_anonymous_callers(anonymous_client, published):
    update = published.status_updates.get()
    office = OfficeFactory(person=published.responsible_person)
    ids = {
        "commitments": published.pk,
        "status-updates": update.pk,
        "questions": published.answer.question_id,
        "answers": published.answer_id,
        "ministers": published.responsible_person_id,
        "governments": office.government_id,
    }
    for name in LISTS:
        listing = anonymous_client.get(f"/api/v1/{name}/")
        assert listing.status_code == 200, name
        assert ids[name] in [row["id"] for row in listing.json()["results"]], name
        detail = anonymous_client.get(f"/api/v1/{name}/{ids[name]}/")
        assert detail.status_code == 200, name
        assert detail.json()["id"] == ids[name]


def test_a_commitment_carries_its_question_minister_office_themes_and_timeline(anonymous_client):
    office = OfficeFactory()
    commitment = CommitmentFactory(
        published=True, answer__question__addressee=office.person, responsible_office=office, target_group="gezinnen"
    )
    commitment_set_themes(commitment=commitment, themes=[ThemeFactory(slug="armoede", name="Armoede")], user=None)
    commitment_record_status(
        commitment=commitment,
        user=None,
        status=Status.IN_PROGRESS,
        observed_on=datetime.date(2019, 1, 10),
        note="Publiek",
        note_is_public=True,
        evidence_url="https://www.vlaanderen.be/besluit",
    )
    move_deadline(commitment, datetime.date(2021, 1, 1), changed_on=datetime.date(2019, 6, 1), reason="Redenen van het kabinet")
    move_deadline(commitment, datetime.date(2022, 1, 1), changed_on=datetime.date(2020, 6, 1))
    data = anonymous_client.get(f"/api/v1/commitments/{commitment.reference}/").json()
    assert data["minister"] == {"id": office.person.pk, "name": office.person.full_name}
    assert data["office"]["government"]["slug"] == office.government.slug
    assert data["themes"] == [{"slug": "armoede", "name": "Armoede"}]
    assert data["question"]["citation"] == commitment.answer.question.citation
    assert data["status"] == "in_progress"
    assert [u["status"] for u in data["status_updates"]] == ["in_progress", "announced"]
    assert data["status_updates"][0]["note"] == "Publiek"
    assert data["status_updates"][0]["evidence_url"] == "https://www.vlaanderen.be/besluit"
    assert data["deadline_moves"] == 2
    assert [change["new_deadline"] for change in data["deadline_changes"]][-2:] == ["2021-01-01", "2022-01-01"]
    assert "Redenen" not in str(data)


def test_a_programme_shows_its_published_parts_and_a_part_its_published_programme(anonymous_client):
    programme = CommitmentFactory(published=True)
    shown = CommitmentFactory(published=True, answer=programme.answer, title="Deel A")
    hidden = CommitmentFactory(published=False, answer=programme.answer, title="Deel B")
    for part in (shown, hidden):
        commitment_set_parent(commitment=part, parent=programme, user=None, reason="Actieplan")
    data = anonymous_client.get(f"/api/v1/commitments/{programme.pk}/").json()
    assert [part["reference"] for part in data["parts"]] == [shown.reference]
    assert anonymous_client.get(f"/api/v1/commitments/{shown.pk}/").json()["part_of"]["reference"] == programme.reference


def test_questions_and_answers_without_a_published_commitment_are_not_shown_to_anonymous_callers(
    anonymous_client, viewer_api, published, internal
):
    shown, hidden = published.answer.question_id, internal.answer.question_id
    assert [q["id"] for q in anonymous_client.get("/api/v1/questions/").json()["results"]] == [shown]
    assert anonymous_client.get(f"/api/v1/questions/{hidden}/").status_code == 404
    assert anonymous_client.get(f"/api/v1/answers/{internal.answer_id}/").status_code == 404
    assert viewer_api.get(f"/api/v1/questions/{hidden}/").status_code == 200
    question = anonymous_client.get(f"/api/v1/questions/{shown}/").json()
    assert [c["reference"] for c in question["commitments"]] == [published.reference]
    assert question["answer"]["id"] == published.answer_id


def test_a_minister_and_a_government_count_their_published_commitments(anonymous_client):
    office = OfficeFactory()
    CommitmentFactory(published=True, responsible_office=office, answer__question__addressee=office.person)
    CommitmentFactory(
        published=True,
        responsible_office=office,
        answer__question__addressee=office.person,
        status=Status.NOT_FULFILLED,
        observed_on=datetime.date(2019, 1, 1),
    )
    CommitmentFactory(published=False, responsible_office=office, answer__question__addressee=office.person)
    minister = anonymous_client.get(f"/api/v1/ministers/{office.person_id}/").json()
    assert minister["commitments"] == {"total": 2, "open": 1, "kept": 0, "broken": 1, "overdue": 1}
    assert minister["offices"][0]["title"] == office.title
    government = anonymous_client.get(f"/api/v1/governments/{office.government_id}/").json()
    assert government["commitments"]["total"] == 2
    assert [o["minister"]["id"] for o in government["offices"]] == [office.person_id]


# Filters ------------------------------------------------------------------------------------------


def test_commitments_filter_like_the_staff_list(anonymous_client):
    office = OfficeFactory()
    theme = ThemeFactory(slug="wonen")
    kept = CommitmentFactory(
        published=True, status=Status.FULFILLED, observed_on=datetime.date(2019, 1, 1), responsible_office=office
    )
    open_one = CommitmentFactory(published=True, kind=Kind.LEGISLATION, title="Decreet over huren")
    commitment_set_themes(commitment=open_one, themes=[theme], user=None)

    def found(query: str) -> set[str]:
        response = anonymous_client.get(f"/api/v1/commitments/?{query}")
        assert response.status_code == 200, (query, response.content)
        return set(references(response))

    assert found("status=fulfilled") == {kept.reference}
    assert found("status=fulfilled&status=announced") == {kept.reference, open_one.reference}
    assert found("state=open") == {open_one.reference}
    assert found("state=closed") == {kept.reference}
    assert found("overdue=true") == {open_one.reference}
    assert found("overdue=false") == {kept.reference}
    assert found(f"minister={open_one.responsible_person_id}") == {open_one.reference}
    assert found(f"government={office.government_id}") == {kept.reference}
    assert found(f"office={office.pk}") == {kept.reference}
    assert found("theme=wonen") == {open_one.reference}
    assert found("kind=legislation") == {open_one.reference}
    # Without a stated deadline, the end of the legislature: 25 May 2019 is the Flemish election day.
    assert found("deadline_from=2019-05-26&deadline_to=2019-05-26") == {kept.reference, open_one.reference}
    assert found("deadline_from=2019-05-27") == set()
    assert found("answered_from=2018-07-19&answered_to=2018-07-19") == {kept.reference, open_one.reference}
    assert found("q=huren") == {open_one.reference}
    assert found(f"question={kept.answer.question_id}") == {kept.reference}


@pytest.mark.parametrize(
    "query",
    ["status=nonsense", "minister=abc", "minister=99999999999999", "deadline_from=2019-13-45", "moved=0", "q=" + "x" * 201],
)
def test_a_bad_filter_is_a_400_naming_the_parameter(anonymous_client, published, query):
    response = anonymous_client.get(f"/api/v1/commitments/?{query}")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {query.split("=")[0]}


def test_questions_filter_by_assembly_session_year_number_minister_and_answer(anonymous_client):
    answered = CommitmentFactory(published=True).answer.question
    later = QuestionFactory(asked_on=datetime.date(2019, 10, 10))
    CommitmentFactory(
        published=True, answer__question=later, answer__answered_on=None, answer__text="Ik zal iets doen. Meer niet."
    )

    def found(query: str) -> set[int]:
        response = anonymous_client.get(f"/api/v1/questions/?{query}")
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert found("assembly=vlaams-parlement") == {answered.pk, later.pk}
    assert found("session_year=2019-2020") == {later.pk}
    assert found(f"number={answered.number}") == {answered.pk}
    assert found(f"minister={answered.addressee_id}") == {answered.pk}
    assert found("answered=true") == {answered.pk, later.pk}
    assert found("asked_from=2019-01-01") == {later.pk}


# Pagination and versioning ---------------------------------------------------------------------------


def test_lists_are_paged_by_a_cursor_newest_first(anonymous_client):
    made = [CommitmentFactory(published=True) for _ in range(5)]
    first = anonymous_client.get("/api/v1/commitments/?page_size=2").json()
    assert references_of(first) == [c.reference for c in made[::-1][:2]]
    assert first["previous"] is None
    second = anonymous_client.get(first["next"]).json()
    assert references_of(second) == [c.reference for c in made[::-1][2:4]]
    third = anonymous_client.get(second["next"]).json()
    assert references_of(third) == [made[0].reference]
    assert third["next"] is None
    assert anonymous_client.get("/api/v1/commitments/?cursor=nonsense").status_code == 404


@pytest.mark.parametrize("forged", ["p=abc", "p=1.5", "p=%00", "p=-1", "p=" + "9" * 30, "o=5&p=3&r=1"])
def test_a_forged_cursor_is_a_404_not_a_server_error(anonymous_client, published, forged):
    import base64

    cursor = base64.b64encode(forged.encode()).decode()
    response = anonymous_client.get("/api/v1/commitments/", {"cursor": cursor})
    assert response.status_code in (200, 404)
    if response.status_code == 404:
        assert response.json() == {"detail": "Invalid cursor"}


def references_of(page: dict) -> list[str]:
    return [row["reference"] for row in page["results"]]


def test_answers_name_their_version_and_an_unknown_version_is_a_json_404(anonymous_client, published):
    response = anonymous_client.get("/api/v1/commitments/")
    assert response["API-Version"] == "v1"
    assert anonymous_client.get("/api/v1/")["API-Version"] == "v1"
    for url in ("/api/v2/commitments/", "/api/v1/nothing-here/", "/api/"):
        missing = anonymous_client.get(url)
        assert missing.status_code == 404, url
        assert missing.json() == {"detail": "Not found."}


def test_the_schema_and_its_documentation_are_public(anonymous_client):
    schema = anonymous_client.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200
    document = schema.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"].startswith("1.0")
    assert "/api/v1/commitments/{id}/" in document["paths"]
    docs = anonymous_client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<style" not in html
    assert "<script>" not in html  # no inline script: the page's own script comes from its own address
    script = anonymous_client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert "/api/v1/schema/" in script.content.decode()


# Headers: security, CORS, caching ------------------------------------------------------------------


def test_security_headers_are_sent_on_api_answers(anonymous_client, published):
    for url in ("/api/v1/commitments/", f"/api/v1/commitments/{published.pk}/", "/api/v1/commitments/0/", "/api/v1/docs/"):
        response = anonymous_client.get(url)
        assert "default-src 'self'" in response["Content-Security-Policy"], url
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"


def test_any_site_may_read_the_api_from_a_browser_but_not_the_staff_pages(anonymous_client, published):
    response = anonymous_client.get("/api/v1/commitments/", HTTP_ORIGIN="https://newsroom.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = anonymous_client.options(
        "/api/v1/commitments/", HTTP_ORIGIN="https://newsroom.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert set(preflight["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    assert "Access-Control-Allow-Origin" not in anonymous_client.get("/accounts/login/", HTTP_ORIGIN="https://newsroom.example")


def test_anonymous_answers_may_be_cached_briefly_and_staff_answers_never(anonymous_client, viewer_api, published, settings):
    public = anonymous_client.get("/api/v1/commitments/")
    assert public["Cache-Control"] == "public, max-age=60"
    assert {"Authorization", "Cookie"} <= {v.strip() for v in public["Vary"].split(",")}
    staff = viewer_api.get("/api/v1/commitments/")
    assert {"no-store", "private"} <= set(staff["Cache-Control"].replace(" ", "").split(","))
    assert "no-store" in anonymous_client.get("/api/v1/commitments/0/")["Cache-Control"]
    browsable = anonymous_client.get("/api/v1/commitments/", HTTP_ACCEPT="text/html")
    assert browsable["Content-Type"].startswith("text/html")
    assert "no-store" in browsable["Cache-Control"]
    settings.TRACKER_API_CACHE_SECONDS = 0
    assert "no-store" in anonymous_client.get("/api/v1/commitments/")["Cache-Control"]


def test_anonymous_callers_are_throttled_per_address_with_a_json_429(anonymous_client, viewer_api, published, settings):
    cache.clear()
    settings.TRACKER_API_ANON_RATE = "3/min"
    settings.TRACKER_API_STAFF_RATE = "5/min"
    try:
        statuses = [anonymous_client.get("/api/v1/commitments/").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        refused = anonymous_client.get("/api/v1/commitments/")
        assert "throttled" in refused.json()["detail"].lower()
        assert int(refused["Retry-After"]) > 0
        assert Client(REMOTE_ADDR="10.0.0.2").get("/api/v1/commitments/").status_code == 200
        assert [viewer_api.get("/api/v1/commitments/").status_code for _ in range(6)] == [200] * 5 + [429]
    finally:
        cache.clear()


def test_an_unexpected_error_is_a_json_500_without_details(anonymous_client, published, monkeypatch):
    from tracker.api import serializers

    def explode(self, commitment):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(serializers.CommitmentSerializer, "get_internal", explode)
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/commitments/")
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error."}
    assert "secret internals" not in response.content.decode()


# The cost of a page -----------------------------------------------------------------------------------


def _rows(count: int) -> None:
    office = OfficeFactory()
    theme = ThemeFactory()
    for _ in range(count):
        commitment = CommitmentFactory(published=True, responsible_office=office, answer__question__addressee=office.person)
        commitment_set_themes(commitment=commitment, themes=[theme], user=None)
        commitment_record_status(
            commitment=commitment, user=None, status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, 1), note="x"
        )


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_the_queries_of_a_list_page_do_not_grow_with_its_rows(name, who, viewer, django_assert_num_queries):
    client = token_client(api_key_for(viewer)) if who == "staff" else Client()
    _rows(1)
    client.get(f"/api/v1/{name}/")  # the token's day of use is recorded once
    with CaptureQueriesContext(connection) as one:
        assert client.get(f"/api/v1/{name}/").status_code == 200
    _rows(4)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(f"/api/v1/{name}/")
    assert response.status_code == 200
    assert len(response.json()["results"]) >= (5 if name in ("commitments", "status-updates", "questions", "answers") else 1)


def test_a_response_marked_public_stays_private_if_it_sets_a_cookie():
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.utils.cache import patch_cache_control

    from tracker.middleware import never_cache_middleware

    def view(request, cookie: bool):
        response = HttpResponse("x")
        patch_cache_control(response, public=True, max_age=60)
        if cookie:
            response.set_cookie("csrftoken", "abc")
        return response

    request = RequestFactory().get("/api/v1/commitments/")
    assert never_cache_middleware(lambda r: view(r, cookie=False))(request)["Cache-Control"] == "public, max-age=60"
    kept_private = never_cache_middleware(lambda r: view(r, cookie=True))(request)["Cache-Control"]
    assert "public" not in kept_private
    assert {"private", "no-store"} <= {d.strip() for d in kept_private.split(",")}


def test_the_queries_of_a_commitment_page_do_not_grow_with_its_history(anonymous_client, django_assert_num_queries):
    commitment = CommitmentFactory(published=True)
    url = f"/api/v1/commitments/{commitment.pk}/"
    with CaptureQueriesContext(connection) as before:
        anonymous_client.get(url)
    for month in range(1, 6):
        commitment_record_status(
            commitment=commitment, user=None, status=Status.IN_PROGRESS, observed_on=datetime.date(2019, month, 1), note="x"
        )
        commitment_set_themes(commitment=commitment, themes=[ThemeFactory() for _ in range(month)], user=None)
        move_deadline(commitment, datetime.date(2021, month, 1), changed_on=datetime.date(2019, month, 2))
    with django_assert_num_queries(len(before.captured_queries)):
        response = anonymous_client.get(url)
    assert len(response.json()["status_updates"]) == 6
