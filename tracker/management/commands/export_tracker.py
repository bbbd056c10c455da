"""python manage.py export_tracker --format json|csv [--output FILE]: everything, streamed."""

import datetime
import sys

from django.core.management.base import BaseCommand, CommandError

from tracker.exports.csv import DELIMITERS, delimiter_named
from tracker.exports.tracker_export import export_csv, export_json


class Command(BaseCommand):
    help = (
        "Export every question with its answer, commitments, current status, deadline (with source and wording), "
        "overdue flag and full status history. The JSON imports again with import_questions."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")
        parser.add_argument("--delimiter", choices=list(DELIMITERS), default="comma", help="CSV only.")
        parser.add_argument(
            "--as-of", help="The date (YYYY-MM-DD) the overdue and late-answer flags are counted on; default: today."
        )

    def handle(self, *args, format: str, output: str | None, delimiter: str, as_of: str | None, **options):
        try:
            day = datetime.date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise CommandError(f"--as-of {as_of!r} is not a date (use YYYY-MM-DD)") from None
        chunks = export_json(as_of=day) if format == "json" else export_csv(as_of=day, delimiter=delimiter_named(delimiter))
        if output:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                for chunk in chunks:
                    stream.write(chunk)
            self.stderr.write(f"Exported to {output}.")
        else:
            for chunk in chunks:
                sys.stdout.write(chunk)
