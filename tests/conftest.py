"""The fixed cast of users (anonymous, viewer, editor, administrator) and their logged-in clients."""

import pytest
from django.test import Client

from tests.factories import UserFactory
from tracker.roles import Role


@pytest.fixture
def viewer(db):
    return UserFactory(username="vera-viewer", role=Role.VIEWER)


@pytest.fixture
def editor(db):
    return UserFactory(username="eddy-editor", role=Role.EDITOR)


@pytest.fixture
def administrator(db):
    return UserFactory(username="ada-admin", role=Role.ADMINISTRATOR)


@pytest.fixture
def no_role_user(db):
    return UserFactory(username="nora-norole")


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def anonymous_client():
    return Client()


@pytest.fixture
def viewer_client(viewer):
    return _client_for(viewer)


@pytest.fixture
def editor_client(editor):
    return _client_for(editor)


@pytest.fixture
def admin_client(administrator):
    return _client_for(administrator)
