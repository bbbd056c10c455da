"""The open-data API at scale: `python bench/api.py` (BENCH_DATABASE_URL, default the `make bench`
database, which must have migration 0016). For each call: a warm-up, then the median and p95 of
BENCH_RUNS (20) requests, in-process through every middleware, anonymous (published data) and with
a staff token, and the number of SQL queries. Prints a Markdown table; writes nothing."""

import getpass
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
USER = os.environ.get("PGUSER") or getpass.getuser()
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"postgres://{USER}@127.0.0.1:5432/tracker_bench")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ.setdefault("API_ANON_REQUESTS_PER_MINUTE", "1000000")
os.environ.setdefault("API_STAFF_REQUESTS_PER_MINUTE", "1000000")
RUNS, WARM_UP = int(os.environ.get("BENCH_RUNS", "20")), 3


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tracker.models import Commitment
    from tracker.roles import Role, user_assign_role
    from tracker.services.api_tokens import api_token_create

    staff, _ = get_user_model().objects.get_or_create(username="bench-api-viewer")
    user_assign_role(user=staff, role=Role.VIEWER)
    key = api_token_create(user=staff, name="bench")[1]
    busiest = (
        Commitment.objects.values("responsible_person")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["responsible_person"]
    )
    newest = Commitment.objects.published().order_by("-pk").values_list("pk", flat=True).first()
    anonymous, token = Client(), Client(HTTP_AUTHORIZATION=f"Token {key}")
    deep = anonymous.get("/api/v1/commitments/?page_size=200").json()["next"]
    for _ in range(50):  # 50 pages of 200 in: a cursor 10,000 rows deep
        deep = anonymous.get(deep).json()["next"]
    calls = [
        ("commitments, first page (50)", "/api/v1/commitments/"),
        ("commitments, 200 a page", "/api/v1/commitments/?page_size=200"),
        ("commitments, 10,000 rows deep", deep),
        ("commitments, open and overdue", "/api/v1/commitments/?state=open&overdue=true"),
        ("commitments, busiest minister", f"/api/v1/commitments/?minister={busiest}"),
        ("commitments, search 'armoede'", "/api/v1/commitments/?q=armoede"),
        ("commitments, deadline in 2026", "/api/v1/commitments/?deadline_from=2026-01-01&deadline_to=2026-12-31"),
        ("commitment detail", f"/api/v1/commitments/C-{newest:05d}/"),
        ("status updates", "/api/v1/status-updates/"),
        ("questions", "/api/v1/questions/"),
        ("questions, unanswered", "/api/v1/questions/?answered=false"),
        ("answers", "/api/v1/answers/"),
        ("ministers", "/api/v1/ministers/"),
        ("minister detail (busiest, counts)", f"/api/v1/ministers/{busiest}/"),
        ("governments", "/api/v1/governments/"),
    ]
    print("| call | anonymous median / p95 (ms) | queries | staff token median / p95 (ms) | queries |\n|---|---|---|---|---|")
    for label, url in calls:
        cells = []
        for client in (anonymous, token):
            for _ in range(WARM_UP):
                assert client.get(url).status_code == 200, url
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            times.sort()
            cells.append(
                f"{statistics.median(times):.0f} / {times[int(len(times) * 0.95) - 1]:.0f} | {len(queries.captured_queries)}"
            )
        print(f"| {label} | {' | '.join(cells)} |")
    staff.api_tokens.all().delete()


if __name__ == "__main__":
    main()
