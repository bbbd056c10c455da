"""`make bench-public` (and the end of `make bench`): the public site at scale, rendered and cached.

On the benchmark database of bench/run.py (BENCH_DATABASE_URL, default
postgres://$USER@127.0.0.1:5432/tracker_bench: 100k questions, 200k commitments, 1M status updates,
generated once if absent, then reused), for the public home, a minister's page (the minister with the
most published commitments), a commitment's page (a published one with a long public timeline) and a
search: requests per second and the median and p95 of requests made in-process through every
middleware, anonymous, one after the other (one process, one core):

- uncached: the publication version is renewed before each request, so each renders the page and
  stores it (what the first visitor after a write pays);
- cached: the page served from the public cache (the database cache, as configured by default);
- 304: a browser that has the page asks again with its ETag.

Then a spike: the application under gunicorn (SPIKE_WORKERS processes), the publication version
renewed (as by a write), and at once SPIKE_CLIENTS concurrent visitors over HTTP asking for those
four pages for SPIKE_SECONDS: requests per second, median and p95, and how many requests rendered a
page (the others were served from the cache, or waited for the one rendering it).

Writes bench/public-results.md. (Not named bench/public.py: some tests put bench/ on sys.path, where
that name would hide the `public` package that aiosmtpd imports.)
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import DATABASE_URL, SIZES, ensure_database, manage, percentile  # noqa: E402

RESULTS = ROOT / "bench" / "public-results.md"
UNCACHED_RUNS = int(os.environ.get("BENCH_PUBLIC_UNCACHED_RUNS", "20"))
CACHED_RUNS = int(os.environ.get("BENCH_PUBLIC_CACHED_RUNS", "300"))
SEARCH = "kinderopvang"
SPIKE_WORKERS = int(os.environ.get("BENCH_PUBLIC_SPIKE_WORKERS", "4"))
SPIKE_CLIENTS = int(os.environ.get("BENCH_PUBLIC_SPIKE_CLIENTS", "32"))
SPIKE_SECONDS = float(os.environ.get("BENCH_PUBLIC_SPIKE_SECONDS", "15"))
SPIKE_PORT = int(os.environ.get("BENCH_PUBLIC_SPIKE_PORT", "8931"))


def measure(client, url: str, runs: int, *, before=None, headers=None) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm-up
        if before:
            before()
        client.get(url, **(headers or {}))
    times, statuses, queries = [], set(), 0
    for _ in range(runs):
        if before:
            before()
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = client.get(url, **(headers or {}))
            times.append((time.perf_counter() - started) * 1000)
        statuses.add(response.status_code)
        queries = len(context.captured_queries)
    return {
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
        "rps": 1000 * len(times) / sum(times),
        "queries": queries,
        "statuses": sorted(statuses),
        "bytes": len(response.content),
    }


def main() -> None:
    ensure_database()
    manage("createcachetable")
    import django

    django.setup()
    from django.db.models import Count, Q
    from django.test import Client
    from django.urls import reverse

    from tracker.models import Commitment, Person, StatusUpdate
    from tracker.public.cache import publication_changed

    published = Commitment.objects.published()
    counts = {"commitments": Commitment.objects.count(), "published": published.count()}
    minister = Person.objects.annotate(n=Count("commitments", filter=Q(commitments__published=True))).order_by("-n").first()
    busiest = (
        StatusUpdate.objects.public().values("commitment").annotate(n=Count("pk")).order_by("-n").values_list("commitment", "n")
    ).first()
    commitment_id, updates = busiest
    pages = [
        ("Home", reverse("public:home", kwargs={"lang": "nl"})),
        (f"Minister ({minister.n:,} published)", reverse("public:minister", kwargs={"lang": "nl", "pk": minister.pk})),
        (f"Commitment ({updates} public updates)", reverse("public:commitment", kwargs={"lang": "nl", "pk": commitment_id})),
        (f"Search “{SEARCH}”", reverse("public:search", kwargs={"lang": "nl"}) + f"?q={SEARCH}"),
    ]
    client = Client()
    rows = []
    for name, url in pages:
        print(f"{name}: {url}", flush=True)
        uncached = measure(client, url, UNCACHED_RUNS, before=publication_changed)
        cached = measure(client, url, CACHED_RUNS)
        etag = client.get(url)["ETag"]
        not_modified = measure(client, url, CACHED_RUNS, headers={"HTTP_IF_NONE_MATCH": etag})
        rows.append((name, url, uncached, cached, not_modified))
        print(
            f"  uncached {uncached['median']:.1f} ms (p95 {uncached['p95']:.1f}), cached {cached['median']:.2f} ms "
            f"(p95 {cached['p95']:.2f}, {cached['rps']:.0f} req/s), 304 {not_modified['median']:.2f} ms",
            flush=True,
        )
    spike_result = spike([url for _name, url in pages], publication_changed)
    write(rows, counts, spike_result)


def spike(urls: list[str], renew) -> dict:
    """SPIKE_CLIENTS visitors at once, right after a write, against gunicorn over loopback."""
    import http.client
    import signal
    import subprocess
    import threading

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tracker.wsgi", "--bind", f"127.0.0.1:{SPIKE_PORT}", "--workers", str(SPIKE_WORKERS)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):  # up to 20 s for the workers to start
            try:
                connection = http.client.HTTPConnection("127.0.0.1", SPIKE_PORT, timeout=5)
                connection.request("GET", "/healthz")
                connection.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        for url in urls:  # each worker process loads its code once before the spike
            for _ in range(SPIKE_WORKERS):
                connection.request("GET", url)
                connection.getresponse().read()
        renew()
        times, misses, errors = [], [], []
        lock = threading.Lock()
        deadline = time.monotonic() + SPIKE_SECONDS

        def visitor(number: int) -> None:
            connection = http.client.HTTPConnection("127.0.0.1", SPIKE_PORT, timeout=30)
            index = number
            while time.monotonic() < deadline:
                url = urls[index % len(urls)]
                index += 1
                started = time.perf_counter()
                try:
                    connection.request("GET", url)
                    response = connection.getresponse()
                    response.read()
                except OSError as error:
                    with lock:
                        errors.append(str(error))
                    connection = http.client.HTTPConnection("127.0.0.1", SPIKE_PORT, timeout=30)
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    times.append(elapsed)
                    if response.status != 200:
                        errors.append(str(response.status))
                    if response.getheader("X-Public-Cache") == "miss":
                        misses.append(url)

        started = time.monotonic()
        threads = [threading.Thread(target=visitor, args=(number,)) for number in range(SPIKE_CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        duration = time.monotonic() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    result = {
        "requests": len(times),
        "rps": len(times) / duration,
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
        "max": max(times),
        "rendered": len(misses),
        "errors": len(errors),
    }
    print(f"Spike: {result}", flush=True)
    return result


def write(rows, counts, spike_result) -> None:
    from django.db import connection

    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        "# The public site at scale",
        "",
        f"Measured by `make bench-public` (bench/public_site.py) on {datetime.date.today().isoformat()}, PostgreSQL "
        f"{connection.pg_version // 10000}, database `{DATABASE_URL.rsplit('/', 1)[1]}`: {counts['commitments']:,} commitments "
        f"({counts['published']:,} published), {SIZES['questions']:,} questions and {SIZES['updates']:,} status updates "
        "(`generate_data --seed=2026`). Requests in-process through every middleware, anonymous, one after the other in "
        "one process (so requests/s is per process and core); the public cache is the database cache "
        f"(PUBLIC_CACHE=database, the default). Load average of the machine during the run: {load}.",
        "",
        "- **uncached**: the publication version renewed before each request: the page is rendered and stored "
        f"(what the first visitor after a write pays), {UNCACHED_RUNS} requests;",
        f"- **cached**: served from the public cache, {CACHED_RUNS} requests;",
        f"- **304**: the browser's copy confirmed by its ETag, {CACHED_RUNS} requests.",
        "",
        "| Page | uncached median | uncached p95 | uncached req/s | queries | cached median | cached p95 | cached req/s | queries | 304 median | 304 req/s | size |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, _url, uncached, cached, not_modified in rows:
        lines.append(
            f"| {name} | {uncached['median']:.1f} ms | {uncached['p95']:.1f} ms | {uncached['rps']:.0f} | {uncached['queries']} "
            f"| {cached['median']:.2f} ms | {cached['p95']:.2f} ms | {cached['rps']:.0f} | {cached['queries']} "
            f"| {not_modified['median']:.2f} ms | {not_modified['rps']:.0f} | {cached['bytes'] // 1024} KB |"
        )
    lines += [
        "",
        "Queries: of an uncached request, the page's own plus the cache's (read the version and the page, claim the "
        "rendering, store the page, release the claim: a database cache write is a count, a read and an insert in a "
        "transaction); of a cached one, the version and the page; of a 304, the version only.",
        "",
        "## A spike right after a write",
        "",
        f"The application under gunicorn ({SPIKE_WORKERS} worker processes, settings of `bench.settings`), the publication "
        f"version renewed as by a write, then at once {SPIKE_CLIENTS} concurrent visitors over loopback, each asking for "
        f"the four pages above in turn for {SPIKE_SECONDS:.0f} seconds (the load generator runs on the same machine).",
        "",
        "| Requests | req/s | median | p95 | max | requests that rendered a page | errors |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {spike_result['requests']:,} | {spike_result['rps']:.0f} | {spike_result['median']:.1f} ms "
        f"| {spike_result['p95']:.1f} ms | {spike_result['max']:.0f} ms | {spike_result['rendered']} | {spike_result['errors']} |",
        "",
        "After a write, each page is rendered by the first request that asks for it; the others wait for it and are "
        "then served from the cache.",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print(f"Wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
