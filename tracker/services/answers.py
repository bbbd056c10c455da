"""Writing an answer: the importer and the admin both save answers here, so the commitments quoted
in an answer always follow its text and date, and a change that would lose a quote is refused."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.models import Answer, Commitment, Question
from tracker.services.commitments import commitments_follow_answer


def validate_answer_text(answer: Answer, text: str) -> None:
    """Refuse a new text that no longer contains the quote of a commitment made in the answer."""
    if not answer.pk:
        return
    quoted = Commitment.all_objects.filter(answer=answer).only("pk", "quote")  # merged duplicates quote it too
    lost = [commitment.reference for commitment in quoted if commitment.quote not in text]
    if lost:
        raise ValidationError(
            {
                "text": _("The new text no longer contains the quote of %(references)s: correct those commitments first.")
                % {"references": ", ".join(lost)}
            }
        )


@transaction.atomic
def answer_save(*, question: Question, values: dict, user: AbstractBaseUser | None, reason: str) -> tuple[Answer, bool]:
    """Create the answer of *question*, or set *values* on it and save only what really changed;
    returns the answer and whether anything changed."""
    answer = Answer.objects.select_for_update().filter(question=question).first()
    if answer is None:
        answer = Answer(question=question, **values)
        answer.full_clean(exclude=["question"])
        answer._history_user, answer._change_reason = user, reason
        answer.save()
        return answer, True
    changed = [name for name, value in values.items() if getattr(answer, name) != value]
    if not changed:
        return answer, False
    if "text" in changed:
        validate_answer_text(answer, values["text"])
    for name in changed:
        setattr(answer, name, values[name])
    answer.full_clean(exclude=["question"])
    answer._history_user, answer._change_reason = user, reason
    answer.save(update_fields=[*changed, "updated_at"])
    if {"text", "answered_on"} & set(changed):
        commitments_follow_answer(answer=answer)
    return answer, True
