"""Assigning commitments, following things, and a staff member's choices for being reached."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import CommitmentFactory, PersonFactory, ThemeFactory
from tracker.models import Commitment, Follow
from tracker.services.commitments import commitment_assign, commitments_assign
from tracker.services.team import follow, is_following, profile_of, profile_renew_feed_token, profile_update, unfollow

pytestmark = pytest.mark.django_db


def test_a_commitment_is_assigned_to_an_editor_and_the_change_is_in_its_history(editor, administrator):
    commitment = CommitmentFactory()
    assert commitment_assign(commitment=commitment, assignee=editor, user=administrator)
    assert Commitment.objects.get(pk=commitment.pk).assignee == editor
    latest = commitment.history.latest("history_date")
    assert (latest.assignee_id, latest.history_user) == (editor.pk, administrator)
    assert not commitment_assign(commitment=commitment, assignee=editor, user=administrator), "no change, no history"
    assert commitment_assign(commitment=commitment, assignee=None, user=administrator)
    assert Commitment.objects.get(pk=commitment.pk).assignee is None


def test_only_an_active_editor_can_look_after_a_commitment(viewer, editor):
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError) as error:
        commitment_assign(commitment=commitment, assignee=viewer, user=editor)
    assert "assignee" in error.value.message_dict
    editor.is_active = False
    editor.save()
    with pytest.raises(ValidationError):
        commitment_assign(commitment=commitment, assignee=editor, user=editor)


def test_several_commitments_are_assigned_at_once(editor):
    commitments = [CommitmentFactory() for _ in range(3)]
    commitment_assign(commitment=commitments[0], assignee=editor, user=editor)
    assert commitments_assign(commitments=commitments, assignee=editor, user=editor) == 2
    assert Commitment.objects.filter(assignee=editor).count() == 3


@pytest.mark.parametrize("make", [CommitmentFactory, PersonFactory, ThemeFactory], ids=["commitment", "minister", "theme"])
def test_a_user_follows_and_unfollows_a_thing_once(viewer, make):
    target = make()
    assert follow(user=viewer, target=target)
    assert not follow(user=viewer, target=target), "following twice is following once"
    assert is_following(user=viewer, target=target)
    assert Follow.objects.get(user=viewer).target == target
    assert unfollow(user=viewer, target=target)
    assert not unfollow(user=viewer, target=target)
    assert not Follow.objects.exists()


def test_a_question_can_be_followed_and_nothing_else(viewer):
    commitment = CommitmentFactory()
    assert follow(user=viewer, target=commitment.answer.question)
    with pytest.raises(TypeError, match="cannot follow"):
        follow(user=viewer, target=viewer)


def test_a_profile_starts_with_a_weekly_digest_and_a_secret_that_can_be_renewed(viewer):
    profile = profile_of(viewer)
    assert (profile.digest, profile.language, len(profile.feed_token) >= 40) == ("weekly", "en", True)
    old = profile.feed_token
    assert profile_renew_feed_token(user=viewer).feed_token != old
    profile_update(user=viewer, digest="daily", language="nl", email="vera@example.org")
    viewer.refresh_from_db()
    assert (profile_of(viewer).digest, profile_of(viewer).language, viewer.email) == ("daily", "nl", "vera@example.org")
    with pytest.raises(ValidationError):
        profile_update(user=viewer, digest="hourly", language="nl")
