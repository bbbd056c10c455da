"""Mail that leaves the application (README, "E-mail"): one message from a pair of templates (plain
text and HTML) in the recipient's language, with absolute links to the site and a signed one-click
unsubscribe link (RFC 8058: `List-Unsubscribe` and `List-Unsubscribe-Post` headers).

Mail goes through Django's mail API: the SMTP backend when EMAIL_HOST is set, the console otherwise.
"""

from dataclasses import dataclass
from email.utils import formataddr

from django.conf import settings
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

# Keeps unsubscribe tokens apart from every other signature made with the SECRET_KEY.
UNSUBSCRIBE_SALT = "tracker.mail.unsubscribe"


@dataclass(frozen=True)
class Recipient:
    id: int
    username: str
    email: str
    name: str
    language: str


def site_url(path: str = "/") -> str:
    """The absolute address of *path* on this site (setting TRACKER_SITE_URL, from SITE_URL)."""
    if not settings.TRACKER_SITE_URL:
        raise ImproperlyConfigured(
            "SITE_URL is not set: the links in mails need the site's address, e.g. SITE_URL=https://tracker.example.org"
        )
    return settings.TRACKER_SITE_URL + path


def optional_path(name: str) -> str | None:
    """The path of a page that may not exist in this installation (None then)."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def unsubscribe_token(user_id: int) -> str:
    """A token that turns one user's digest off: the user's id, signed with the SECRET_KEY, so nobody
    can make one for another user. It does not expire (links in old mails keep working) until the
    SECRET_KEY changes."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(user_id))


def unsubscribe_user_id(token: str) -> int | None:
    """The user a token was made for, or None when it was not made here (or was changed)."""
    try:
        return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def unsubscribe_url(user_id: int) -> str:
    return site_url(reverse("unsubscribe", args=[unsubscribe_token(user_id)]))


def build_message(*, recipient: Recipient, template: str, context: dict) -> EmailMultiAlternatives:
    """A message from tracker/mail/<template>_subject.txt, <template>.txt and <template>.html, rendered
    in the recipient's language, with the unsubscribe headers."""
    unsubscribe = unsubscribe_url(recipient.id)
    profile = optional_path("profile")
    context = {
        **context,
        "recipient": recipient,
        "site_url": site_url(""),
        "unsubscribe_url": unsubscribe,
        "profile_url": site_url(profile) if profile else "",
    }
    with translation.override(recipient.language):
        subject = " ".join(render_to_string(f"tracker/mail/{template}_subject.txt", context).split())
        context["subject"] = subject
        text = render_to_string(f"tracker/mail/{template}.txt", context)
        html = render_to_string(f"tracker/mail/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[formataddr((recipient.name, recipient.email)) if recipient.name else recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # RFC 3834: sent by a program, so that out-of-office replies are not sent back.
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def message_as_text(message: EmailMultiAlternatives) -> str:
    """What --dry-run prints: the headers a reader cares about and the plain-text body."""
    return "\n".join(
        [
            f"To: {', '.join(message.to)}",
            f"Subject: {message.subject}",
            f"List-Unsubscribe: {message.extra_headers['List-Unsubscribe']}",
            "",
            message.body.rstrip(),
            "",
        ]
    )
