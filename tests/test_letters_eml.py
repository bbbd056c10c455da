"""The minister's letter as an e-mail draft (.eml) that staff open in their mail program, address
and send: the letter's text in the body, the PDF attached."""

import datetime
import email
import io
from email import policy

import pytest
from pypdf import PdfReader

from tests.factories import OfficeFactory, government
from tests.test_letters_minister import letter_for, promise
from tracker.letters.eml import letter_email
from tracker.letters.pdf import letter_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(settings):
    settings.DEFAULT_FROM_EMAIL = "Griffie <griffie@example.org>"
    office = OfficeFactory(
        person__first_name="Zuhal",
        person__last_name="Demir",
        government=government("diependaele"),
        title="Vlaams minister van Omgeving",
    )
    promise(office.person, "Coördinatie van het éénloketbeleid", datetime.date(2024, 12, 31), wording="tegen eind 2024")
    letter = letter_for(office.person)
    return letter, email.message_from_bytes(
        letter_email(letter, pdf=letter_pdf(letter), domain="tracker.example.org"), policy=policy.default
    )


def test_the_draft_names_the_report_comes_from_the_tracker_and_waits_for_an_addressee(draft):
    _letter, message = draft
    assert message["Subject"] == "Toezeggingen van Zuhal Demir: rapport van 1 januari 2026"
    assert message["From"] == "Griffie <griffie@example.org>"
    assert message["To"] is None
    assert message["X-Unsent"] == "1"  # Outlook opens it as a message to send
    assert message["Message-ID"].endswith("@tracker.example.org>")


def test_the_body_is_the_letter_and_says_the_pdf_is_attached(draft):
    letter, message = draft
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("VLAAMS PARLEMENT\n\nAan Zuhal Demir")
    assert "Coördinatie van het éénloketbeleid" in body
    assert "Het overzicht zit ook als PDF in de bijlage." in body
    assert body == letter.plain_text(postscript="Het overzicht zit ook als PDF in de bijlage.")


def test_the_pdf_is_attached_and_opens(draft):
    _letter, message = draft
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "toezeggingen-zuhal-demir-2026-01-01.pdf"
    reader = PdfReader(io.BytesIO(attachment.get_content()))
    assert "Coördinatie van het éénloketbeleid" in " ".join(reader.pages[0].extract_text().split())
