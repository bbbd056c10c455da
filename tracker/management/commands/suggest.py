"""python manage.py suggest FILE|- [--answered-on YYYY-MM-DD] [--format text|json]"""

import datetime
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tracker.assemblies import FLEMISH_PARLIAMENT
from tracker.imports.records import DocumentError
from tracker.imports.runner import decode
from tracker.imports.suggestions import suggest_commitments
from tracker.models import Assembly, Kind, default_horizon


class Command(BaseCommand):
    help = (
        "Print the commitments and refusals the importer would suggest in an answer's text, without storing anything: "
        "to check a text, or to measure the suggestions. Reads a file, or standard input with '-'. Relative deadlines "
        "('volgend jaar') count from --answered-on (default: today); a wording without a date ('binnenkort') has deadline "
        "null. JSON: one suggestion per line."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A text file with the answer, or - for standard input.")
        parser.add_argument("--answered-on", help="The date of the answer (YYYY-MM-DD); default: today.")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--assembly",
            default=FLEMISH_PARLIAMENT,
            help="Whose term 'het einde van de legislatuur' means (default: vlaams-parlement).",
        )

    def handle(self, *args, file: str, answered_on: str | None, format: str, assembly: str, **options):
        try:
            made_on = datetime.date.fromisoformat(answered_on) if answered_on else timezone.localdate()
        except ValueError:
            raise CommandError(f"--answered-on {answered_on!r} is not a date (use YYYY-MM-DD)") from None
        known = Assembly.objects.filter(slug=assembly).first()
        if known is None:
            raise CommandError(
                f"Unknown assembly {assembly!r} (one of {', '.join(Assembly.objects.values_list('slug', flat=True))})"
            )
        text = self._read(file)
        for suggestion in suggest_commitments(text, made_on=made_on, term_end=default_horizon(made_on, known)):
            refusal = suggestion.kind == Kind.REFUSAL
            deadline = suggestion.deadline
            found = {
                "sentence": suggestion.sentence,
                "kind": "refusal" if refusal else "commitment",
                "detailed_kind": suggestion.kind,
                "deadline": deadline.date.isoformat() if deadline and deadline.date else None,
                "deadline_wording": deadline.wording if deadline else "",
                "start": suggestion.start,
                "end": suggestion.start + len(suggestion.sentence),
            }
            if format == "json":
                self.stdout.write(json.dumps(found, ensure_ascii=False))
            else:
                when = f" [{found['deadline'] or 'no date'}: {found['deadline_wording']}]" if deadline else ""
                self.stdout.write(f"{found['kind']} ({found['detailed_kind']}){when}: {found['sentence']}")

    def _read(self, file: str) -> str:
        if file == "-":
            return sys.stdin.read()
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Not found: {file}")
        try:
            return decode(path.read_bytes())[0]
        except DocumentError as error:
            raise CommandError(f"{file}: {error}") from None
