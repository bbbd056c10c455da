"""Who can look after a commitment."""

import pytest
from django.contrib.auth.models import Permission

from tests.factories import CommitmentFactory, UserFactory
from tracker.roles import Role
from tracker.selectors.team import editor_choices, editors, user_name
from tracker.services.commitments import commitment_assign

pytestmark = pytest.mark.django_db


def test_editors_are_the_active_users_who_may_record_a_status_by_name(viewer, administrator):
    bram = UserFactory(username="bram", first_name="Bram", last_name="Aerts", role=Role.EDITOR)
    anna = UserFactory(username="anna", first_name="Anna", last_name="Zeger", role=Role.EDITOR)
    gone = UserFactory(username="gone", role=Role.EDITOR)
    gone.is_active = False
    gone.save()
    root = UserFactory(username="root", first_name="", last_name="")
    root.is_superuser = True
    root.save()
    direct = UserFactory(username="direct", first_name="Dirk", last_name="Direct")
    direct.user_permissions.add(Permission.objects.get(codename="add_statusupdate"))
    found = list(editors())
    assert set(found) == {bram, anna, administrator, root, direct}
    assert found.index(anna) < found.index(bram), "by first name"
    assert (root.pk, "root") in editor_choices(), "named by user name when there is no full name"


def test_every_editor_offered_can_be_assigned(administrator):
    commitment = CommitmentFactory()
    for pk, _name in editor_choices():
        commitment_assign(commitment=commitment, assignee=type(administrator).objects.get(pk=pk), user=None)


def test_a_user_is_named_by_full_name_else_user_name(editor):
    editor.first_name, editor.last_name = "Eddy", "Peeters"
    assert user_name(editor) == "Eddy Peeters"
    editor.first_name = editor.last_name = ""
    assert user_name(editor) == "eddy-editor"
    assert user_name(None) == ""
