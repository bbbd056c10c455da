"""python manage.py fetch_vlaams_parlement --since DATE [--until DATE]: fetch and import the Flemish
Parliament's written questions published in a date range."""

import argparse
import datetime
import sys
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from tracker.fetching.http import FetchError
from tracker.fetching.jobs import polite_session, question_files, stored_with_answer
from tracker.fetching.vlaams_parlement import VlaamsParlement
from tracker.imports.runner import import_documents
from tracker.models import ImportRun


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Fetch the Flemish Parliament's written questions published from --since to --until (default: today) "
        "through its search service, then each one's open-data record (JSON) and document, and import them as an "
        "upload would. Questions already stored with their answer are skipped, so a run that was interrupted "
        "continues where it stopped. Needs FETCH_CONTACT (sent in the User-Agent). The exit code is 1 if anything "
        "failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, type=_date, help="First publication date, YYYY-MM-DD.")
        parser.add_argument("--until", type=_date, default=None, help="Last publication date, YYYY-MM-DD (default: today).")
        parser.add_argument(
            "--pause", type=float, default=None, help="Seconds between two requests (default: FETCH_PAUSE_MS, one second)."
        )
        parser.add_argument("--again", action="store_true", help="Fetch the questions stored with their answer too.")
        parser.add_argument("--quiet-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, since, until, pause, again, quiet_progress, **options):
        if not settings.TRACKER_FETCH_CONTACT:
            raise CommandError(
                "Set FETCH_CONTACT (an e-mail address or web page where the parliament can reach whoever runs this) "
                "before fetching: it is sent with every request."
            )
        until = until or timezone.localdate()
        if since > until:
            raise CommandError(f"--since {since} lies after --until {until}.")
        client = VlaamsParlement(polite_session(pause=pause))
        try:
            hits = client.written_questions(since, until)
        except FetchError as error:
            raise CommandError(f"Searching the parliament's written questions failed, nothing was imported: {error}") from None
        skipped = set() if again else stored_with_answer(hit.open_data_id for hit in hits)
        todo = [hit for hit in hits if hit.open_data_id not in skipped]
        bar = tqdm(total=len(todo), unit="question", disable=quiet_progress or not sys.stderr.isatty(), file=sys.stderr)
        outcomes: Counter[str] = Counter()  # documents by outcome, questions fetched, suggestions
        fetch_failures: list[str] = []

        def failed(message: str) -> None:
            fetch_failures.append(message)
            bar.write(f"FAILED to fetch {message}", file=sys.stderr)

        def report(result) -> None:
            outcomes[result.outcome] += 1
            outcomes["suggestions"] += result.suggestions
            if result.outcome == "failed":
                bar.write(f"FAILED {result.name}: {result.reason}", file=sys.stderr)
            elif options["verbosity"] > 1:
                bar.write(f"{result.outcome:<9} {result.name}: {result.citation}")

        def files():
            for hit in todo:
                yield from question_files(client, hit, failed=failed)
                outcomes["questions"] += 1
                bar.update(1)

        interrupted = False
        try:
            import_documents(files(), origin=ImportRun.Origin.COMMAND, progress=report)
        except KeyboardInterrupt:
            # The import run has recorded what was done; what is stored stays stored.
            interrupted = True
        bar.close()
        self.stdout.write(
            f"{len(hits)} question(s) published from {since} to {until}: {len(skipped)} skipped (stored with their "
            f"answer), {outcomes['questions']} fetched; documents: {outcomes['created']} created, {outcomes['updated']} updated, "
            f"{outcomes['unchanged']} unchanged, {outcomes['failed']} failed; {len(fetch_failures)} fetch failure(s); "
            f"{outcomes['suggestions']} new suggestion(s) to review."
        )
        if interrupted:
            self.stderr.write("Interrupted: run the same command again to continue where it stopped.")
        if interrupted or outcomes["failed"] or fetch_failures:
            sys.exit(1)
