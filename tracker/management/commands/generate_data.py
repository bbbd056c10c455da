"""python manage.py generate_data --questions 100000 --commitments 200000 --updates 1000000 [--seed N]"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from tracker.demo.synthetic import MARKER, Generator, Sizes
from tracker.models import Theme


class Command(BaseCommand):
    help = (
        "Generate realistic, reproducible synthetic data for benchmarks: questions from 2004 to today over the "
        "Flemish governments, dozens of ministers, hundreds of askers, commitments with stated and default deadlines and "
        "status histories. Written in bulk, in chunks, with a progress bar."
    )

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=int, default=1000)
        parser.add_argument("--commitments", type=int, default=2000)
        parser.add_argument("--updates", type=int, default=10000, help="Status updates in all (at least one per commitment).")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--chunk", type=int, default=5000, help="Questions written per transaction.")
        parser.add_argument("--append", action="store_true", help="Add to synthetic data generated before.")

    def handle(self, *args, questions: int, commitments: int, updates: int, seed: int, chunk: int, append: bool, **options):
        if min(questions, commitments, updates) < 0 or chunk < 1:
            raise CommandError("Sizes must be zero or more, the chunk at least 1.")
        if Theme.objects.filter(slug__startswith=MARKER).exists() and not append:
            raise CommandError("This database already holds generated data; use --append to add more.")
        bar = tqdm(total=questions, unit="question", disable=not sys.stderr.isatty(), file=sys.stderr)
        started = time.monotonic()
        try:
            generator = Generator(
                Sizes(questions, commitments, updates),
                seed=seed,
                today=timezone.localdate(),
                chunk=chunk,
                progress=lambda stage, count: bar.update(count),
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        totals = generator.run()
        bar.close()
        self.stdout.write(
            ", ".join(f"{count} {name}" for name, count in totals.items()) + f" generated in {time.monotonic() - started:.1f} s."
        )
