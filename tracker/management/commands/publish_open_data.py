"""python manage.py publish_open_data [--directory DIR] [--date YYYY-MM-DD]: the bulk downloads, daily."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from tracker.management.commands.send_digests import day
from tracker.opendata.writer import PublishingInProgress, open_data_directory, publish_open_data


class Command(BaseCommand):
    help = (
        "Write the open data (published commitments, their status updates, questions and answers, ministers, "
        "governments) as CSV and JSON with a Frictionless datapackage.json, a licence note and a zip, into "
        "OPEN_DATA_DIR; each file replaces the previous one atomically. Run it daily (README, 'Open data downloads')."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", type=Path, help="Where to write (default: the setting OPEN_DATA_DIR).")
        parser.add_argument("--date", type=day, help="The day the overdue flags are counted on (default: today).")

    def handle(self, *args, directory: Path | None, date, **options):
        directory = directory or open_data_directory()
        try:
            package = publish_open_data(directory=directory, as_of=date)
        except (PublishingInProgress, OSError) as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(
            f"{resource['path']} {resource['rows']} rows ({filesizeformat(resource['bytes'])})"
            for resource in package["resources"]
            if resource["format"] == "csv"
        )
        self.stdout.write(f"Open data written to {directory}: {counts}.")
