"""python manage.py import_questions PATH [PATH ...]: import PDF and text documents, JSON and XML records."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tracker.imports.runner import files_under, import_documents
from tracker.models import ImportRun


class Command(BaseCommand):
    help = (
        "Import written questions and answers from PDF documents (.pdf, with a text layer), text documents (.txt), "
        "JSON records (our export format or the Flemish Parliament's open data) and the open data's XML records "
        "(.xml). Folders are searched recursively. Each document is imported in its own transaction; the exit code "
        "is 1 if any document failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders.")
        parser.add_argument("--quiet-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, paths: list[str], quiet_progress: bool, **options):
        files = files_under(paths)
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"Not found: {', '.join(missing)}")
        if not files:
            raise CommandError("No .pdf, .txt, .json or .xml files found in the given paths.")
        bar = tqdm(total=len(files), unit="file", disable=quiet_progress or not sys.stderr.isatty(), file=sys.stderr)
        failures = []

        def report(result) -> None:
            if result.outcome == "failed":
                failures.append(result)
                bar.write(f"FAILED {result.name}: {result.reason}", file=sys.stderr)
            elif options["verbosity"] > 1:
                bar.write(f"{result.outcome:<9} {result.name}: {result.citation}")

        def documents():
            for path in files:
                yield str(path), path.read_bytes()
                bar.update(1)

        run = import_documents(documents(), origin=ImportRun.Origin.COMMAND, progress=report)
        bar.close()
        suggestions = sum(entry["suggestions"] for entry in run.report)
        self.stdout.write(
            f"{len(files)} file(s): {run.created} created, {run.updated} updated, {run.unchanged} unchanged, "
            f"{run.failed} failed; {suggestions} new suggestion(s) to review."
        )
        if failures:
            sys.exit(1)
