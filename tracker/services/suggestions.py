"""Reviewing the importer's suggestions: confirm (it becomes a commitment), record it as a
re-statement of a commitment (the same promise, made again in a later answer), or reject it
(remembered)."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tracker.models import Commitment, DeadlineSource, Question, Restatement, Suggestion, SuggestionState, Theme
from tracker.services.commitments import DERIVED_FIELDS, Provenance, _lock, _save_edit, commitment_create
from tracker.services.slippage import deadline_change_record
from tracker.similarity import similarity


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
    published: bool | None = None,
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
        published=published,
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


def restated_in(question: Question) -> str:
    """How a re-statement is cited, in the parliament's style: "re-stated in vraag nr. 12 of 3 March 2020"."""
    return _("re-stated in vraag nr. %(number)s of %(date)s") % {
        "number": question.number,
        "date": date_format(question.asked_on, "DATE_FORMAT"),
    }


def _lock_restatable(commitment: Commitment) -> Commitment:
    locked = _lock(commitment)
    if locked.merged_into_id is not None:
        # A merged commitment's follow-up is the one it was merged into.
        message = _("%(reference)s was merged into %(kept)s: record the re-statement there.") % {
            "reference": locked.reference,
            "kept": Commitment(pk=locked.merged_into_id).reference,
        }
        raise ValidationError({"commitment": message}, code="merged")
    return locked


@transaction.atomic
def suggestion_restate(
    *,
    suggestion: Suggestion,
    commitment: Commitment,
    user: AbstractBaseUser | None,
    as_recorded: Provenance | None = None,
) -> Restatement:
    """Record a suggestion as the same promise as *commitment*, made again in a later answer: a
    re-statement on the commitment's timeline, with the new words and deadline.

    Any commitment not merged into another may be re-stated, closed ones too: a minister repeating a
    promise staff recorded as fulfilled or abandoned is worth knowing. Only an open promise's
    deadline moves, and only to a later date: the slip is then on record (a deadline change citing
    the question). An earlier or equal deadline leaves it as it is; the re-statement keeps its words.
    *as_recorded*: the demo data only."""
    locked_suggestion = _lock_pending(suggestion)
    locked = _lock_restatable(commitment)
    answer = locked_suggestion.answer
    if locked.answer_id == answer.pk:
        raise ValidationError({"commitment": _("This sentence is in the same answer as the commitment: it cannot re-state it.")})
    if Restatement.objects.filter(commitment=locked, answer=answer).exists():
        message = _("This answer is already recorded as a re-statement of %(reference)s.")
        raise ValidationError({"commitment": message % {"reference": locked.reference}})
    recorded = as_recorded or Provenance.now(user)
    score = locked_suggestion.match_similarity if locked_suggestion.match_id == locked.pk else None
    restatement = Restatement.objects.create(
        commitment=locked,
        answer=answer,
        quote=locked_suggestion.sentence,
        quote_start=locked_suggestion.sentence_start,
        made_on=answer.made_on,
        deadline=locked_suggestion.deadline,
        deadline_wording=locked_suggestion.deadline_wording,
        similarity=score if score is not None else round(similarity(locked_suggestion.sentence, locked.quote), 3),
        suggestion=locked_suggestion,
        **recorded.fields("recorded"),
    )
    if restatement.moves_deadline_of(locked):
        reason = restated_in(answer.question)
        old_deadline, old_wording = locked.deadline, locked.deadline_wording
        locked.deadline = restatement.deadline
        locked.deadline_wording = restatement.deadline_wording
        locked.deadline_source = DeadlineSource.STATED if restatement.deadline_wording else DeadlineSource.STAFF
        locked.full_clean(exclude=DERIVED_FIELDS)
        deadline_change_record(
            locked,
            old_deadline=old_deadline,
            old_wording=old_wording,
            changed_on=restatement.made_on,
            recorded=recorded,
            reason=reason,
            restatement=restatement,
        )
        _save_edit(locked, commitment, user=user, reason=reason)
    _decide(locked_suggestion, SuggestionState.RESTATED, user=user)
    suggestion.state = locked_suggestion.state
    return restatement


def _decide(suggestion: Suggestion, state: str, *, user, commitment: Commitment | None = None) -> None:
    suggestion.state = state
    suggestion.commitment = commitment
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion._history_user = user
    suggestion.save(update_fields=["state", "commitment", "decided_by", "decided_at"])
