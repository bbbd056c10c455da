"""Parsing written-question documents converted from PDF to text, like the seed document.

The conversions carry defects the parser repairs: markdown-like bold and italic markers, '---'
separators, page numbers, paragraphs broken by a page break ("als die" / "van mensen"), words
hyphenated across lines, markdown hard breaks, and the asker's name spelled differently in the
answer's header than in the question's.
"""

import re

from tracker.imports.dutch_dates import parse_dutch_date
from tracker.imports.records import AnswerRecord, DocumentError, PersonRecord, QuestionRecord

_SEPARATOR = re.compile(r"^\s*([-_=*]\s*){3,}\s*$")
_PAGE_ARTEFACT = re.compile(
    r"^\s*(?:(?:pagina|blz\.?|page|p\.)\s*\d+(?:\s*(?:van|/|of)\s*\d+)?|-\s*\d+\s*-|\d{1,3})\s*$", re.IGNORECASE
)
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_ANSWER_HEADING = re.compile(r"^\s*ANTWOORD\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"\bnr\.?\s*(\d+)\b", re.IGNORECASE)
_FROM = re.compile(r"^\s*van\s+(?!\d)(.+?)\s*$", re.IGNORECASE)
_TO = re.compile(r"^\s*aan\s+(.+?)\s*$", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*datum\s*:?\s*(.+?)\s*$", re.IGNORECASE)
_SESSION_YEAR = re.compile(r"\b(?:zittingsjaar|zitting)\s*:?\s*(\d{4})\s*[-/]\s*(\d{4})\b", re.IGNORECASE)
_ON_QUESTION = re.compile(r"^\s*op\s+vraag\s+nr\.?\s*(\d+)", re.IGNORECASE)
_URL = re.compile(r"^\s*(https?://\S+)\s*$")
_SENTENCE_END = re.compile(r"[.!?:;…)\"'»”]\s*$")
_ITEM_START = re.compile(r"^\d{1,2}[.)]\s")


def _strip_markup(line: str) -> str:
    return _EMPHASIS.sub(r"\2", line).replace("**", "").strip()


def _clean_lines(text: str) -> list[str]:
    """Lines without markup and page artefacts; blank lines mark paragraph ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\u00a0", " ")
    lines = []
    for raw in text.split("\n"):
        hard_break = raw.endswith("  ")  # markdown hard break: the line ends a paragraph
        if _SEPARATOR.match(raw) or _PAGE_ARTEFACT.match(raw):
            lines.append("")
            continue
        line = _strip_markup(raw)
        lines.append(line)
        if hard_break and line:
            lines.append("")
    return lines


def _paragraphs(lines: list[str]) -> list[str]:
    """Join lines into paragraphs, then repair paragraphs broken by a page break."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            current.append(line)
            continue
        if current:
            paragraphs.append(_join_lines(current))
            current = []
    repaired: list[str] = []
    for paragraph in paragraphs:
        if repaired and _continues(repaired[-1], paragraph):
            repaired[-1] = _join_broken(repaired[-1], paragraph)
        else:
            repaired.append(paragraph)
    return repaired


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if _ITEM_START.match(line) or (_SENTENCE_END.search(text) and line[:1].isupper() and len(text) < 60):
            text += "\n\n" + line
        else:
            text = _join_broken(text, line)
    return text


def _continues(previous: str, paragraph: str) -> bool:
    """A paragraph that starts in lower case after running text that stops mid-sentence continues it.

    Short paragraphs are header lines ("nr. 551", "van CINDY FRANSSEN") and are never joined.
    """
    return (
        len(previous.split()) >= 12 and not _SENTENCE_END.search(previous) and paragraph[:1].islower() and not previous.isupper()
    )


def _join_broken(first: str, second: str) -> str:
    if re.search(r"\w-$", first) and second[:1].islower():
        return first[:-1] + second  # "ver-" + "sterken": a word hyphenated across lines
    return f"{first} {second}"


def _name(text: str) -> str:
    return " ".join(text.split()).strip(" .,:")


def parse_text_document(text: str) -> QuestionRecord:
    """Read one written question and its answer; raise DocumentError saying what is missing."""
    lines = _clean_lines(text)
    answer_starts = [index for index, line in enumerate(lines) if _ANSWER_HEADING.match(line)]
    if not answer_starts:
        raise DocumentError("answer missing: no line 'ANTWOORD' found")
    if len(answer_starts) > 1:
        raise DocumentError(
            f"{len(answer_starts)} answers ('ANTWOORD') found in one document: import each question and answer separately"
        )
    head, answer_lines = lines[: answer_starts[0]], lines[answer_starts[0] + 1 :]
    paragraphs = _paragraphs(head)
    if not paragraphs:
        raise DocumentError("no question found before 'ANTWOORD'")

    number = next((int(match.group(1)) for p in paragraphs[:6] if (match := _NUMBER.search(p))), None)
    if number is None:
        raise DocumentError("no question number found (a line like 'nr. 551')")
    asker_index = next((i for i, p in enumerate(paragraphs) if _FROM.match(p)), None)
    if asker_index is None:
        raise DocumentError("no asker found (a line like 'van CINDY FRANSSEN')")
    addressee_index = next((i for i, p in enumerate(paragraphs) if _TO.match(p)), None)
    if addressee_index is None:
        raise DocumentError("no minister found (a line like 'aan LIESBETH HOMANS')")
    asked_on = None
    for paragraph in paragraphs[: addressee_index + 1]:
        match = _DATE_LINE.match(paragraph)
        if match:
            asked_on = parse_dutch_date(match.group(1))
            if asked_on is None:
                raise DocumentError(f"the question date {match.group(1)!r} is not a date (write e.g. '29 juni 2018')")
    if asked_on is None:
        asked_on = next((parse_dutch_date(p) for p in paragraphs[: addressee_index + 1] if parse_dutch_date(p)), None)
    if asked_on is None:
        raise DocumentError("no question date found (a line like 'datum: 29 juni 2018')")

    asker = _name(_FROM.match(paragraphs[asker_index]).group(1))
    addressee = _name(_TO.match(paragraphs[addressee_index]).group(1))
    body = paragraphs[addressee_index + 1 :]
    office_parts = []
    while body and body[0].isupper() and not _ITEM_START.match(body[0]):
        office_parts.append(body.pop(0))
    if not body:
        raise DocumentError("no subject or question text found after the minister's name")
    subject = body.pop(0)
    # The question ends where the minister's name is printed again above the answer.
    signature = next((i for i, p in enumerate(body) if _name(p).casefold() == addressee.casefold()), len(body))
    question_paragraphs = body[:signature]
    session_match = next((m for p in paragraphs for m in [_SESSION_YEAR.search(p)] if m), None)
    source_url = next((m.group(1) for p in paragraphs for m in [_URL.match(p)] if m), "")
    question_paragraphs = [p for p in question_paragraphs if not _URL.match(p)]

    answer = _parse_answer(answer_lines, number)
    record = QuestionRecord(
        number=number,
        asked_on=asked_on,
        asker=PersonRecord(name=asker),
        addressee=PersonRecord(name=addressee),
        office=" ".join(office_parts),
        subject=subject,
        text="\n\n".join(question_paragraphs),
        session_year=f"{session_match.group(1)}-{session_match.group(2)}" if session_match else "",
        source_url=source_url,
        answer=answer.record,
    )
    if answer.asker and answer.asker.casefold() != asker.casefold():
        record.asker_variants = (answer.asker,)
        record.notes.append(f"the answer spells the asker {answer.asker!r}, the question {asker!r}: one person")
    return record


class _ParsedAnswer:
    def __init__(self, record: AnswerRecord, asker: str):
        self.record, self.asker = record, asker


def _parse_answer(lines: list[str], number: int) -> _ParsedAnswer:
    paragraphs = _paragraphs(lines)
    answered_on, asker, source_url = None, "", ""
    # The answer's own header: "op vraag nr. 551 van 29 juni 2018", "van CINDY FRANSEN", maybe a date.
    while paragraphs:
        first = paragraphs[0]
        on_question = _ON_QUESTION.match(first)
        if on_question:
            if int(on_question.group(1)) != number:
                raise DocumentError(f"the answer is to question nr. {on_question.group(1)}, not nr. {number}")
            paragraphs.pop(0)
        elif _FROM.match(first) and len(first) < 80:
            asker = _name(_FROM.match(first).group(1))
            paragraphs.pop(0)
        elif _DATE_LINE.match(first):
            answered_on = parse_dutch_date(first)
            if answered_on is None:
                raise DocumentError(f"the answer date {first!r} is not a date (write e.g. 'datum: 20 juli 2018')")
            paragraphs.pop(0)
        elif _URL.match(first):
            source_url = _URL.match(first).group(1)
            paragraphs.pop(0)
        else:
            break
    text = "\n\n".join(paragraphs).strip()
    if not text:
        raise DocumentError("answer missing: 'ANTWOORD' is followed by no text")
    return _ParsedAnswer(AnswerRecord(text=text, answered_on=answered_on, source_url=source_url), asker)
