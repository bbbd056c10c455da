"""The choice lists of reference data: read once and shared, and current again after every write."""

import pytest
from django.contrib.auth.models import Group, update_last_login

from tests.factories import OfficeFactory, PersonFactory, QuestionFactory, ThemeFactory, UserFactory
from tracker.forms.commitments import office_handover_choices
from tracker.roles import Role, user_assign_role
from tracker.selectors.filtering import government_choices, minister_choices, office_choices, theme_choices
from tracker.selectors.team import editor_choices

pytestmark = pytest.mark.django_db

LISTS = [minister_choices, office_choices, government_choices, theme_choices, editor_choices, office_handover_choices]


@pytest.mark.parametrize("choices", LISTS, ids=lambda function: function.__name__)
def test_a_choice_list_is_read_once_then_served_without_a_query(choices, django_assert_num_queries):
    first = choices()
    with django_assert_num_queries(0):
        assert choices() == first


@pytest.mark.parametrize("choices", LISTS, ids=lambda function: function.__name__)
def test_a_kept_choice_list_is_what_the_database_holds(choices, administrator):
    OfficeFactory(person=PersonFactory(first_name="Hilde", last_name="Crevits"))
    ThemeFactory(name="Onderwijs", slug="onderwijs")
    choices()
    assert choices() == choices.uncached()


def test_a_new_minister_is_offered_at_once():
    minister_choices()
    office = OfficeFactory(person=PersonFactory(first_name="Zuhal", last_name="Demir"))
    assert (office.person.pk, "Zuhal Demir") in minister_choices()
    assert office.pk in dict(office_choices())
    assert office.pk in dict(office_handover_choices())


def test_whoever_was_asked_a_question_becomes_a_minister_of_the_filter():
    person = PersonFactory(first_name="Ben", last_name="Weyts")
    assert (person.pk, "Ben Weyts") not in minister_choices()
    QuestionFactory(addressee=person)
    assert (person.pk, "Ben Weyts") in minister_choices()


def test_a_renamed_minister_is_offered_under_the_new_name():
    person = OfficeFactory(person=PersonFactory(first_name="Jan", last_name="Jambon")).person
    assert (person.pk, "Jan Jambon") in minister_choices()
    person.first_name = "Johan"
    person.save()
    assert (person.pk, "Johan Jambon") in minister_choices()
    assert (person.pk, "Jan Jambon") not in minister_choices()


def test_a_deleted_theme_is_no_longer_offered():
    theme = ThemeFactory(name="Wonen", slug="wonen")
    assert (theme.pk, "Wonen") in theme_choices()
    theme.delete()
    assert (theme.pk, "Wonen") not in theme_choices()


def test_a_user_given_the_editor_role_is_offered_at_once():
    editor_choices()
    user = UserFactory(username="nieuw", first_name="Nele", last_name="Nieuw")
    assert (user.pk, "Nele Nieuw") not in editor_choices()
    user_assign_role(user=user, role=Role.EDITOR)
    assert (user.pk, "Nele Nieuw") in editor_choices()


def test_an_editor_made_inactive_is_no_longer_offered(editor):
    assert editor.pk in dict(editor_choices())
    editor.is_active = False
    editor.save()
    assert editor.pk not in dict(editor_choices())


def test_a_group_losing_the_permission_to_record_statuses_takes_its_members_off_the_list(editor):
    assert editor.pk in dict(editor_choices())
    for group in Group.objects.filter(user=editor):
        group.permissions.clear()
    assert editor.pk not in dict(editor_choices())


def test_logging_in_keeps_the_lists(editor, django_assert_num_queries):
    editor_choices()
    update_last_login(None, editor)  # what a login does to the user row
    with django_assert_num_queries(0):
        editor_choices()
