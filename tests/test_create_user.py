import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from tracker.roles import Role, role_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "expected", "staff"),
    [("viewer", Role.VIEWER, False), ("editor", Role.EDITOR, False), ("administrator", Role.ADMINISTRATOR, True)],
)
def test_create_user_with_a_role_and_a_password_from_the_environment(monkeypatch, role, expected, staff):
    monkeypatch.setenv("TRACKER_PASSWORD", "a-long-and-unusual-passphrase-42")
    out = io.StringIO()
    call_command("create_user", "alice", "--role", role, stdout=out)
    user = get_user_model().objects.get(username="alice")
    assert (role_of(user), user.is_staff) == (expected, staff)
    assert user.check_password("a-long-and-unusual-passphrase-42")
    assert f"Created alice with the role {role}." in out.getvalue()


def test_running_it_again_changes_the_role_and_keeps_one_user(monkeypatch):
    monkeypatch.setenv("TRACKER_PASSWORD", "a-long-and-unusual-passphrase-42")
    call_command("create_user", "bob", "--role", "editor", stdout=io.StringIO())
    call_command("create_user", "bob", "--role", "viewer", stdout=io.StringIO())
    user = get_user_model().objects.get(username="bob")
    assert role_of(user) == Role.VIEWER
    assert list(user.groups.values_list("name", flat=True)) == ["Viewer"]


def test_a_weak_password_is_refused_by_the_password_validators(monkeypatch):
    monkeypatch.setenv("TRACKER_PASSWORD", "12345")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("create_user", "carol", "--role", "viewer")
    assert not get_user_model().objects.filter(username="carol").exists()


def test_the_password_is_asked_when_not_in_the_environment(monkeypatch):
    monkeypatch.delenv("TRACKER_PASSWORD", raising=False)
    answers = iter(["another-long-passphrase-77", "another-long-passphrase-77"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    call_command("create_user", "dave", "--role", "editor", stdout=io.StringIO())
    assert get_user_model().objects.get(username="dave").check_password("another-long-passphrase-77")
