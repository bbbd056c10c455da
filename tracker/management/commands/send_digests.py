"""python manage.py send_digests [--frequency daily|weekly] [--date YYYY-MM-DD] [--dry-run] [--user NAME]"""

import datetime
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tracker.mail import site_url
from tracker.models import DigestFrequency
from tracker.selectors.recipients import why_no_digest
from tracker.services.digests import digests_send


def day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date {value!r} is not a date: use YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Send the e-mail digests: daily ones cover the day before the date, weekly ones the last whole week "
        "(Monday to Sunday) before it. Each digest is sent at most once per user and period, so running it again "
        "(or daily from cron for both frequencies) sends nothing twice. Exit code 1 if a mail could not be sent; "
        "the next run tries it again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=[DigestFrequency.DAILY, DigestFrequency.WEEKLY],
            help="Only this frequency (default: both, daily first).",
        )
        parser.add_argument("--date", type=day, help="The day of the run, in the site's time zone (default: today).")
        parser.add_argument("--dry-run", action="store_true", help="Print the digests instead of sending them; records nothing.")
        parser.add_argument("--user", action="append", dest="usernames", metavar="NAME", help="Only this user (repeatable).")
        parser.add_argument(
            "--resend-unconfirmed",
            action="store_true",
            help="Also send the digests an interrupted run claimed but never confirmed sent (they may arrive twice).",
        )

    def handle(self, *args, frequency, date, dry_run, usernames, resend_unconfirmed, **options):
        try:
            site_url()  # refuse at once, with the reason, when the links cannot be made
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        today = date or timezone.localdate()
        failed = False
        for chosen in [frequency] if frequency else [DigestFrequency.DAILY, DigestFrequency.WEEKLY]:
            run = digests_send(
                frequency=chosen,
                today=today,
                usernames=usernames,
                dry_run=dry_run,
                resend_unconfirmed=resend_unconfirmed,
                on_print=self.stdout.write,
            )
            self.stdout.write(run.summary())
            for username in set(usernames or []) - run.usernames:
                reason = why_no_digest(username, frequency=chosen)
                if reason:
                    self.stdout.write(f"  {username}: no {chosen} digest: {reason}.")
            failed = failed or bool(run.failed)
        if failed:
            sys.exit(1)
