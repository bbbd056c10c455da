"""Repairing text converted from PDF or copied from the web, whatever its layout.

Conversions carry defects every layout shares: markdown-like bold, italic and heading markers,
'---' separators, page numbers, form feeds, paragraphs broken by a page break ("als die" / "van
mensen"), words hyphenated across lines, lines wrapped inside a paragraph, accents printed beside
their letter ("Kostic ´"), item numbers glued to their first word ("1.Hoeveel") and footnotes at the
foot of each page with their markers in the text. The layouts read the lines this module returns.
"""

import re
import unicodedata

from tracker.imports.dutch_dates import MONTH_PATTERN

PAGE_BREAK = "\f"  # an element of the cleaned lines: a page ended here (it also ends a paragraph)

_SEPARATOR = re.compile(r"^\s*([-_=*]\s*){3,}\s*$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:pagina|blz\.?|page|p\.)\s*\d+(?:\s*(?:van|/|of)\s*\d+)?|-\s*\d+\s*-|\d{1,3})\s*$", re.IGNORECASE
)
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_GLUED_ITEM = re.compile(r"^(\d{1,2}(?:\s*[-–]\s*\d{1,2})?[.)])(?=[A-ZÀ-Ý])")
_GLUED_YEAR = re.compile(rf"\b({MONTH_PATTERN})(\d{{4}})\b", re.IGNORECASE)
# Spacing accents a PDF prints beside their letter ("Kostic ´", "Yes¸ilgöz"), as combining marks. An
# acute or diaeresis only after a space: "euro´s" is an apostrophe.
_SPACING_ACCENTS = {"´": "\u0301", "¨": "\u0308", "ˇ": "\u030c", "˘": "\u0306", "¸": "\u0327", "˛": "\u0328"}
_DETACHED_ACCENT = re.compile(r"([A-Za-z])(?: ([´¨ˇ˘])|([¸˛]))")
SENTENCE_END = re.compile(r"[.!?:;…)\"'»”]\s*$")
_FULL_STOP = re.compile(r"[.!?…][\"'»”)]*\s*$")
ITEM_START = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)])\s")
# A footnote's text at the foot of a page: its number, then the text ("1 Nederlands Dagblad, …",
# "1NU.nl, …", "4(Aanhangsel …)"); an item number ("1. ") is not one.
_NOTE_START = re.compile(r"^(\d{1,2})(?:\s+(?=\S)|(?=[A-Z(«\"“]))")
_MARKDOWN_MARKER = re.compile(r"\[\s*(\d{1,2}(?:\s+\d{1,2})*)\s*\]")
_MARKDOWN_ORDINAL = re.compile(r"\[\s*(e|ste|de)\s*\]")
_MARKER_LINE = re.compile(r"^\s*(\d{1,2}(?:\s*,\s*\d{1,2})*)\s*$")
_MARKER_AT_LINE_START = re.compile(r"^(\d{1,2})\s+(?=[a-zà-ÿ])")
_MARKER_AFTER_QUOTE = re.compile(r"(?<=[»”?])\s?(\d{1,2}(?:\s*,\s*\d{1,2})*)(?=[\s?.,;:]|$)")


def normalise(text: str) -> str:
    """One kind of line end and space; no soft hyphens; accents joined to their letters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    text = _DETACHED_ACCENT.sub(_join_accent, text)
    return _GLUED_YEAR.sub(r"\1 \2", text)  # "augustus2024"


def _join_accent(match: re.Match) -> str:
    letter, accent = match.group(1), match.group(2) or match.group(3)
    joined = unicodedata.normalize("NFC", letter + _SPACING_ACCENTS[accent])
    return joined if len(joined) == 1 else match.group(0)


def strip_markup(line: str) -> str:
    line = _HEADING_MARK.sub("", line)
    return _EMPHASIS.sub(r"\2", line).replace("**", "").strip()


def clean_lines(text: str, *, page_numbers: bool = True) -> list[str]:
    """The text's lines without markup and page artefacts; blank lines end paragraphs, PAGE_BREAK
    marks a page break.

    Some PDF converters keep the space at the end of a line wrapped inside a paragraph ("erin "):
    in their text such a line keeps one trailing space, so that paragraphs() joins it to the next,
    and a line without one ends where the PDF's line ended. A markdown hard break (two spaces) ends
    its paragraph. With page_numbers=False a line holding only a number is kept (in the Tweede
    Kamer's documents it is a footnote marker, or a question's number).
    """
    lines: list[str] = []
    for raw in normalise(text).replace("\f", "\n\f\n").split("\n"):
        if raw == "\f" or _SEPARATOR.match(raw) or (page_numbers and _PAGE_NUMBER.match(raw)):
            lines.append(PAGE_BREAK)
            continue
        line = _GLUED_ITEM.sub(r"\1 ", strip_markup(raw))
        trailing = len(raw) - len(raw.rstrip(" "))
        if line and trailing == 1:
            line += " "
        lines.append(line)
        if line and trailing >= 2:
            lines.append("")
    filled = [line for line in lines if not is_blank(line)]
    if sum(1 for line in filled if line.endswith(" ")) < 0.1 * len(filled):
        lines = [line if line == PAGE_BREAK else line.rstrip(" ") for line in lines]  # a stray space is no convention
    return lines


def is_blank(line: str) -> bool:
    return not line.strip() or line == PAGE_BREAK


def paragraphs(lines: list[str]) -> list[str]:
    """Join lines into paragraphs, then repair paragraphs broken by a page break."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if not is_blank(line):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    found = [paragraph for block in blocks for paragraph in _split_block(block)]
    repaired: list[str] = []
    for paragraph in found:
        if repaired and _continues(repaired[-1], paragraph):
            repaired[-1] = join_broken(repaired[-1], paragraph)
        else:
            repaired.append(paragraph)
    return repaired


