"""The Flemish Parliament's written question with its line breaks collapsed, as it comes when copied
from the web, with markup lost or added:

    SCHRIFTELIJKE VRAAG nr. 147 van KURT DE LOOR datum: 26 februari 2024 GWENDOLYN RUTTEN
    VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, … <subject> <question> GWENDOLYN RUTTEN …
    ANTWOORD op vraag nr. 147 van 26 februari 2024 van KURT DE LOOR <answer>

Without line breaks the fields are told apart by their words and case: the minister's name and
office are in capitals ("aan" may be missing), the office starts with a word such as MINISTER, the
subject is in mixed case and ends where the question's first sentence starts (after "Topic -
Detail", at the next capital), the numbered sub-questions and answers are split off again.
"""

import re

from tracker.imports.layouts import flemish
from tracker.imports.layouts.cleaning import clean_lines, is_blank, name
from tracker.imports.records import DocumentError, QuestionRecord

SLUG = "flemish-collapsed"
TITLE = "Flemish written question (line breaks collapsed)"

_MARKER_IN_LINE = re.compile(r"SCHRIFTELIJKE\s+VRAAG(?:\*\*)?[ \t]*(?:\*\*)?[ \t]*[^\s*]")
_START = re.compile(r"SCHRIFTELIJKE\s+VRAAG\s*")
_NUMBER = re.compile(r"nr\.?\s*(\d+)\s*")
_ASKER = re.compile(r"van\s+(.+?)\s+(?=datum\b)")
_DATE = re.compile(r"datum\s*:?\s*(\d{1,2}\s+\w+\.?\s+\d{4}|\S+)\s*")
_TO = re.compile(r"aan\s+")
_ANSWER = re.compile(r"\bANTWOORD\b\s*(?=op\s+vraag\b)|\bANTWOORD\b")
_ON_QUESTION = re.compile(r"op\s+vraag\s+nr\.?\s*(\d+)\s*(?:van\s+(\d{1,2}\s+\w+\s+\d{4})\s*)?")
_FROM = re.compile(r"van\s+")
_ANSWER_DATE = re.compile(r"datum\s*:?\s*(\d{1,2}\s+\w+\s+\d{4})\s*")
_LINK = re.compile(r"(https?://\S+)\s*")
_OFFICE_WORDS = {"MINISTER", "VLAAMS", "VLAAMSE", "VICEMINISTER-PRESIDENT", "MINISTER-PRESIDENT", "VICE-MINISTER-PRESIDENT"}
_CAPITALS = re.compile(r"^[^a-zà-ÿ]*[A-ZÀ-Ý][^a-zà-ÿ]*$")  # a word in capitals: "RUTTEN", "D'HAESE", "REGERING,"
_ITEM = re.compile(r"(?<=[.?!:;)»”'\"])\s+(?=\d{1,2}[.)]\s+\S)")


def found_at(text: str) -> int | None:
    """Where the layout's marker is: 'SCHRIFTELIJKE VRAAG' followed on its line by the header."""
    match = _MARKER_IN_LINE.search(text)
    return match.start() if match else None


def parse(text: str) -> QuestionRecord:
    flat = " ".join(" ".join(line for line in clean_lines(text) if not is_blank(line)).split())
    cursor = _START.search(flat).end()

    def take(pattern: re.Pattern, missing: str) -> re.Match:
        nonlocal cursor
        match = pattern.match(flat, cursor)
        if not match:
            raise DocumentError(missing)
        cursor = match.end()
        return match

    number = int(take(_NUMBER, "no question number found ('nr. 147' after 'SCHRIFTELIJKE VRAAG')").group(1))
    asker = name(take(_ASKER, "no asker found ('van KURT DE LOOR' before 'datum:')").group(1))
    asked_on = flemish.date_or_refuse(
        take(_DATE, "no question date found ('datum: 26 februari 2024')").group(1), "question date", "26 februari 2024"
    )
    if _TO.match(flat, cursor):
        cursor = _TO.match(flat, cursor).end()
    answer = _ANSWER.search(flat, cursor)
    if not answer:
        raise DocumentError("answer missing: no 'ANTWOORD op vraag nr. …' found")
    before, after = flat[cursor : answer.start()], flat[answer.end() :]

    words = before.split()
    addressee, office, subject_start = _addressee_and_office(words)
    header = flemish.Header(number=number, asked_on=asked_on, asker=asker, addressee=addressee, office=office)
    question = _without_signature(" ".join(words[subject_start:]), addressee)
    header.subject, question = _subject(question)
    answer_header, answer_text = _answer(after, asker)
    return flemish.record(
        flemish.Parsed(
            header=header,
            question=_ITEM.sub("\n\n", question),
            answer=_ITEM.sub("\n\n", answer_text),
            answer_header=answer_header,
            ministers=flemish.ministers_asked(flat),
            notes=["read from a copy without line breaks: its paragraphs and the end of its subject are inferred"],
        )
    )


