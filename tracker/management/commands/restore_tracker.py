"""python manage.py restore_tracker EXPORT.json --user ADMINISTRATOR"""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tracker.imports.runner import import_documents
from tracker.models import ImportRun


class Command(BaseCommand):
    help = (
        "Restore a full export (export_tracker --format json) with its original references, authors and times, "
        "into an empty installation (or one holding only entries of that export: a restore run again adds only what "
        "is missing). An administrator's action: the run is recorded as a restore started by --user. Plain imports "
        "(import_questions, the upload page) record history as the person importing, now."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The export file (JSON).")
        parser.add_argument("--user", required=True, help="The administrator responsible for the restore.")

    def handle(self, *args, path: str, user: str, **options):
        administrator = get_user_model().objects.filter(username=user, is_active=True).first()
        if administrator is None:
            raise CommandError(f"No active user {user!r}.")
        if not administrator.has_perm("tracker.restore_export"):
            raise CommandError(f"{user} is not an administrator: only administrators restore exports.")
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Not found: {path}")
        run = import_documents(
            [(file.name, file.read_bytes())], user=administrator, origin=ImportRun.Origin.RESTORE, restore=True
        )
        for entry in run.report:
            if entry["outcome"] == "failed":
                self.stderr.write(f"FAILED {entry['name']}: {entry['reason']}")
        self.stdout.write(
            f"Restore of {file.name}: {run.created} created, {run.updated} updated, {run.unchanged} unchanged, {run.failed} failed."
        )
        if run.failed:
            sys.exit(1)
