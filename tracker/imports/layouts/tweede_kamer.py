"""The Tweede Kamer's written questions and answers as published in the Aanhangsel van de
Handelingen (/work/shared/sources/tweede-kamer.md), one document per set of questions:

    Vergaderjaar 2023–2024            Aanhangsel van de Handelingen
    387
    Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken over de situatie in de
    Zuidelijke Kaukasus (ingezonden 2 oktober 2023).
    Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 13 november 2023).
    Vraag 1
    Bent u bekend met …?
    Antwoord 1
    Ja.
    Vraag 4 en 5 … Antwoord 4 en 5 …

The first asker is the question's asker, the others ("van de leden A (CDA) en B (VVD)", "C en D
(beiden D66)") its co-askers with their parties; the minister who answers is its addressee, the
office is the one it was put to, as printed ("Ministers van X en van Y"). Questions and answers are
paired by number ("Vraag 4 en 5", "Vragen 4 en 5", "Antwoord op vraag 6", a bare "1", or all
questions first) into "1. …\n\n2. …". A "Mededeling" (the answer will come late) is kept as a
holding reply: a document with only a Mededeling is the question without its answer.

An answer that came after a Mededeling says so ("Zie ook Aanhangsel Handelingen, vergaderjaar
2023–2024, nr. 1787"): the question then keeps the Mededeling's number, so that the notice and the
answer, published under two numbers, are one question and the notice is not left unanswered.

Page furniture is removed: headers and footers, the document id ("ah-tk-20232024-387"), page
breaks, footnotes and their markers.
"""

import datetime
import re
from dataclasses import dataclass, field

from tracker.assemblies import HOUSE_OF_REPRESENTATIVES
from tracker.imports.dutch_dates import parse_dutch_date
from tracker.imports.layouts.cleaning import PAGE_BREAK, clean_lines, normalise, paragraphs, remove_footnotes
from tracker.imports.records import AnswerRecord, DocumentError, HoldingReplyRecord, PersonRecord, QuestionRecord

SLUG = "tweede-kamer-aanhangsel"
TITLE = "Tweede Kamer Aanhangsel"


def _words(phrase: str) -> str:
    """A phrase as a pattern that allows markup and line breaks between its words."""
    return r"[\s*_#]+".join(re.escape(word) for word in phrase.split())


_MARKERS = re.compile(r"Aanhangsel\s+van\s+de\s+Handelingen|Vragen\s+van\s+(?:het\s+lid|de\s+leden)\b")
_SESSION = re.compile(r"(?:Vergaderjaar|Kamer,\s+vergaderjaar)\s+(\d{4})\s*[–-]\s*(\d{4})")
# The id as printed at the foot of the first page, or as a markdown conversion leaves it ("h tk 20232024 387").
_DOCUMENT_ID = re.compile(r"\ba?h[-\s]tk[-\s](\d{4})(\d{4})[-\s](\d+)\b")
_OWN_NUMBER = re.compile(r"(\d{1,5})[\s#*_]*Vragen\s+van\s+(?:het\s+lid|de\s+leden)\b")
_PAGE_FURNITURE = re.compile(
    "|".join(
        [
            r"Tweede\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s+Aanhangsel\s*\d*",  # the footer, with the page number
            _DOCUMENT_ID.pattern,
            r"ISSN\s+0921\s*-\s*7398",
            r"[’']s-Gravenhage\s+\d{4}",
        ]
    )
)
_HEADER_FURNITURE = re.compile(
    "|".join(
        [
            _words("Tweede Kamer der Staten-Generaal") + r"\s*\d?",
            _words("Vergaderjaar") + r"\s+\d{4}\s*[–-]\s*\d{4}[\s*_#]*" + _words("Aanhangsel van de Handelingen"),
            _words("Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden"),
            r"^[ \t*_#]*" + _words("Aanhangsel van de Handelingen") + r"[ \t*_#]*$",
        ]
    ),
    re.MULTILINE,
)
_NUMBERS = r"\d{1,2}(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d{1,2})*"
# A heading: "Vraag 1", "Vragen 4 en 5", "Antwoord op vraag 6", maybe followed by its text on the
# same line; without a number only on a line of its own ("Vraag").
_QUESTION_HEADING = re.compile(rf"^Vra(?:ag|gen)(?:\s+(?P<numbers>{_NUMBERS})\s*[:.]?(?:\s+(?P<rest>\S.*))?|\s*:?)$")
_ANSWER_HEADING = re.compile(
    rf"^Antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?(?:\s+(?P<numbers>{_NUMBERS})\s*[:.]?(?:\s+(?P<rest>\S.*))?|\s*:?)$"
)
_PLAIN_HEADING = re.compile(r"^(?P<numbers>\d{1,2})[.)]?(?:\s+(?P<rest>[A-ZÀ-Ý«\"“(].*))?$")
_GLUED_HEADING = re.compile(r"(?<=[.?!»”)\]\d])[ \t]+(?=(?:Vra(?:ag|gen)|Antwoord(?:\s+op\s+vra(?:ag|gen))?)\s+\d{1,2}\b)")
_STOPS = re.compile(r"^(?:Vra(?:ag|gen)|Antwoord|Mededeling)\b")