def _addressee_and_office(words: list[str]) -> tuple[str, str, int]:
    """The minister's name and office: the words in capitals, the office from its first word
    (MINISTER, VLAAMS, …); and where the subject starts."""
    end = next((index for index, word in enumerate(words) if not _CAPITALS.match(word)), len(words))
    # A subject opening with an acronym ("VDAB - Opleidingen") lends it back.
    if 0 < end < len(words) and words[end] in "-–":
        end -= 1
    office_start = next((index for index, word in enumerate(words[:end]) if word.strip(",") in _OFFICE_WORDS), None)
    if office_start is None or office_start == 0:
        raise DocumentError(
            "no minister found (a name in capitals, then the office, e.g. 'GWENDOLYN RUTTEN VLAAMS MINISTER VAN …')"
        )
    return " ".join(words[:office_start]), " ".join(words[office_start:end]), end


def _without_signature(text: str, addressee: str) -> str:
    """The question without the minister's name and office printed again above the answer."""
    signature = list(re.finditer(rf"(?<![^\s.?!:;)]){re.escape(addressee)}\b", text))
    return text[: signature[-1].start()].rstrip() if signature else text


def _subject(text: str) -> tuple[str, str]:
    """The subject and the question after it: "Topic - Detail" ends before the next capitalised
    word after the detail's first ("… - Studie Op 17 mei …"); without a dash, before the first
    capitalised word that follows a word in lower case."""
    words = text.split()
    dash = next((index for index, word in enumerate(words) if word in "-–" and index > 0), None)
    start = dash + 2 if dash is not None else 1
    for index in range(start, len(words)):
        if words[index][:1].isupper() and (dash is not None or words[index - 1][:1].islower()):
            return " ".join(words[:index]), " ".join(words[index:])
    raise DocumentError("no question text found after the subject")


def _answer(text: str, asker: str) -> tuple[flemish.AnswerHeader, str]:
    """The answer's own header ("op vraag nr. 147 van 26 februari 2024 van KURT DE LOOR", maybe a
    date or a link) and its text. The asker's name is as many words in capitals as the question's."""
    header = flemish.AnswerHeader()
    text = text.strip()
    cursor = 0
    on_question = _ON_QUESTION.match(text)
    if on_question:
        header.number = int(on_question.group(1))
        cursor = on_question.end()
    if _FROM.match(text, cursor):
        words = text[_FROM.match(text, cursor).end() :].split()
        taken = [word for word in words[: len(asker.split())] if _CAPITALS.match(word)]
        if len(taken) == len(asker.split()):
            header.asker = " ".join(taken)
            cursor = _FROM.match(text, cursor).end() + len(" ".join(taken))
    rest = text[cursor:].strip()
    date = _ANSWER_DATE.match(rest)
    if date:
        header.answered_on = flemish.date_or_refuse(date.group(1), "answer date", "datum: 20 juli 2018")
        rest = rest[date.end() :]
    link = _LINK.match(rest)
    if link:
        header.source_url, rest = link.group(1), rest[link.end() :]
    if not rest.strip():
        raise DocumentError("answer missing: 'ANTWOORD' is followed by no text")
    return header, rest.strip()
