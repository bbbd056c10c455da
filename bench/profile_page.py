"""`make profile URL=/commitments/`: where one page's time goes, at the bench's scale.

Uses the benchmark database of `make bench` (BENCH_DATABASE_URL, created and filled by bench/run.py
if absent) and its settings (the production ones, DEBUG off). Requests the page through Django's
test client as the bench's administrator: warm-up requests first, then REQUESTS profiled requests
(cProfile), then one more with every SQL query captured. Prints the top functions by cumulative
time (per request), then the queries with their times, slowest first.

    make profile URL=/commitments/
    make profile URL="/commitments/?q=projectoproep" REQUESTS=10 SORT=tottime TOP=40

(Named profile_page.py: a bench/profile.py would shadow the standard library's `profile`, which
cProfile imports.)
"""

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import ensure_database  # sets DATABASE_URL and the bench settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the page, e.g. /commitments/ or '/commitments/?q=projectoproep'")
    parser.add_argument("--requests", type=int, default=5, help="requests profiled (default 5)")
    parser.add_argument("--warm-up", type=int, default=3, help="requests made first, not profiled (default 3)")
    parser.add_argument("--timed", type=int, default=10, help="requests timed without the profiler first (default 10)")
    parser.add_argument("--save", help="also write the profile to this file (for pstats or snakeviz)")
    parser.add_argument("--top", type=int, default=30, help="functions listed (default 30)")
    parser.add_argument("--sort", default="cumulative", help="pstats order: cumulative (default), tottime, ncalls")
    arguments = parser.parse_args()

    ensure_database()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tracker.roles import Role, user_assign_role

    user, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={"is_superuser": True, "is_staff": True})
    user_assign_role(user=user, role=Role.ADMINISTRATOR)
    client = Client()
    client.force_login(user)

    def fetch():
        response = client.get(arguments.url)
        if response.streaming:
            for _chunk in response.streaming_content:
                pass
        if response.status_code != 200:
            raise SystemExit(f"{arguments.url} answered {response.status_code}")

    for _ in range(arguments.warm_up):
        fetch()
    # Timed without the profiler first: wall time, and this process's CPU time, which other work on a
    # shared machine disturbs far less (the database's own time is not in it).
    walls, cpus = [], []
    for _ in range(arguments.timed):
        wall, cpu = time.perf_counter(), time.process_time()
        fetch()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    if walls:
        print(
            f"{arguments.url}: {arguments.timed} requests without the profiler: median {statistics.median(walls):.1f} ms "
            f"wall, {statistics.median(cpus):.1f} ms CPU in this process"
        )
    times = []
    profiler = cProfile.Profile()
    for _ in range(arguments.requests):
        started = time.perf_counter()
        profiler.enable()
        fetch()
        profiler.disable()
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        fetch()
        last = (time.perf_counter() - started) * 1000

    if arguments.save:
        profiler.dump_stats(arguments.save)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats(arguments.sort).print_stats(arguments.top)
    print(
        f"{arguments.url}: {arguments.requests} profiled requests, {', '.join(f'{t:.0f}' for t in times)} ms (with the profiler)"
    )
    print(f"Top {arguments.top} functions by {arguments.sort} time, over the {arguments.requests} requests:")
    print(out.getvalue().split("\n", 3)[-1].rstrip())  # without pstats' own header lines
    queries = captured.captured_queries
    total = sum(float(query["time"]) for query in queries) * 1000
    print(f"\n{len(queries)} SQL queries, {total:.1f} ms in all, in one request of {last:.0f} ms (no profiler), slowest first:")
    for query in sorted(queries, key=lambda query: -float(query["time"])):
        sql = " ".join(query["sql"].split())
        print(f"{float(query['time']) * 1000:8.1f} ms  {sql[:300]}{'…' if len(sql) > 300 else ''}")


if __name__ == "__main__":
    main()