_QUESTIONS = re.compile(
    r"Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<askers>.+?)\s+aan\s+(?:de\s+|het\s+)?(?P<office>.+?)\s+over\s+"
    r"(?P<subject>.+?)\s*\(\s*ingezonden\s+(?P<date>[^()]*?)\s*\)\s*\.?",
    re.S,
)
_ANSWER_FROM = re.compile(
    r"Antwoord\s+van\s+(?P<who>.+?)\s*\((?:\s*ontvangen\s*\(?)+\s*(?P<date>[^()]*?)\s*\)\s*\.?"
    r"(?:\s*Zie\s+ook\s*Aanhangsel\s+(?:van\s+de\s+)?Handelingen,?\s*vergaderjaar\s+(?P<see_first>\d{4})\s*[–-]\s*"
    r"(?P<see_second>\d{4}),?\s*nr\.?\s*(?P<see_number>\d+)\s*\.?)?",
    re.S,
)
_NOTICE_FROM = re.compile(r"Mededeling\s+van\s+(?P<who>.+?)\s*\(\s*ontvangen\s+(?P<date>[^()]*?)\s*\)\s*\.?", re.S)
_NOTICE = re.compile(r"(?m)^Mededeling\b\s*:?")
_MINISTER = re.compile(
    r"^(?P<role>Minister-President|Ministers?|Staatssecretaris(?:sen)?)\s+(?P<name>[^(]+?)\s*\((?P<portfolio>[^()]*)\)"
    r"\s*(?:,?\s*mede\s+namens\s+(?P<behalf>.+))?$",
    re.S,
)
_PARTY_GROUP = re.compile(r"(?P<names>[^()]+?)\s*\(\s*(?:(?:allen|beiden|beide)\s+)?(?P<party>[^()]+?)\s*\)")


def found_at(text: str) -> int | None:
    """Where the layout's marker is: 'Aanhangsel van de Handelingen' or 'Vragen van het lid/de leden'."""
    match = _MARKERS.search(text)
    return match.start() if match else None


@dataclass
class _Block:
    kind: str  # "question" or "answer"
    numbers: tuple[int, ...]
    lines: list[str] = field(default_factory=list)


@dataclass
class _Minister:
    name: str
    description: str  # "Minister Veldkamp (Buitenlandse Zaken), mede namens de Minister van …"


def parse(text: str) -> QuestionRecord:
    text = normalise(text)
    own_number, session, url = _publication(text)
    text = _HEADER_FURNITURE.sub("\n", _PAGE_FURNITURE.sub("\n\f\n", text))
    lines = remove_footnotes(clean_lines(_GLUED_HEADING.sub("\n", text), page_numbers=False), stops=_STOPS)
    header, body = _header_and_body(lines)
    questions = _QUESTIONS.search(header)
    if questions is None:
        raise DocumentError(
            "the header 'Vragen van …' is incomplete: expected '… aan de Minister van … over … (ingezonden 3 oktober 2023)'"
        )
    after_header = header[questions.end() :]
    answer_from = _ANSWER_FROM.search(after_header)
    notice_from = _NOTICE_FROM.search(after_header) or _NOTICE.search(after_header)
    if answer_from is None and notice_from is None:
        raise DocumentError("no 'Antwoord van …' and no 'Mededeling' found")

    notes: list[str] = []
    if answer_from:
        addressee = _minister(answer_from.group("who"))
        notes.append(f"answered by {addressee.description}")
    elif "who" in notice_from.groupdict():
        addressee = _minister(notice_from.group("who"))
        notes.append(f"notice from {addressee.description}")
    else:
        raise DocumentError("the Mededeling names no minister ('Mededeling van Minister De Vries (…) (ontvangen …)')")
    answer, question_text = None, ""
    if answer_from:
        question_text, answer_text = _questions_and_answers(body, notes)
        answer = AnswerRecord(
            text=answer_text, answered_on=_date(answer_from.group("date"), "date the answer was received"), source_url=url
        )
        if answer_from.group("see_number"):
            own_number, session = _after_mededeling(answer_from, own_number, notes)
    if own_number is None:
        raise DocumentError("no aanhangsel number found (the number above 'Vragen van …', or an id like 'ah-tk-20232024-387')")
    askers = _askers(questions.group("askers"))
    return QuestionRecord(
        number=own_number,
        asked_on=_date(questions.group("date"), "date the questions were sent ('ingezonden')"),
        asker=askers[0],
        addressee=PersonRecord(name=addressee.name),
        subject=" ".join(questions.group("subject").split()),
        text=question_text,
        office=" ".join(questions.group("office").split()),
        session_year=session,
        assembly=HOUSE_OF_REPRESENTATIVES,
        answer=answer,
        co_askers=tuple(askers[1:]),
        documents=(url,) if url else (),
        holding_replies=_holding_replies(after_header, notice_from, answer_from),
        notes=notes,
    )


