"""Who can look after a commitment, the ministers someone looks after, and what they follow."""

import pytest
from django.contrib.auth.models import Permission

from tests.factories import CommitmentFactory, ThemeFactory, UserFactory
from tracker.roles import Role
from tracker.selectors.team import editor_choices, editors, following, ministers_looked_after, user_name
from tracker.services.commitments import commitment_assign
from tracker.services.team import follow

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


def test_the_ministers_someone_looks_after_are_those_they_follow_and_those_of_their_commitments(editor):
    followed = CommitmentFactory().responsible_person
    assigned = CommitmentFactory()
    CommitmentFactory()  # someone else's minister
    follow(user=editor, target=followed)
    commitment_assign(commitment=assigned, assignee=editor, user=None)
    commitment_assign(commitment=CommitmentFactory(responsible_person=followed), assignee=editor, user=None)
    assert set(ministers_looked_after(editor)) == {followed, assigned.responsible_person}
    assert len(ministers_looked_after(editor)) == 2, "each once"


def test_following_groups_what_is_followed_newest_first_in_one_query(viewer, django_assert_num_queries):
    first, second = CommitmentFactory(), CommitmentFactory()
    theme = ThemeFactory()
    for target in (first, theme, second, first.responsible_person, first.answer.question):
        follow(user=viewer, target=target)
    with django_assert_num_queries(1):
        found = following(viewer)
    assert found.commitments == [second, first]
    assert (found.themes, found.ministers, found.questions) == ([theme], [first.responsible_person], [first.answer.question])
    assert found.total == 5
    assert found


def test_a_user_is_named_by_full_name_else_user_name(editor):
    editor.first_name, editor.last_name = "Eddy", "Peeters"
    assert user_name(editor) == "Eddy Peeters"
    editor.first_name = editor.last_name = ""
    assert user_name(editor) == "eddy-editor"
    assert user_name(None) == ""
