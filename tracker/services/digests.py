"""Sending the e-mail digests (README, "E-mail"), each at most once per user and period.

Each digest is claimed before it is sent: a DigestSent row (user, frequency, first day) is written
first, and its unique constraint makes a second run for the same period, or one running at the same
time, skip it; `sent_at` is set once the mail server took the message. So:

- a run repeated for the same period sends nothing twice;
- a send that fails (the server refused, was unreachable) gives its claim back, so the next run
  retries it; the run's exit code says so;
- a run that stopped after claiming and before `sent_at` was set (killed, a reboot) leaves a claim
  without `sent_at`: the mail may or may not have left. It is not sent again (at most once); every
  run names those and `resend_unconfirmed` sends them deliberately.
"""

import datetime
import logging
import smtplib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from tracker.mail import Recipient, build_message, message_as_text, optional_path, site_url
from tracker.models import DigestFrequency, DigestSent, Profile
from tracker.selectors.digests import (
    Digest,
    DigestLine,
    NewSuggestion,
    Period,
    digest_for,
    digest_period,
    followings,
    period_changes,
)
from tracker.selectors.recipients import digest_recipients, reviewer_ids

logger = logging.getLogger("tracker.mail")

# Users handled together: one query for all their follows, one for what was sent to them.
USER_CHUNK = 1000
# Lines shown per section of a digest; the rest are counted, with a link to the tracker.
LINES_PER_SECTION = 30
# Mail errors that fail one message, not the run: the server refused it, or could not be reached.
SEND_ERRORS = (smtplib.SMTPException, OSError)


def plural(count: int, noun: str) -> str:
    """For the commands' summary lines (English, like every command's output)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _chunked(items: Iterator, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass
class DigestRun:
    period: Period
    dry_run: bool = False
    considered: int = 0
    usernames: set[str] = field(default_factory=set)  # of the recipients considered
    sent: int = 0
    empty: int = 0
    already_sent: int = 0
    failed: list[str] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)  # claimed, never confirmed sent, not resent
    resent: int = 0
    elsewhere: int = 0  # claimed by a run going on at the same time
    printed: list[str] = field(default_factory=list)  # --dry-run: the mails that would have been sent

    def summary(self) -> str:
        frequency = DigestFrequency(self.period.frequency).label.lower()
        days = (
            self.period.start.isoformat()
            if self.period.days == 1
            else f"{self.period.start.isoformat()} to {self.period.end.isoformat()}"
        )
        verb = "would be sent" if self.dry_run else "sent"
        parts = [
            f"{self.sent} {verb}",
            f"{self.already_sent} already sent",
            f"{self.empty} with nothing new",
            f"{len(self.failed)} failed",
        ]
        if self.resent:
            parts.append(f"{self.resent} unconfirmed sent again")
        if self.elsewhere:
            parts.append(f"{self.elsewhere} taken by another run")
        line = f"{frequency.capitalize()} digests for {days} ({plural(self.considered, 'recipient')}): {', '.join(parts)}."
        if self.unconfirmed:
            line += (
                f" {len(self.unconfirmed)} claimed by an earlier run that stopped before confirming them sent "
                f"(not sent again; --resend-unconfirmed sends them): {', '.join(self.unconfirmed)}."
            )
        return line


class LineRenderer:
    """Each digest line rendered once per language and run (text and HTML): the lines of a minister's
    commitments recur in the digest of everyone who follows that minister, so a run renders what
    changed, not users times lines. Kept for one run: it grows with the period's changes."""

    def __init__(self):
        self._rendered: dict[tuple, tuple[str, str]] = {}

    def __call__(self, kind: str, line: DigestLine | NewSuggestion) -> tuple[str, str]:
        language = translation.get_language()
        if isinstance(line, NewSuggestion):
            key = (kind, language, line.id)
        else:
            key = (kind, language, line.commitment.id, id(line.change), line.assigned, line.new)
        if key not in self._rendered:
            context = {"line": line, "site_url": site_url("")}
            self._rendered[key] = (
                render_to_string(f"tracker/mail/lines/{kind}.txt", context),
                render_to_string(f"tracker/mail/lines/{kind}.html", context),
            )
        return self._rendered[key]


def _section(kind: str, lines: list, render: LineRenderer) -> dict:
    """A digest section as shown: its first lines (rendered), and how many more the tracker holds."""
    shown = [render(kind, line) for line in lines[:LINES_PER_SECTION]]
    return {
        "count": len(lines),
        "more": max(len(lines) - LINES_PER_SECTION, 0),
        "text": [text for text, _html in shown],
        "html": [html for _text, html in shown],
    }


