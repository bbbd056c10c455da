"""Reaching people: what each staff member follows, how they want to hear of it, and what was sent."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tracker.models.commitments import Commitment
from tracker.models.people import Person
from tracker.models.questions import Question
from tracker.models.reference import Theme


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    OFF = "off", _("Off")


class Profile(models.Model):
    """A staff member's choices for being reached: the e-mail digest, its language, and the secret
    token of their private calendar and feeds (revoked by making a new one)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracker_profile", verbose_name=_("user")
    )
    digest = models.CharField(
        _("e-mail digest"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
        help_text=_("What changed on what you follow or look after, by e-mail."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    feed_token = models.CharField(_("feed token"), max_length=64, unique=True, default=new_feed_token, editable=False)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(condition=Q(digest__in=DigestFrequency.values), name="tracker_profile_digest_valid"),
        ]

    def __str__(self) -> str:
        return str(self.user)


class Follow(models.Model):
    """One thing a user follows: a commitment, a minister, a theme or a question (exactly one)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows", verbose_name=_("user"))
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, null=True, blank=True, related_name="follows", verbose_name=_("commitment")
    )
    minister = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="follows", verbose_name=_("minister")
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, null=True, blank=True, related_name="follows", verbose_name=_("theme")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="follows", verbose_name=_("question")
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    TARGETS = ("commitment", "minister", "theme", "question")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(commitment__isnull=False, minister__isnull=True, theme__isnull=True, question__isnull=True)
                    | Q(commitment__isnull=True, minister__isnull=False, theme__isnull=True, question__isnull=True)
                    | Q(commitment__isnull=True, minister__isnull=True, theme__isnull=False, question__isnull=True)
                    | Q(commitment__isnull=True, minister__isnull=True, theme__isnull=True, question__isnull=False)
                ),
                name="tracker_follow_exactly_one_target",
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", target], condition=Q(**{f"{target}__isnull": False}), name=f"tracker_follow_once_{target}"
                )
                for target in ("commitment", "minister", "theme", "question")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.target}"

    @property
    def target(self):
        return next(getattr(self, name) for name in self.TARGETS if getattr(self, f"{name}_id"))


class DigestSent(models.Model):
    """One digest for one user and period: claimed before it is sent, so that a second run, or a run
    resumed after a crash, never sends it twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user"))
    frequency = models.CharField(_("frequency"), max_length=10, choices=DigestFrequency.choices)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"), help_text=_("The last day the digest covers."))
    claimed_at = models.DateTimeField(_("claimed"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, help_text=_("Empty: claimed but not known to be sent."))
    items = models.PositiveIntegerField(_("items"), default=0)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "frequency", "period_start"], name="tracker_digest_once_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.frequency} {self.period_start}–{self.period_end}"


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Falling due soon")
    OVERDUE = "overdue", _("Overdue today")


class ReminderSent(models.Model):
    """One reminder of one commitment's deadline to one user: each is sent once."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="+", verbose_name=_("commitment"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user"))
    kind = models.CharField(_("kind"), max_length=10, choices=ReminderKind.choices)
    deadline = models.DateField(_("deadline"), help_text=_("The deadline reminded of: a new deadline gets new reminders."))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "user", "kind", "deadline"], name="tracker_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} {self.commitment_id} {self.deadline}"
