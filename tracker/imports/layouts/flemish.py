"""What the two layouts of the Flemish Parliament's written question share: the header's words,
the answer's own header, the question put to several ministers, and the record they make."""

import datetime
import re
from dataclasses import dataclass, field

from tracker.assemblies import FLEMISH_PARLIAMENT
from tracker.imports.dutch_dates import parse_dutch_date
from tracker.imports.records import AnswerRecord, DocumentError, PersonRecord, QuestionRecord
from tracker.names import normalise_name

MARKER = re.compile(r"SCHRIFTELIJKE\s+VRAAG")
NUMBER = re.compile(r"\bnr\.?\s*(\d+)\b", re.IGNORECASE)
SESSION_YEAR = re.compile(r"\b(?:zittingsjaar|zitting)\s*:?\s*(\d{4})\s*[-/]\s*(\d{4})\b", re.IGNORECASE)
URL = re.compile(r"^\s*(https?://\S+)\s*$")
# "Deze vraag werd gesteld aan de ministers Jan Jambon (142), Hilde Crevits (256) en …": one question
# put to several ministers, each numbering it in their own series.
SEVERAL_MINISTERS = re.compile(r"Deze\s+vraag\s+werd\s+gesteld\s+aan\s+(?P<list>(?:[^()]+?\(\s*\d+\s*\)[\s,]*(?:en\s+)?)+)\.?")
_MINISTER_IN_LIST = re.compile(
    r"(?:^|,|\ben\b)\s*(?:de\s+)?(?:(?:vice)?minister(?:-president)?s?\s+)*(?P<name>[^,()]+?)\s*\(\s*(?P<number>\d+)\s*\)",
    re.IGNORECASE,
)


@dataclass
class Header:
    number: int
    asked_on: datetime.date
    asker: str
    addressee: str
    office: str = ""
    subject: str = ""


@dataclass
class AnswerHeader:
    number: int | None = None
    asker: str = ""
    answered_on: datetime.date | None = None
    source_url: str = ""


@dataclass
class Parsed:
    """A Flemish question as either layout reads it, before it becomes a record."""

    header: Header
    question: str
    answer: str
    answer_header: AnswerHeader
    ministers: list[tuple[str, int]] = field(default_factory=list)  # see ministers_asked()
    session_year: str = ""
    source_url: str = ""
    notes: list[str] = field(default_factory=list)


def date_or_refuse(text: str, what: str, example: str) -> datetime.date:
    day = parse_dutch_date(text)
    if day is None:
        raise DocumentError(f"the {what} {text!r} is not a date (write e.g. '{example}')")
    return day


def ministers_asked(text: str) -> list[tuple[str, int]]:
    """The ministers one question was put to, with the number each gave it."""
    match = SEVERAL_MINISTERS.search(text)
    if not match:
        return []
    return [(" ".join(m.group("name").split()), int(m.group("number"))) for m in _MINISTER_IN_LIST.finditer(match.group("list"))]


def without_several_ministers(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", SEVERAL_MINISTERS.sub("", text)).strip()


def same_person(first: str, second: str) -> bool:
    return normalise_name(first) == normalise_name(second)


def record(parsed: Parsed) -> QuestionRecord:
    """The record of a Flemish question; DocumentError when its answer belongs to another question."""
    header, answer_header = parsed.header, parsed.answer_header
    notes = list(parsed.notes)
    number = header.number
    if parsed.ministers:
        # Each minister numbers the question in their own series: the number that counts is the one
        # given by the minister who answered, which the answer's own header may carry.
        own = next((n for name, n in parsed.ministers if _same_minister(name, header.addressee)), None)
        if own is not None and answer_header.number == own:
            number = own
        others = ", ".join(f"{name} (nr. {n})" for name, n in parsed.ministers if n != number)
        notes.append(f"also put to {others}: imported as the question to {header.addressee} (nr. {number})")
    if answer_header.number is not None and answer_header.number != number:
        raise DocumentError(f"the answer is to question nr. {answer_header.number}, not nr. {number}")
    question_record = QuestionRecord(
        number=number,
        asked_on=header.asked_on,
        asker=PersonRecord(name=header.asker),
        addressee=PersonRecord(name=header.addressee),
        office=header.office,
        subject=header.subject,
        text=without_several_ministers(parsed.question),
        session_year=parsed.session_year,
        assembly=FLEMISH_PARLIAMENT,
        source_url=parsed.source_url,
        answer=AnswerRecord(
            text=without_several_ministers(parsed.answer),
            answered_on=answer_header.answered_on,
            source_url=answer_header.source_url,
        ),
        notes=notes,
    )
    if answer_header.asker and not same_person(answer_header.asker, header.asker):
        question_record.asker_variants = (answer_header.asker,)
        question_record.notes.append(
            f"the answer spells the asker {answer_header.asker!r}, the question {header.asker!r}: one person"
        )
    return question_record


def _same_minister(listed: str, addressee: str) -> bool:
    """ "Hilde Crevits" in the list is "HILDE CREVITS" in the header, or "CREVITS" alone."""
    return same_person(listed, addressee) or normalise_name(listed.split()[-1]) in normalise_name(addressee).split()
