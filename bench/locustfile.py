"""Load test users (make loadtest): editors who log in, browse and record status updates.

Each simulated editor works under its own account (the first LOADTEST_REAL_LOGINS log in through
the form, the others start with a session bench/loadtest.sh made for them), then mostly reads (dashboard, lists, searches,
commitment pages) and sometimes records a status update through the real form (CSRF token
included). Every update carries the run's marker in its note, so that bench/loadtest.sh can
check that each one sent was stored.
"""

import itertools
import json
import os
import random
import re
from datetime import date

from locust import HttpUser, between, events, task

RUN = os.environ["LOADTEST_RUN"]
PASSWORD = os.environ["LOADTEST_PASSWORD"]
PROMISES = json.loads(os.environ["LOADTEST_PROMISES"])  # commitment ids that accept "in progress"/"delayed"
SESSIONS = json.loads(os.environ.get("LOADTEST_SESSIONS") or "{}")  # username: a session made beforehand
REAL_LOGINS = int(os.environ.get("LOADTEST_REAL_LOGINS", "5"))  # the users who log in through the form
USERNAMES = itertools.count(1)
SENT = {"status updates": 0}  # counted here, when the server confirms: the check needs no estimate
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Editor(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        number = next(USERNAMES)
        self.username = f"loadtest-editor-{number:02d}"
        if number > REAL_LOGINS and self.username in SESSIONS:
            self.client.cookies.set("sessionid", SESSIONS[self.username])
            return
        page = self.client.get("/accounts/login/", name="login page")
        token = TOKEN.search(page.text).group(1)
        with self.client.post(
            "/accounts/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + "/accounts/login/"},
            name="log in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused ({response.status_code})")

    @task(2)
    def dashboard(self):
        self.client.get("/", name="dashboard")

    @task(3)
    def commitment_list(self):
        self.client.get("/commitments/", name="commitment list")

    @task(1)
    def filtered_list(self):
        self.client.get("/commitments/?status=in_progress&status=delayed&sort=deadline", name="commitment list, filtered")

    @task(1)
    def search(self):
        self.client.get(
            f"/commitments/?q={random.choice(['projectoproep', 'kinderopvang', 'evaluatie', 'wonen'])}", name="search"
        )

    @task(1)
    def overdue(self):
        self.client.get("/commitments/overdue/", name="overdue")

    @task(3)
    def commitment(self):
        self.client.get(f"/commitments/{random.choice(PROMISES)}/", name="commitment page")

    @task(2)
    def record_status(self):
        pk = random.choice(PROMISES)
        page = self.client.get(f"/commitments/{pk}/", name="commitment page")
        token = TOKEN.search(page.text).group(1)
        data = {
            "status": random.choice(["in_progress", "delayed"]),
            "observed_on": date.today().isoformat(),
            "note": f"{RUN} {self.username}",
            "csrfmiddlewaretoken": token,
        }
        with self.client.post(
            f"/commitments/{pk}/status/",
            data,
            headers={"Referer": f"{self.host}/commitments/{pk}/"},
            name="record status",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                SENT["status updates"] += 1
            else:
                response.failure(f"status not recorded ({response.status_code})")


@events.test_stop.add_listener
def write_sent_count(**kwargs):
    with open("bench/loadtest_sent.txt", "w") as out:
        out.write(str(SENT["status updates"]))
