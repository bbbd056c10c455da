"""Which deadline reminders are due on a day, and to whom (README, "E-mail").

An open promise is reminded of TRACKER_REMINDER_DAYS days before its deadline and again on the day it
becomes overdue (the day after the deadline), each once per (commitment, user, kind, deadline): a
moved deadline gets reminders of its own. A day the command did not run is caught up the next time:
a promise falling due within the reminder window, or overdue for no longer than it, that was not
reminded yet, is reminded then.

Who: the commitment's assignee, and whoever follows it, its minister, one of its themes or its
question; among them, the readers with an e-mail address. Followers who turned their digest off get
no reminders of what they follow; the assignee gets them all the same (looking after a commitment is
a job, not a subscription).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from tracker.mail import Recipient
from tracker.models import Commitment, DigestFrequency, Follow, ReminderKind, ReminderSent
from tracker.models.commitments import due_soon_condition, overdue_condition
from tracker.selectors.digests import CommitmentRow, commitment_rows
from tracker.selectors.recipients import RECIPIENT_FIELDS, readers, recipient_of


@dataclass(frozen=True)
class Reminder:
    commitment: CommitmentRow
    kind: str  # ReminderKind
    assigned: bool  # the recipient looks after it
    today: datetime.date

    @property
    def days(self) -> int:
        """Days until the deadline (falling due), or since it (overdue)."""
        return abs((self.commitment.deadline - self.today).days)


def reminder_candidates(*, today: datetime.date, days: int | None = None) -> dict[int, str]:
    """Open promises to remind of on *today*, with the kind of reminder: falling due from today up
    to *days* days on (by default TRACKER_REMINDER_DAYS), or overdue since at most that many days.
    Two queries, on the index of open promises by deadline."""
    days = settings.TRACKER_REMINDER_DAYS if days is None else days
    kinds = dict.fromkeys(
        Commitment.objects.filter(due_soon_condition(today, days)).values_list("pk", flat=True), ReminderKind.DUE_SOON
    )
    overdue = Commitment.objects.filter(overdue_condition(today), deadline__gte=today - datetime.timedelta(days=days))
    kinds.update(dict.fromkeys(overdue.values_list("pk", flat=True), ReminderKind.OVERDUE))
    return kinds


def reminders_due(*, today: datetime.date, days: int | None = None) -> list[tuple[Recipient, list[Reminder]]]:
    """Each recipient with the reminders due to them on *today* and not sent yet, by deadline. A fixed
    number of queries (two more per CHUNK candidates), whatever the number of users."""
    kinds = reminder_candidates(today=today, days=days)
    rows = commitment_rows(kinds)
    if not rows:
        return []
    by_person, by_theme, by_question = defaultdict(set), defaultdict(set), defaultdict(set)
    for row in rows.values():
        by_person[row.person_id].add(row.id)
        by_question[row.question_id].add(row.id)
        for theme_id in row.theme_ids:
            by_theme[theme_id].add(row.id)
    follows = Follow.objects.filter(
        Q(commitment_id__in=rows) | Q(minister_id__in=by_person) | Q(theme_id__in=by_theme) | Q(question_id__in=by_question)
    ).values_list("user_id", "commitment_id", "minister_id", "theme_id", "question_id")
    followed: dict[int, set[int]] = defaultdict(set)  # user -> the candidates they follow, one way or another
    for user_id, commitment_id, minister_id, theme_id, question_id in follows.iterator(chunk_size=5000):
        if commitment_id:
            followed[user_id].add(commitment_id)
        followed[user_id] |= (
            by_person.get(minister_id, set()) | by_theme.get(theme_id, set()) | by_question.get(question_id, set())
        )
    assigned: dict[int, set[int]] = defaultdict(set)
    for row in rows.values():
        if row.assignee_id is not None:
            assigned[row.assignee_id].add(row.id)

    users = readers().filter(pk__in=set(followed) | set(assigned)).order_by("pk")
    sent = set(ReminderSent.objects.filter(commitment_id__in=rows).values_list("commitment_id", "user_id", "kind", "deadline"))
    result = []
    for *fields, digest in users.values_list(*RECIPIENT_FIELDS, "tracker_profile__digest"):
        recipient = recipient_of(tuple(fields))
        pk = recipient.id
        mine = assigned.get(pk, set())
        chosen = mine | (followed.get(pk, set()) if digest != DigestFrequency.OFF else set())
        reminders = [
            Reminder(commitment=rows[cid], kind=kinds[cid], assigned=cid in mine, today=today)
            for cid in chosen
            if (cid, pk, kinds[cid], rows[cid].deadline) not in sent
        ]
        if reminders:
            reminders.sort(key=lambda reminder: (reminder.commitment.deadline, reminder.commitment.id))
            result.append((recipient, reminders))
    return result
