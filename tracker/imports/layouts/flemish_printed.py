"""The Flemish Parliament's written question as printed, one header field a line (the seed):

    SCHRIFTELIJKE VRAAG
    nr. 551
    van CINDY FRANSSEN
    datum: 29 juni 2018
    aan LIESBETH HOMANS
    VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, …   (the office, in capitals)
    Persoonlijke netwerkversterking bij mensen in armoede - Studie   (the subject)
    <the question, with numbered sub-questions>
    LIESBETH HOMANS   (the minister's name again, and the office)
    ANTWOORD
    op vraag nr. 551 van 29 juni 2018
    van CINDY FRANSEN
    <the numbered answer>

PDF-to-text conversions may lose the blank lines between paragraphs, glue the minister's name to
the question's last line ("…nemen?MATTHIAS DIEPENDAELE") or print "ANTWOORD op vraag nr. …" on one
line; all are repaired.
"""

import re

from tracker.imports.layouts import flemish
from tracker.imports.layouts.cleaning import PAGE_BREAK, clean_lines, is_blank, name, paragraphs
from tracker.imports.records import DocumentError, QuestionRecord

SLUG = "flemish-printed"
TITLE = "Flemish written question (printed)"

_MARKER_LINE = re.compile(r"^\s*(?:\*\*)?\s*SCHRIFTELIJKE\s+VRAAG\s*(?:\*\*)?\s*$", re.MULTILINE)
_ANSWER_HEADING = re.compile(r"^\s*ANTWOORD\s*$")
_ANSWER_ON_ITS_LINE = re.compile(r"\s*\bANTWOORD\s+(?=op\s+vraag\s+nr)")
_FROM = re.compile(r"^\s*van\s+(?!\d)(.+?)\s*$", re.IGNORECASE)
_TO = re.compile(r"^\s*aan\s+(.+?)\s*$", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*datum\s*:?\s*(.+?)\s*$", re.IGNORECASE)
_ON_QUESTION = re.compile(r"^\s*op\s+vraag\s+nr\.?\s*(\d+)", re.IGNORECASE)
_ASKER_AFTER_DATE = re.compile(r"\d{4}\s+van\s+(\D+?)\s*$")


def found_at(text: str) -> int | None:
    """Where the layout's marker is: 'SCHRIFTELIJKE VRAAG' on a line of its own."""
    match = _MARKER_LINE.search(text)
    return match.start() if match else None


def parse(text: str) -> QuestionRecord:
    lines = clean_lines(_ANSWER_ON_ITS_LINE.sub("\nANTWOORD\n", text))
    answer_starts = [index for index, line in enumerate(lines) if _ANSWER_HEADING.match(line)]
    if not answer_starts:
        raise DocumentError("answer missing: no line 'ANTWOORD' found")
    if len(answer_starts) > 1:
        raise DocumentError(
            f"{len(answer_starts)} answers ('ANTWOORD') found in one document: import each question and answer separately"
        )
    head, answer_lines = lines[: answer_starts[0]], lines[answer_starts[0] + 1 :]
    if not any(not is_blank(line) for line in head):
        raise DocumentError("no question found before 'ANTWOORD'")
    header, body = _header(head)
    body = _without_signature(body, header.addressee)
    question_paragraphs = paragraphs(body)
    session = next((m for line in head for m in [flemish.SESSION_YEAR.search(line)] if m), None)
    source_url = next((m.group(1) for line in head for m in [flemish.URL.match(line)] if m), "")
    answer_header, answer_paragraphs = _answer(answer_lines)
    return flemish.record(
        flemish.Parsed(
            header=header,
            question="\n\n".join(p for p in question_paragraphs if not flemish.URL.match(p)),
            answer="\n\n".join(answer_paragraphs),
            answer_header=answer_header,
            ministers=flemish.ministers_asked(text),
            session_year=f"{session.group(1)}-{session.group(2)}" if session else "",
            source_url=source_url,
        )
    )


def _header(head: list[str]) -> tuple[flemish.Header, list[str]]:
    """The header's fields, one a line, and the lines after them (the question)."""
    filled = [(index, line.strip()) for index, line in enumerate(head) if not is_blank(line)]
    number = next((int(m.group(1)) for _, line in filled[:8] if (m := flemish.NUMBER.search(line))), None)
    if number is None:
        raise DocumentError("no question number found (a line like 'nr. 551')")
    asker = next((name(m.group(1)) for _, line in filled if (m := _FROM.match(line))), None)
    if asker is None:
        raise DocumentError("no asker found (a line like 'van CINDY FRANSSEN')")
    to_index = next((index for index, line in filled if _TO.match(line)), None)
    if to_index is None:
        raise DocumentError("no minister found (a line like 'aan LIESBETH HOMANS')")
    addressee = name(_TO.match(head[to_index]).group(1))
    asked_on = None
    for _, line in (entry for entry in filled if entry[0] <= to_index):
        match = _DATE_LINE.match(line)
        if match:
            asked_on = flemish.date_or_refuse(match.group(1), "question date", "29 juni 2018")
    if asked_on is None:
        raise DocumentError("no question date found (a line like 'datum: 29 juni 2018')")

    rest = [(index, line) for index, line in filled if index > to_index]
    office = []
    while rest and rest[0][1].isupper() and not flemish.URL.match(rest[0][1]):
        office.append(rest.pop(0)[1])
    if not rest:
        raise DocumentError("no subject or question text found after the minister's name")
    subject_index, subject = rest.pop(0)
    # A subject wrapped onto a second line continues in lower case, with no blank line between.
    while rest and rest[0][0] == subject_index + 1 and rest[0][1][:1].islower() and not flemish.URL.match(subject):
        subject_index, continuation = rest.pop(0)
        subject = f"{subject} {continuation}"
    header = flemish.Header(
        number=number, asked_on=asked_on, asker=asker, addressee=addressee, office=" ".join(office), subject=name(subject)
    )
    return header, head[subject_index + 1 :]


def _without_signature(body: list[str], addressee: str) -> list[str]:
    """The question's lines up to the minister's name printed again above the answer, which a
    conversion may glue to the question's last line."""
    signature = re.compile(rf"^(?P<before>.*?)\s*{re.escape(addressee)}\s*$", re.IGNORECASE)
    for index, line in enumerate(body):
        match = signature.match(line.strip()) if line != PAGE_BREAK else None
        if match and (not match.group("before") or re.search(r"[.?!:;)]$", match.group("before"))):
            return [*body[:index], match.group("before")]
    return body


def _answer(lines: list[str]) -> tuple[flemish.AnswerHeader, list[str]]:
    """The answer's own header, a field a line ("op vraag nr. 551 van 29 juni 2018", "van CINDY
    FRANSEN", maybe a date or a link), then its paragraphs."""
    header = flemish.AnswerHeader()
    rest = list(lines)
    while rest:
        first = rest[0].strip()
        on_question = _ON_QUESTION.match(first)
        if is_blank(rest[0]):
            pass
        elif on_question:
            header.number = int(on_question.group(1))
            asker = _ASKER_AFTER_DATE.search(first)
            header.asker = name(asker.group(1)) if asker else header.asker
        elif _FROM.match(first) and len(first) < 80:
            header.asker = name(_FROM.match(first).group(1))
        elif _DATE_LINE.match(first):
            header.answered_on = flemish.date_or_refuse(first, "answer date", "datum: 20 juli 2018")
        elif flemish.URL.match(first):
            header.source_url = flemish.URL.match(first).group(1)
        else:
            break
        rest.pop(0)
    found = paragraphs(rest)
    if not found:
        raise DocumentError("answer missing: 'ANTWOORD' is followed by no text")
    return header, found
