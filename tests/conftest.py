"""The fixed cast of users (anonymous, viewer, editor, administrator) and their logged-in clients."""

import os
from importlib import import_module

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


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests (live server, concurrency) start from a database the previous one
    flushed: put back what the data migrations create (legislatures, governments, roles)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    import_module("tracker.migrations.0002_reference_data").add_reference_data(apps, None)
    import_module("tracker.migrations.0003_roles").assign_permissions(apps)
    import_module("tracker.migrations.0009_voids_append_only_and_roles").grant_permissions(apps)
    import_module("tracker.migrations.0010_assemblies_and_what_records_carry").add_tweede_kamer(apps, None)
    import_module("tracker.migrations.0012_confirmations_append_only_and_roles").grant_permissions(apps)
    import_module("tracker.migrations.0013_administrators_hold_every_tracker_permission").grant_permissions(apps)
    import_module("tracker.migrations.0014_promises_across_answers").grant_permissions(apps)


# Property-based tests: a modest number of examples on every run, many more on demand
# (HYPOTHESIS_PROFILE=thorough). No deadline: a request's time varies with the machine.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def postgres_only():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (a server to connect to, row locks, concurrent connections); CI runs it against PostgreSQL")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: no choice list (tracker.choices) kept from another
    test's database rows."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
