import io
import re

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


@pytest.mark.parametrize(
    ("username", "reason"),
    [
        ("alice smith", "Enter a valid username."),
        ("../alice", "Enter a valid username."),
        ("alice/bob", "Enter a valid username."),
        ("a" * 151, "Ensure this value has at most 150 characters (it has 151)."),
        ("", "This field cannot be blank."),
    ],
    ids=["a space", "a path", "a slash", "151 characters", "empty"],
)
def test_a_user_name_the_admin_refuses_is_refused_with_the_models_reason(monkeypatch, username, reason):
    monkeypatch.setenv("TRACKER_PASSWORD", "a-long-and-unusual-passphrase-42")
    with pytest.raises(CommandError, match=re.escape(f"User name refused: {reason}")):
        call_command("create_user", username, "--role", "editor", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


def test_a_user_name_is_normalised_as_the_admin_does(monkeypatch):
    monkeypatch.setenv("TRACKER_PASSWORD", "a-long-and-unusual-passphrase-42")
    call_command("create_user", "ｅｖａ", "--role", "viewer", stdout=io.StringIO())  # fullwidth letters
    assert get_user_model().objects.get().username == "eva"


def test_a_user_name_of_150_allowed_characters_is_accepted(monkeypatch):
    monkeypatch.setenv("TRACKER_PASSWORD", "a-long-and-unusual-passphrase-42")
    name = "a.b+c-d_e@f" + "x" * 139
    call_command("create_user", name, "--role", "viewer", stdout=io.StringIO())
    assert get_user_model().objects.get().username == name