def _split_block(lines: list[str]) -> list[str]:
    """The paragraphs in lines not separated by blank lines.

    A line ends its paragraph where the next one starts an item, or where it ends a sentence, the
    next starts a new one, and the converter shows the line ended there: no wrapping space at its
    end (in conversions that keep one), or a line clearly shorter than the typical one (in those
    that do not). Short header lines ("Ja.", "nr. 551") stand alone.
    """
    keeps_spaces = any(line.endswith(" ") for line in lines)
    lengths = sorted(len(line.strip()) for line in lines[:-1]) or [0]
    width = lengths[len(lengths) // 2]  # the typical line: a conversion may have merged some into longer ones
    found: list[str] = []
    text = ""
    previous = ""
    for line in lines:
        stripped = line.strip()
        if not text:
            text = stripped
        elif ITEM_START.match(stripped) or (
            _ends_sentence(previous)
            and _starts_sentence(stripped)
            and _line_ended(previous, text, keeps_spaces=keeps_spaces, width=width)
        ):
            found.append(text)
            text = stripped
        else:
            text = join_broken(text, stripped)
        previous = line
    found.append(text)
    return found


def _ends_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line.rstrip()))


def _starts_sentence(line: str) -> bool:
    return line[:1].isupper() or line[:1].isdigit() or line[:1] in "«\"“'("


def _line_ended(line: str, text: str, *, keeps_spaces: bool, width: int) -> bool:
    if len(text) < 60:
        return True
    if keeps_spaces:
        return not line.endswith(" ")
    return width >= 50 and len(line.strip()) < 0.8 * width


def _continues(previous: str, paragraph: str) -> bool:
    """A paragraph that starts in lower case after running text that stops mid-sentence continues it.

    Short paragraphs are header lines ("nr. 551", "van CINDY FRANSSEN") and are never joined.
    """
    return (
        len(previous.split()) >= 12 and not SENTENCE_END.search(previous) and paragraph[:1].islower() and not previous.isupper()
    )


def join_broken(first: str, second: str) -> str:
    if re.search(r"\w-$", first) and second[:1].islower():
        return first[:-1] + second  # "ver-" + "sterken": a word hyphenated across lines
    return f"{first} {second}"


def name(text: str) -> str:
    return " ".join(text.split()).strip(" .,:")


def remove_footnotes(lines: list[str], *, stops: re.Pattern) -> list[str]:
    """The lines without the footnotes at the foot of each page and without their markers in the
    text.

    Footnotes are numbered 1, 2, 3 … through the document, and each page's run of them lasts to the
    foot of the page: a line that starts with the next footnote's number starts that run only if
    everything after it on the page is footnotes too (no line matching *stops*, such as a heading).
    """
    kept: list[str] = []
    page: list[str] = []
    next_note = 1
    for line in [*lines, PAGE_BREAK]:
        if line != PAGE_BREAK:
            page.append(line)
            continue
        start, next_note = _notes_at_foot(page, next_note, stops)
        kept.extend(page[:start])
        kept.append(PAGE_BREAK)
        page = []
    kept.pop()
    return _remove_markers(kept, notes=set(range(1, next_note)))


def _notes_at_foot(page: list[str], next_note: int, stops: re.Pattern) -> tuple[int, int]:
    """Where the page's footnotes start, and the number of the first one on the next page. The run
    closest to the foot wins: the text above may have a line starting with the same number ("4 is
    de problematiek", where the converter put a marker at the start of a line)."""
    for start in reversed(range(len(page))):
        match = _NOTE_START.match(page[start].strip())
        if not match or int(match.group(1)) != next_note:
            continue
        expected = next_note
        for following in page[start:]:
            stripped = following.strip()
            note = _NOTE_START.match(stripped)
            if note and int(note.group(1)) == expected:
                expected += 1
            elif stripped and stops.match(stripped):
                break
        else:
            return start, expected
    return len(page), next_note


def _remove_markers(lines: list[str], *, notes: set[int]) -> list[str]:
    def known(numbers: str) -> bool:
        return all(int(number) in notes for number in re.findall(r"\d+", numbers))

    kept: list[str] = []
    for line in lines:
        line = _MARKDOWN_ORDINAL.sub(r"\1", _MARKDOWN_MARKER.sub("", line))
        if not notes or line == PAGE_BREAK:
            kept.append(line)
            continue
        marker_line = _MARKER_LINE.match(line)
        if marker_line and known(marker_line.group(1)):
            continue
        at_start = _MARKER_AT_LINE_START.match(line)
        previous = next((text for text in reversed(kept) if not is_blank(text)), "")
        if at_start and known(at_start.group(1)) and previous and not _FULL_STOP.search(previous):
            line = line[at_start.end() :]
        line = _MARKER_AFTER_QUOTE.sub(lambda match: "" if known(match.group(1)) else match.group(0), line)
        kept.append(line)
    return kept