def _header_and_body(lines: list[str]) -> tuple[str, list[str]]:
    """The header from 'Vragen van …' to the first question's heading, as one text, and the lines
    from that heading on."""
    start = next((index for index, line in enumerate(lines) if "Vragen van" in line), None)
    if start is None:
        raise DocumentError("no 'Vragen van het lid …' or 'Vragen van de leden …' found")
    body = next((index for index in range(start, len(lines)) if _heading(lines[index], plain=True)), len(lines))
    return "\n".join(line for line in lines[start:body] if line != PAGE_BREAK), lines[body:]


def _holding_replies(after_header: str, notice_from: re.Match | None, answer_from: re.Match | None) -> tuple:
    """The Mededeling, as a holding reply: its text runs to the answer's header, if any follows."""
    if notice_from is None:
        return ()
    end = answer_from.start() if answer_from and answer_from.start() > notice_from.end() else len(after_header)
    received = notice_from.groupdict().get("date")
    return (
        HoldingReplyRecord(
            text="\n\n".join(paragraphs(after_header[notice_from.end() : end].split("\n"))),
            received_on=_date(received, "date the Mededeling was received") if received else None,
        ),
    )


def _after_mededeling(answer_from: re.Match, own_number: int | None, notes: list[str]) -> tuple[int, str]:
    """The number and vergaderjaar of the Mededeling an answer refers to ("Zie ook …, nr. 1787")."""
    number = int(answer_from.group("see_number"))
    session = f"{answer_from.group('see_first')}-{answer_from.group('see_second')}"
    published = f"; the answer itself is Aanhangsel nr. {own_number}" if own_number else ""
    notes.append(
        f"numbered {number} ({session}) after the Mededeling the answer refers to ('Zie ook …'), "
        f"so that notice and answer are one question{published}"
    )
    return number, session


def _publication(text: str) -> tuple[int | None, str, str]:
    """The document's aanhangsel number, its vergaderjaar ("2023-2024") and its address on
    officielebekendmakingen.nl, as far as the text tells them."""
    document_id = _DOCUMENT_ID.search(text)
    own = _OWN_NUMBER.search(text)
    number = int(own.group(1)) if own else (int(document_id.group(3)) if document_id else None)
    session = _SESSION.search(text)
    years = document_id.groups()[:2] if document_id else (session.groups() if session else None)
    url = (
        f"https://zoek.officielebekendmakingen.nl/ah-tk-{document_id.group(1)}{document_id.group(2)}-{document_id.group(3)}.html"
        if document_id
        else ""
    )
    return number, f"{years[0]}-{years[1]}" if years else "", url


def _date(text: str, what: str) -> datetime.date:
    day = parse_dutch_date(text)
    if day is None:
        raise DocumentError(f"the {what} {text!r} is not a date (write e.g. '3 oktober 2023')")
    return day


def _askers(text: str) -> list[PersonRecord]:
    """The members who put the questions, each with their party: "A (CDA) en B (VVD)", "A en B
    (beiden D66)", "A, B en C (allen GroenLinks)"."""
    people: list[PersonRecord] = []
    position = 0
    for group in _PARTY_GROUP.finditer(text):
        party = " ".join(group.group("party").split())
        people.extend(PersonRecord(name=member, party=party) for member in _names(group.group("names")))
        position = group.end()
    people.extend(PersonRecord(name=member) for member in _names(text[position:]))
    if not people:
        raise DocumentError("no member found in 'Vragen van het lid …'")
    return people


