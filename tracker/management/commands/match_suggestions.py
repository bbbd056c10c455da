"""python manage.py match_suggestions [--all]"""

from django.core.management.base import BaseCommand

from tracker.models import Suggestion
from tracker.services.matching import suggestions_match, threshold, uses_trigram_index


class Command(BaseCommand):
    help = (
        "Propose, for each pending suggestion, the open commitment it most likely re-states (README, 'Re-statements'): "
        "for data imported before matching existed, or after the threshold changed. By default only suggestions "
        "without a proposal; --all recomputes every pending one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Recompute the proposals of every pending suggestion.")

    def handle(self, *args, all: bool, **options):
        pending = Suggestion.objects.pending().select_related("answer__question").order_by("pk")
        if not all:
            pending = pending.filter(match__isnull=True)
        suggestions = list(pending)
        matched = suggestions_match(suggestions)
        how = "pg_trgm" if uses_trigram_index() else "Python trigrams"
        self.stdout.write(
            f"{len(suggestions)} pending suggestions compared ({how}, threshold {threshold():.2f}): {matched} look like a commitment."
        )
