"""Reviewing the importer's suggestions: confirm (it becomes a commitment) or reject (remembered)."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.models import Commitment, Suggestion, SuggestionState, Theme
from tracker.services.commitments import Provenance, commitment_create


def _lock_pending(suggestion: Suggestion) -> Suggestion:
    # Two editors may review the same queue: the row lock makes the second see the first's decision.
    locked = Suggestion.objects.select_for_update().select_related("answer__question").get(pk=suggestion.pk)
    if locked.state != SuggestionState.PENDING:
        raise ValidationError(
            _("This suggestion was already %(state)s.") % {"state": locked.get_state_display().lower()}, code="decided"
        )
    return locked


@transaction.atomic
def suggestion_confirm(
    *,
    suggestion: Suggestion,
    user: AbstractBaseUser | None,
    title: str | None = None,
    quote: str | None = None,
    kind: str | None = None,
    deadline: datetime.date | None = None,
    deadline_wording: str | None = None,
    themes: Iterable[Theme] = (),
    target_group: str = "",
    as_recorded: Provenance | None = None,
) -> Commitment:
    """Turn a suggestion, as suggested or as edited by staff, into a commitment with status announced
    (or position maintained, for a refusal) dated on the answer. *as_recorded*: the demo data only."""
    locked = _lock_pending(suggestion)
    use_suggested_deadline = deadline is None and deadline_wording is None
    commitment = commitment_create(
        answer=locked.answer,
        title=title if title is not None else locked.title,
        quote=quote if quote is not None else locked.sentence,
        kind=kind or locked.kind,
        deadline=locked.deadline if use_suggested_deadline else deadline,
        deadline_wording=locked.deadline_wording if use_suggested_deadline else (deadline_wording or ""),
        themes=themes or list(locked.answer.question.themes.all()),
        target_group=target_group,
        user=user,
        as_recorded=as_recorded,
    )
    _decide(locked, SuggestionState.CONFIRMED, user=user, commitment=commitment)
    suggestion.state, suggestion.commitment = locked.state, commitment
    return commitment


@transaction.atomic
def suggestion_reject(*, suggestion: Suggestion, user: AbstractBaseUser | None) -> None:
    """Reject a suggestion; a re-import of the same answer will not suggest that sentence again."""
    locked = _lock_pending(suggestion)
    _decide(locked, SuggestionState.REJECTED, user=user)
    suggestion.state = locked.state


def _decide(suggestion: Suggestion, state: str, *, user, commitment: Commitment | None = None) -> None:
    suggestion.state = state
    suggestion.commitment = commitment
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion._history_user = user
    suggestion.save(update_fields=["state", "commitment", "decided_by", "decided_at"])