def _names(text: str) -> list[str]:
    return [" ".join(part.split()) for part in re.split(r"\s*,\s*|\s+en\s+|^\s*en\s+", text) if part.strip()]


def _minister(who: str) -> _Minister:
    match = _MINISTER.match(" ".join(who.split()))
    if match is None:
        raise DocumentError(
            f"cannot tell who answers in {' '.join(who.split())!r} (expected e.g. 'Minister De Vries (Onderwijs)')"
        )
    description = f"{match.group('role')} {match.group('name')} ({match.group('portfolio')})"
    if match.group("behalf"):
        description += f", mede namens {' '.join(match.group('behalf').split())}"
    return _Minister(name=match.group("name"), description=description)


def _heading(line: str, *, plain: bool, expected: int = 1) -> _Block | None:
    stripped = line.strip()
    for kind, pattern in (("question", _QUESTION_HEADING), ("answer", _ANSWER_HEADING)):
        match = pattern.match(stripped)
        if match:
            return _Block(kind, _numbers(match.group("numbers")), [match.group("rest")] if match.group("rest") else [])
    if plain:
        match = _PLAIN_HEADING.match(stripped)
        if match and int(match.group("numbers")) == expected:
            return _Block("question", (expected,), [match.group("rest")] if match.group("rest") else [])
    return None


def _numbers(text: str | None) -> tuple[int, ...]:
    if not text:
        return (1,)
    found = [int(number) for number in re.findall(r"\d+", text)]
    if re.search(r"t/m|tot\s+en\s+met|[-–]", text) and len(found) == 2:
        return tuple(range(found[0], found[1] + 1))
    return tuple(found)


def _questions_and_answers(lines: list[str], notes: list[str]) -> tuple[str, str]:
    """The questions and the answers, paired by number, as "1. …\n\n2. …" each."""
    plain = not any(_QUESTION_HEADING.match(line.strip()) for line in lines)
    blocks: list[_Block] = []
    for line in lines:
        expected = 1 + max((n for block in blocks if block.kind == "question" for n in block.numbers), default=0)
        heading = _heading(line, plain=plain, expected=expected)
        if heading:
            blocks.append(heading)
        elif blocks:
            blocks[-1].lines.append(line)
    if not any(block.kind == "answer" for block in blocks):
        raise DocumentError("no numbered answers ('Antwoord 1', 'Antwoord 2', …) found after 'Antwoord van …'")
    _recover_lost_headings(blocks, notes)
    for kind in ("question", "answer"):
        numbers = [block.numbers for block in blocks if block.kind == kind]
        for together in (n for n in numbers if len(n) > 1):
            notes.append(f"{kind}s {_listed(together)} are printed together, numbered {together[0]}")
    asked = {n for block in blocks if block.kind == "question" for n in block.numbers}
    answered = {n for block in blocks if block.kind == "answer" for n in block.numbers}
    if asked - answered:
        notes.append(f"no answer found to question {_listed(sorted(asked - answered))}")
    if answered - asked:
        notes.append(f"no question found for answer {_listed(sorted(answered - asked))}")
    return _numbered(blocks, "question"), _numbered(blocks, "answer")


def _listed(numbers) -> str:
    *first, last = map(str, numbers)
    return f"{', '.join(first)} and {last}" if first else last


def _recover_lost_headings(blocks: list[_Block], notes: list[str]) -> None:
    """An answer whose question's heading was lost at a page break ("a few lines can be missing at
    a break"): the question's last lines, ending in '?', are what follows the break in the block
    before it."""
    asked = {n for block in blocks if block.kind == "question" for n in block.numbers}
    for block in [b for b in blocks if b.kind == "answer" and not asked & set(b.numbers)]:
        position = blocks.index(block)
        before = blocks[position - 1] if position else None
        if before is None or PAGE_BREAK not in before.lines:
            continue
        cut = len(before.lines) - before.lines[::-1].index(PAGE_BREAK)
        if "\n\n".join(paragraphs(before.lines[cut:])).endswith("?"):
            blocks.insert(position, _Block("question", block.numbers, before.lines[cut:]))
            del before.lines[cut - 1 :]
            notes.append(
                f"the heading of question {block.numbers[0]} was lost at a page break: its text is the question after the break"
            )


def _numbered(blocks: list[_Block], kind: str) -> str:
    parts = []
    for block in sorted((b for b in blocks if b.kind == kind), key=lambda b: b.numbers[0]):
        text = "\n\n".join(paragraphs(block.lines))
        if text:
            parts.append(f"{block.numbers[0]}. {text}")
    return "\n\n".join(parts)
