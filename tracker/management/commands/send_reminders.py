"""python manage.py send_reminders [--date YYYY-MM-DD] [--dry-run]"""

import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tracker.mail import site_url
from tracker.management.commands.send_digests import day
from tracker.services.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Remind the assignee and the followers of each open promise of its deadline, REMINDER_DAYS days before it "
        "and on the day it becomes overdue; each reminder once. One mail per user. Run it daily; a day missed is "
        "caught up on the next run. Exit code 1 if a mail could not be sent (the next run tries it again)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=day, help="The day of the run, in the site's time zone (default: today).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the reminders instead of sending them; records nothing."
        )

    def handle(self, *args, date, dry_run, **options):
        try:
            site_url()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        run = reminders_send(today=date or timezone.localdate(), dry_run=dry_run, on_print=self.stdout.write)
        self.stdout.write(run.summary())
        if run.failed:
            sys.exit(1)
