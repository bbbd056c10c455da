"""The e-mail digests at scale, for `make bench` (bench/run.py): 1,000 users on the benchmark database.

Sets up once (reused by later runs): 1,000 users with an address (200 editors, 800 viewers), each
following 2 ministers, 2 themes, 3 questions and 10 commitments; each editor looks after 25 open
promises; and, in the week before the day the data was generated, some activity the generator does
not make (deadline changes, new suggestions), made through the services at that time. Then times
`send_digests` in a fresh process for a day and for a week, every bench user on that frequency,
with a backend that renders and serialises every mail to bytes and drops it.

`python -m bench.mail measure --frequency daily --date 2026-11-29 --users 1000` is the measuring
process; it prints one line of JSON.
"""

import argparse
import datetime
import io
import json
import os
import random
import resource
import sys
import time

from django.core.mail.backends.base import BaseEmailBackend

USERS = 1000
EDITORS = 200
PREFIX = "bench-mail-"
ASSIGNED_PER_EDITOR = 25
ACTIVITY_REASON = "bench: a deadline moved in the digest's week"


class SerializingBackend(BaseEmailBackend):
    """Does what sending costs the application (the whole message, both parts, as bytes), and drops it."""

    sent = 0
    size = 0

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            SerializingBackend.size += len(message.message().as_bytes())
            SerializingBackend.sent += 1
        return len(email_messages)


def generation_day() -> datetime.date:
    """The day the data was generated: the last day of the generated status history."""
    from django.db.models import Max
    from django.utils import timezone

    from tracker.models import StatusUpdate

    latest = StatusUpdate.objects.filter(recorded_by__isnull=True).aggregate(Max("recorded_at"))["recorded_at__max"]
    return timezone.localdate(latest)


