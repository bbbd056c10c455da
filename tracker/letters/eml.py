"""The minister's letter as an e-mail draft (.eml): the letter's text in the body, the PDF attached,
To: left for staff to fill. Outlook opens it as a message to send (X-Unsent: 1); Thunderbird with
"Edit as New Message"; any mail program can read it."""

from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage

from tracker.letters.minister import MinisterLetter

ATTACHMENT_NOTE = "Het overzicht zit ook als PDF in de bijlage."


def letter_email(letter: MinisterLetter, *, pdf: bytes, domain: str) -> bytes:
    """The draft as the bytes of an .eml file. *domain* names the message (its Message-ID); given,
    so that building it never waits on a DNS lookup of this machine's name."""
    message = EmailMessage(
        subject=letter.email_subject,
        body=letter.plain_text(postscript=ATTACHMENT_NOTE),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[],
        headers={"X-Unsent": "1", "Message-ID": make_msgid(domain=domain or "localhost")},
    )
    message.attach(f"{letter.filename}.pdf", pdf, "application/pdf")
    return message.message().as_bytes()
