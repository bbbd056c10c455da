"""`python bench/opendata.py [DIRECTORY]`: time and peak memory of `publish_open_data` on the benchmark
database (BENCH_DATABASE_URL, as bench/run.py makes it), in this fresh process.

Prints the rows and bytes written, the wall time, and the peak resident memory before the run (Django
loaded, the URLs imported) and after it: the growth is what writing the files costs, which stays flat
(the rows are streamed) whatever the size of the register."""

import getpass
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
USER = os.environ.get("PGUSER") or getpass.getuser()
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"postgres://{USER}@127.0.0.1:5432/tracker_bench")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    import django

    django.setup()
    from django.urls import reverse

    from tracker.models import Commitment
    from tracker.opendata.writer import publish_open_data

    reverse("open_data")  # import the URLs, as a running site has
    total = Commitment.objects.count()
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="open-data-bench-"))
    before = peak_mb()
    started = time.monotonic()
    package = publish_open_data(directory=directory)
    elapsed = time.monotonic() - started
    after = peak_mb()
    print(f"{total:,} commitments in the database; written to {directory} in {elapsed:.1f} s")
    for described in package["resources"]:
        rows = f"{described['rows']:>10,} rows" if "rows" in described else " " * 15
        print(f"  {described['path']:<22} {rows} {described['bytes'] / 1e6:>9.1f} MB")
    zipped = (directory / "open-data.zip").stat().st_size
    print(f"  {'open-data.zip':<22} {'':>15} {zipped / 1e6:>9.1f} MB")
    print(f"Peak memory: {before:.1f} MB before the run, {after:.1f} MB after: growth {after - before:.1f} MB")


if __name__ == "__main__":
    main()