def ensure_users(today: datetime.date) -> list[int]:
    """The bench users with their follows and assignments, made once. Returns their ids."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction

    from tracker.models import Commitment, Follow, Person, Profile, Question, Theme
    from tracker.models.commitments import open_promise_condition
    from tracker.roles import Role
    from tracker.services.commitments import commitments_assign

    User = get_user_model()
    names = [f"{PREFIX}{index:04d}" for index in range(1, USERS + 1)]
    users = User.objects.filter(username__in=names)
    if users.count() == USERS:
        return list(users.order_by("pk").values_list("pk", flat=True))
    rng = random.Random(2026)
    print(f"Setting up {USERS} users for the digest benchmark (once)...", flush=True)
    with transaction.atomic():
        User.objects.bulk_create(
            [User(username=name, email=f"{name}@example.org", first_name="Bench", last_name=name[-4:]) for name in names],
            ignore_conflicts=True,
        )
        ids = list(User.objects.filter(username__in=names).order_by("pk").values_list("pk", flat=True))
        editors, viewers = Group.objects.get(name=Role.EDITOR.value), Group.objects.get(name=Role.VIEWER.value)
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=pk, group=editors if index < EDITORS else viewers) for index, pk in enumerate(ids)],
            ignore_conflicts=True,
        )
        Profile.objects.bulk_create([Profile(user_id=pk) for pk in ids], ignore_conflicts=True)
        ministers = list(
            Person.objects.filter(pk__in=Commitment.objects.values("responsible_person")).values_list("pk", flat=True)
        )
        themes = list(Theme.objects.values_list("pk", flat=True))
        low, high = Commitment.objects.order_by("pk").values_list("pk", flat=True)[0], Commitment.objects.latest("pk").pk
        first_question, last_question = Question.objects.order_by("pk")[0].pk, Question.objects.latest("pk").pk
        follows = []
        for pk in ids:
            follows += [Follow(user_id=pk, minister_id=minister) for minister in rng.sample(ministers, 2)]
            follows += [Follow(user_id=pk, theme_id=theme) for theme in rng.sample(themes, min(2, len(themes)))]
            follows += [Follow(user_id=pk, question_id=rng.randint(first_question, last_question)) for _ in range(3)]
            follows += [Follow(user_id=pk, commitment_id=rng.randint(low, high)) for _ in range(10)]
        Follow.objects.bulk_create(follows, ignore_conflicts=True, batch_size=5000)
    # Open promises falling due around the benchmark's day, to the editors, through the service.
    around = Commitment.objects.filter(
        open_promise_condition(),
        deadline__gte=today - datetime.timedelta(days=60),
        deadline__lte=today + datetime.timedelta(days=60),
    )
    pool = list(around.filter(assignee__isnull=True).order_by("pk").values_list("pk", flat=True)[: EDITORS * ASSIGNED_PER_EDITOR])
    rng.shuffle(pool)
    editors_ids = ids[:EDITORS]
    for index, editor in enumerate(User.objects.filter(pk__in=editors_ids).order_by("pk")):
        chunk = pool[index * ASSIGNED_PER_EDITOR : (index + 1) * ASSIGNED_PER_EDITOR]
        commitments_assign(commitments=Commitment.objects.filter(pk__in=chunk), assignee=editor, user=None)
    return ids


def ensure_activity(today: datetime.date) -> None:
    """Deadline changes (10 a day) and new suggestions (5 a day) in the week before *today*, made once,
    through the services, at that time."""
    import time_machine
    from django.utils import timezone

    from tracker.models import Answer, Commitment, Kind, Suggestion
    from tracker.models.commitments import open_promise_condition
    from tracker.services.commitments import commitment_change_deadline

    history = Commitment.history.model
    start = today - datetime.timedelta(days=8)
    if history.objects.filter(history_change_reason=ACTIVITY_REASON, history_date__date__gte=start).exists():
        return
    rng = random.Random(today.toordinal())
    candidates = list(
        Commitment.objects.filter(open_promise_condition(), deadline__isnull=False, made_on__lt=start)
        .order_by("pk")
        .values_list("pk", flat=True)[:50_000]
    )
    answers = list(Answer.objects.order_by("pk").values_list("pk", flat=True)[:50_000])
    for offset in range(1, 9):
        day = today - datetime.timedelta(days=offset)
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(14)))
        with time_machine.travel(moment, tick=False):
            for pk in rng.sample(candidates, 10):
                commitment = Commitment.objects.get(pk=pk)
                commitment_change_deadline(
                    commitment=commitment,
                    user=None,
                    deadline=commitment.deadline + datetime.timedelta(days=rng.choice([30, 90, 180])),
                    reason=ACTIVITY_REASON,
                )
            for pk in rng.sample(answers, 5):
                Suggestion.objects.create(
                    answer_id=pk,
                    sentence="Ik zal dit onderzoeken.",
                    sentence_start=0,
                    fingerprint=f"bench-{day.isoformat()}-{pk}",
                    kind=Kind.STUDY,
                    title="Onderzoek (bench)",
                )


def prepare_run(ids: list[int], *, frequency: str, recipients: int, today: datetime.date) -> None:
    """The first *recipients* bench users get *frequency*, the others none; what an earlier benchmark
    run recorded as sent for the period is forgotten, so that the run sends again."""
    from tracker.models import DigestFrequency, DigestSent, Profile
    from tracker.selectors.digests import digest_period

    Profile.objects.filter(user_id__in=ids[:recipients]).update(digest=frequency)
    Profile.objects.filter(user_id__in=ids[recipients:]).update(digest=DigestFrequency.OFF)
    period = digest_period(frequency, today=today)
    DigestSent.objects.filter(user_id__in=ids, frequency=frequency, period_start=period.start).delete()


def measure(frequency: str, today: datetime.date) -> dict:
    """In this (fresh) process: one send_digests run, its wall time, queries and peak memory."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.mail import SerializingBackend as Backend  # the class Django loads, not this __main__'s
    from tracker.selectors.digests import digest_period, period_changes

    counted = {"queries": 0}

    def count(execute, sql, params, many, context):
        counted["queries"] += 1
        return execute(sql, params, many, context)

    connection.ensure_connection()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = io.StringIO()
    with connection.execute_wrapper(count):
        started = time.perf_counter()
        call_command("send_digests", "--date", today.isoformat(), "--frequency", frequency, stdout=out)
        seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    run_queries = counted["queries"]
    counted["queries"] = 0
    with connection.execute_wrapper(count):
        period_changes(digest_period(frequency, today=today))
    return {
        "seconds": seconds,
        "queries": run_queries,
        "period_queries": counted["queries"],
        "rss_before": before,
        "rss_peak": after,
        "sent_bytes": Backend.size,
        "mails": Backend.sent,
        "summary": out.getvalue().strip(),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["measure"])
    parser.add_argument("--frequency", required=True)
    parser.add_argument("--date", type=datetime.date.fromisoformat, required=True)
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    sys.stdout.write(json.dumps(measure(arguments.frequency, arguments.date)) + "\n")