def digest_message(*, recipient: Recipient, digest: Digest, render: LineRenderer | None = None) -> EmailMultiAlternatives:
    render = render or LineRenderer()
    as_of = digest.period.as_of
    window = {
        "state": "open",
        "deadline_from": as_of.isoformat(),
        "deadline_to": (as_of + datetime.timedelta(days=settings.TRACKER_DUE_SOON_DAYS)).isoformat(),
        "sort": "deadline",
    }
    with translation.override(recipient.language):
        sections = {
            "status_changes": _section("status", digest.status_changes, render),
            "deadline_changes": _section("deadline", digest.deadline_changes, render),
            "newly_overdue": _section("overdue", digest.newly_overdue, render),
            "due_soon": _section("due_soon", digest.due_soon, render),
            "suggestions": _section("suggestion", digest.suggestions, render),
        }
    context = {
        "digest": digest,
        **sections,
        "due_soon_days": settings.TRACKER_DUE_SOON_DAYS,
        "more_url": site_url(optional_path("my_work") or reverse("commitment_list")),
        "overdue_url": site_url(reverse("commitment_overdue")),
        "due_soon_url": site_url(f"{reverse('commitment_list')}?{urlencode(window)}"),
        "review_url": site_url(reverse("review_list")),
    }
    return build_message(recipient=recipient, template="digest", context=context)


def _claim(recipient: Recipient, period: Period, items: int) -> DigestSent | None:
    """Write the claim; None when another run holds it already (the unique constraint decides)."""
    try:
        with transaction.atomic():
            return DigestSent.objects.create(
                user_id=recipient.id,
                frequency=period.frequency,
                period_start=period.start,
                period_end=period.end,
                items=items,
            )
    except IntegrityError:
        return None


def _reclaim(claim: DigestSent) -> bool:
    """Take over an unconfirmed claim (--resend-unconfirmed): only one run can, by the claim's time."""
    return bool(
        DigestSent.objects.filter(pk=claim.pk, sent_at__isnull=True, claimed_at=claim.claimed_at).update(
            claimed_at=timezone.now()
        )
    )


def _mark_sent(claim: DigestSent) -> None:
    DigestSent.objects.filter(pk=claim.pk).update(sent_at=timezone.now())


def digests_send(
    *,
    frequency: str,
    today: datetime.date,
    usernames: list[str] | None = None,
    dry_run: bool = False,
    resend_unconfirmed: bool = False,
    connection=None,
    on_print: Callable[[str], None] | None = None,
) -> DigestRun:
    """Send the *frequency* digests of the period before *today* to every reader who chose it."""
    period = digest_period(frequency, today=today)
    run = DigestRun(period=period, dry_run=dry_run)
    changes = period_changes(period)
    render = LineRenderer()
    connection = connection or get_connection()
    opened = False
    try:
        for chunk in _chunked(digest_recipients(frequency=frequency, usernames=usernames, chunk=USER_CHUNK), USER_CHUNK):
            ids = [recipient.id for recipient in chunk]
            claims = {
                claim.user_id: claim
                for claim in DigestSent.objects.filter(frequency=frequency, period_start=period.start, user_id__in=ids)
            }
            following = followings(ids)
            reviewers = reviewer_ids(ids)
            for recipient in chunk:
                run.considered += 1
                run.usernames.add(recipient.username)
                claim = claims.get(recipient.id)
                if claim is not None and claim.sent_at is not None:
                    run.already_sent += 1
                    continue
                if claim is not None and not resend_unconfirmed:
                    run.unconfirmed.append(recipient.username)
                    logger.warning(
                        "The %s digest of %s for %s was claimed at %s and never confirmed sent: not sent again.",
                        frequency,
                        recipient.username,
                        period.start,
                        claim.claimed_at,
                    )
                    continue
                digest = digest_for(
                    user_id=recipient.id,
                    following=following.get(recipient.id),
                    changes=changes,
                    can_review=recipient.id in reviewers,
                )
                if digest.is_empty:
                    run.empty += 1
                    continue
                message = digest_message(recipient=recipient, digest=digest, render=render)
                if dry_run:
                    run.sent += 1
                    if on_print:
                        on_print(message_as_text(message))
                    continue
                if claim is not None:
                    if not _reclaim(claim):
                        run.elsewhere += 1
                        continue
                    run.resent += 1
                else:
                    claim = _claim(recipient, period, digest.news)
                    if claim is None:
                        run.elsewhere += 1
                        continue
                try:
                    if not opened:
                        opened = True
                        connection.open()
                    connection.send_messages([message])
                except SEND_ERRORS as error:
                    # Given back, so that the next run tries again; the connection is opened anew.
                    DigestSent.objects.filter(pk=claim.pk).delete()
                    run.failed.append(recipient.username)
                    logger.error("The %s digest to %s could not be sent: %s", frequency, recipient.username, error)
                    connection.close()
                    opened = False
                    continue
                _mark_sent(claim)
                run.sent += 1
    finally:
        if opened:
            connection.close()
    return run


def digest_unsubscribe(*, user: AbstractBaseUser) -> Profile:
    """Turn the user's digest off (the one-click link in every mail); their language stays."""
    profile, _ = Profile.objects.get_or_create(user=user)
    if profile.digest != DigestFrequency.OFF:
        profile.digest = DigestFrequency.OFF
        profile.save(update_fields=["digest"])
    return profile
