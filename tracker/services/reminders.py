"""Sending the deadline reminders (README, "E-mail"): one mail per user and run, listing theirs.

Each reminder is recorded (ReminderSent) before its mail is sent, in one transaction per user: the
unique constraint on (commitment, user, kind, deadline) makes a second run, or one running at the same
time, skip what was claimed. A send that fails gives its claims back, so the next run tries again; a
run killed between the claim and the send loses those reminders (at most once: a reminder is a
nudge, a duplicate costs more trust than a missing one).
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction

from tracker.mail import Recipient, build_message, message_as_text
from tracker.models import ReminderKind, ReminderSent
from tracker.selectors.reminders import Reminder, reminders_due
from tracker.services.digests import SEND_ERRORS, plural

logger = logging.getLogger("tracker.mail")


@dataclass
class ReminderRun:
    today: datetime.date
    dry_run: bool = False
    mails: int = 0
    reminders: int = 0
    failed: list[str] = field(default_factory=list)
    elsewhere: int = 0  # claimed by a run going on at the same time

    def summary(self) -> str:
        verb = "would be sent" if self.dry_run else "sent"
        line = (
            f"Reminders for {self.today.isoformat()}: {plural(self.reminders, 'reminder')} in {plural(self.mails, 'mail')} "
            f"{verb}, {plural(len(self.failed), 'mail')} failed"
        )
        if self.elsewhere:
            line += f", {self.elsewhere} taken by another run"
        if self.failed:
            line += f" ({', '.join(self.failed)}: tried again on the next run)"
        return line + "."


def reminder_message(*, recipient: Recipient, reminders: list[Reminder], today: datetime.date) -> EmailMultiAlternatives:
    context = {
        "today": today,
        "overdue": [reminder for reminder in reminders if reminder.kind == ReminderKind.OVERDUE],
        "due_soon": [reminder for reminder in reminders if reminder.kind == ReminderKind.DUE_SOON],
        "reminder_days": settings.TRACKER_REMINDER_DAYS,
        "count": len(reminders),
    }
    return build_message(recipient=recipient, template="reminders", context=context)


def _claim(recipient: Recipient, reminders: list[Reminder]) -> list[int] | None:
    """Record the user's reminders; None when another run recorded one of them first."""
    try:
        with transaction.atomic():
            claimed = ReminderSent.objects.bulk_create(
                ReminderSent(
                    commitment_id=reminder.commitment.id,
                    user_id=recipient.id,
                    kind=reminder.kind,
                    deadline=reminder.commitment.deadline,
                )
                for reminder in reminders
            )
    except IntegrityError:
        return None
    return [reminder.pk for reminder in claimed]


def reminders_send(
    *, today: datetime.date, dry_run: bool = False, connection=None, on_print: Callable[[str], None] | None = None
) -> ReminderRun:
    run = ReminderRun(today=today, dry_run=dry_run)
    connection = connection or get_connection()
    opened = False
    try:
        for recipient, reminders in reminders_due(today=today):
            message = reminder_message(recipient=recipient, reminders=reminders, today=today)
            if dry_run:
                run.mails += 1
                run.reminders += len(reminders)
                if on_print:
                    on_print(message_as_text(message))
                continue
            claimed = _claim(recipient, reminders)
            if claimed is None:
                run.elsewhere += 1
                continue
            try:
                if not opened:
                    opened = True
                    connection.open()
                connection.send_messages([message])
            except SEND_ERRORS as error:
                ReminderSent.objects.filter(pk__in=claimed).delete()
                run.failed.append(recipient.username)
                logger.error("The reminders to %s could not be sent: %s", recipient.username, error)
                connection.close()
                opened = False
                continue
            run.mails += 1
            run.reminders += len(reminders)
    finally:
        if opened:
            connection.close()
    return run
