from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tracker.demo.loader import DEMO_PASSWORD, load_demo_data


class Command(BaseCommand):
    help = "Load the seed document (written question 551) and the sample records around it, and create demo logins. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help="Do not create the demo logins.")
        parser.add_argument("--force", action="store_true", help="Create demo logins even when DEBUG is off.")

    def handle(self, *args, no_users: bool, force: bool, **options):
        with_users = not no_users
        if with_users and not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to create demo logins with a known password while DEBUG is off (use --no-users or --force)."
            )
        summary = load_demo_data(with_users=with_users)
        self.stdout.write(f"Demo data loaded: {summary.questions} questions, {summary.commitments} commitments.")
        if summary.users:
            self.stdout.write(f"Demo logins (password for each: {DEMO_PASSWORD}):")
            for username, role in summary.users:
                self.stdout.write(f"  {username:<8} {role}")
