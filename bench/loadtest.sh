#!/usr/bin/env bash
# make loadtest: the application under gunicorn (WhiteNoise serving static files) on PostgreSQL,
# driven over loopback by 50 concurrent editors (locust) for 60 seconds; then every status update
# sent must be in the database. Results: bench/loadtest.md (with the previous run's figures beside
# them). Not part of CI.
#
# Locust runs on a core of its own (taskset; the last one, LOADTEST_LOCUST_CPU) and gunicorn on the
# others, so that the load generator does not take the server's CPU nor wait behind it (which would
# count its own delay as the server's). PostgreSQL is left free.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${LOADTEST_USERS:-50}
DURATION=${LOADTEST_DURATION:-60s}
PORT=${LOADTEST_PORT:-8100}
PG_USER=${PGUSER:-$(id -un)}
DB=${LOADTEST_DB:-tracker_loadtest}
CORES=$(nproc)
LOCUST_CPU=${LOADTEST_LOCUST_CPU:-$((CORES - 1))}
SERVER_CPUS=${LOADTEST_SERVER_CPUS:-$([ "$CORES" -gt 1 ] && echo "0-$((CORES - 2))" || echo 0)}
# One gunicorn process per core it runs on, four threads each: on the server's one core, 1 × 4 served
# 33 requests/s (p95 1.1 s) where 4 × 2 served 21 (p95 4.1 s), the processes evicting each other's
# caches and each warming up its own connection (bench/loadtest.md).
SERVER_CORES=$([ "$SERVER_CPUS" = all ] && echo "$CORES" || echo $(( ${SERVER_CPUS#*-} - ${SERVER_CPUS%-*} + 1 )))
export LOADTEST_WORKERS=${LOADTEST_WORKERS:-$SERVER_CORES} LOADTEST_THREADS=${LOADTEST_THREADS:-4}
PIN=""
command -v taskset >/dev/null && PIN=taskset || echo "No taskset: locust and gunicorn share every core."
# The workers share one cache, so that a write in one is seen by all (README, "Configuration": CACHE_URL).
export CACHE_URL="file://${TMPDIR:-/tmp}/tracker-loadtest-cache-$$"
export DATABASE_URL="postgres://${PG_USER}@127.0.0.1:5432/${DB}"
export DEBUG=0 SECRET_KEY="loadtest-only-$(date +%s)-not-a-secret-key-0123456789" ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0
export LOADTEST_PASSWORD="loadtest-$(date +%s)-passphrase"
export LOADTEST_RUN="loadtest-run-$(date +%Y%m%d%H%M%S)"
PY=.venv/bin/python

echo "Preparing ${DB} (demo data and a generated set)..."
$PY - <<PY
import psycopg
with psycopg.connect("postgres://${PG_USER}@127.0.0.1:5432/postgres", autocommit=True) as c:
    c.execute('DROP DATABASE IF EXISTS "${DB}"')
    c.execute('CREATE DATABASE "${DB}"')
PY
$PY manage.py migrate --noinput -v 0
$PY manage.py createcachetable
$PY manage.py load_demo_data --no-users
$PY manage.py generate_data --questions 5000 --commitments 10000 --updates 50000 --append
$PY manage.py collectstatic --noinput -v 0
export LOADTEST_PROMISES=$($PY - <<'PY'
import json, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
django.setup()
from django.contrib.auth import get_user_model
from tracker.models import Commitment
from tracker.roles import Role, user_assign_role
for n in range(1, int(os.environ.get("LOADTEST_USERS", "50")) + 1):
    user, _ = get_user_model().objects.get_or_create(username=f"loadtest-editor-{n:02d}")
    user.set_password(os.environ["LOADTEST_PASSWORD"]); user.save()
    user_assign_role(user=user, role=Role.EDITOR)
print(json.dumps(list(Commitment.objects.promises().order_by("?").values_list("pk", flat=True)[:500])))
PY
)
# Editors log in once a working day; 50 logins in the first seconds would make this a test of the
# password hasher (PBKDF2, deliberately about 0.3 s of CPU each). All but LOADTEST_REAL_LOGINS users
# start with a session made here, the way a login makes it; the rest log in through the form.
export LOADTEST_SESSIONS=$($PY - <<'PY'
import json, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
sessions = {}
for user in get_user_model().objects.filter(username__startswith="loadtest-editor-"):
    client = Client()
    client.force_login(user)
    sessions[user.username] = client.cookies["sessionid"].value
print(json.dumps(sessions))
PY
)

PREVIOUS=$(grep -m1 '^| this run' bench/loadtest.md 2>/dev/null || sed -n '/^| Requests |/,/^$/p' bench/loadtest.md 2>/dev/null | sed -n 3p || true)
SERVER_PIN=$PIN
[ "$SERVER_CPUS" = all ] && SERVER_PIN=""  # LOADTEST_SERVER_CPUS=all: the server on every core, locust's too
${SERVER_PIN:+taskset -c "$SERVER_CPUS"} .venv/bin/gunicorn tracker.wsgi --bind "127.0.0.1:${PORT}" --workers "${LOADTEST_WORKERS}" --threads "${LOADTEST_THREADS}" --log-level warning &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "${CACHE_URL#file://}"' EXIT
sleep 3

echo "Running ${USERS} users for ${DURATION} (locust on CPU ${LOCUST_CPU}, gunicorn on ${SERVER_CPUS})..."
${PIN:+taskset -c "$LOCUST_CPU"} .venv/bin/locust -f bench/locustfile.py --headless --host "http://127.0.0.1:${PORT}" -u "${USERS}" -r 5 -t "${DURATION}" \
    --csv bench/loadtest --only-summary --stop-timeout 10 || true
export PREVIOUS LOCUST_CPU SERVER_CPUS PIN

$PY - <<'PY'
import csv, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
django.setup()
from tracker.models import StatusUpdate
rows = {row["Name"]: row for row in csv.DictReader(open("bench/loadtest_stats.csv"))}
total, status = rows["Aggregated"], rows.get("record status", {"Request Count": "0", "Failure Count": "0"})
sent = int(open("bench/loadtest_sent.txt").read())
stored = StatusUpdate.objects.filter(note__startswith=os.environ["LOADTEST_RUN"]).count()
users, duration = os.environ.get("LOADTEST_USERS", "50"), os.environ.get("LOADTEST_DURATION", "60s")
lines = [
    "# Load test", "",
    f"gunicorn ({os.environ['LOADTEST_WORKERS']} worker(s) × {os.environ['LOADTEST_THREADS']} threads, WhiteNoise) on PostgreSQL; {users} editors (locust) "
    f"for {duration} over loopback on the same {os.cpu_count()}-core machine"
    + (f" (locust pinned to CPU {os.environ['LOCUST_CPU']}, gunicorn to {os.environ['SERVER_CPUS']}, PostgreSQL free)"
       if os.environ.get("PIN") else " (no taskset: all on every core)")
    + "; demo data plus 5,000 generated questions.", "",
    "| Run | Requests | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Status updates sent | Stored |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    f"| this run | {total['Request Count']} | {float(total['Requests/s']):.1f} | {total['50%']} | {total['95%']} | {total['99%']} | "
    f"{total['Failure Count']} | {sent} | {stored} |",
]
previous = os.environ.get("PREVIOUS", "").strip()
if previous.startswith("| this run"):
    previous = previous.replace("| this run", "| previous run", 1)
elif previous:
    previous = "| previous run " + previous
if previous:
    lines.append(previous)
lines += [
    "",
    "| Request | Count | Errors | p50 ms | p95 ms | p99 ms |", "|---|---:|---:|---:|---:|---:|",
]
lines += [f"| {name} | {r['Request Count']} | {r['Failure Count']} | {r['50%']} | {r['95%']} | {r['99%']} |"
          for name, r in rows.items() if name != "Aggregated"]
lines += ["", "Every update sent was stored." if sent == stored else f"MISMATCH: {sent} sent, {stored} stored."]
open("bench/loadtest.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
raise SystemExit(0 if sent == stored and int(total["Failure Count"]) == 0 else 1)
PY
