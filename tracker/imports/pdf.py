"""The text layer of a PDF, read page by page without the page furniture, for the text parsers.

The library is pypdf: pure Python with no dependencies (no system library, nothing compiled),
BSD-licensed, released often by an active team, and guarded against hostile files (limits on
decompressed streams, array and dictionary sizes and parsing work: `pypdf.Configuration`). Its
text comes with each piece's position, which is all that is needed here, and a ten-page answer
reads in a tenth of a second. pdfminer.six analyses layout more finely but is several times
slower; pdfplumber builds on it and adds a compiled renderer (pypdfium2) that reading text does
not need; PyMuPDF is compiled and AGPL. AES-encrypted files open when `cryptography` is installed.

From the positions, this module rebuilds what the text parsers expect of a text document:

- lines top to bottom, with a blank line where a paragraph ends (a gap taller than the line
  spacing): the parsers tell paragraphs apart by blank lines;
- no page furniture: running headers and footers (found by comparing the pages: the same text at
  the top or bottom of most pages, or text with a number that goes up with the page, such as
  "Aanhangsel 3"), page numbers on their own ("3", "- 3 -", "Pagina 3 van 7", "3/7"), and the
  small print above or below the running text (footnotes, a colophon);
- a paragraph broken by a page break is whole again: when a page's last line runs to the right
  margin without ending a sentence, the next page's first line continues it. Other pages are
  separated by a blank line, where the text parser's own repair of paragraphs broken
  mid-sentence still applies.
"""

import logging
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from tracker.imports.records import DocumentError

logger = logging.getLogger(__name__)

# A written question and its answer take a few pages; the longest answers with tables some tens.
# The cap bounds the work a hostile or mistaken upload (a whole annual report) can cause.
MAX_PDF_PAGES = 100
SCAN_REFUSAL = "no text layer: this PDF is a scan (an image of the pages); import a PDF with text, or paste the answer"

_ZONE_LINES = 3  # how many lines at the top and at the bottom of a page may be furniture
_PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*(?:/|van|of)\s*\d{1,4})$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
# A sentence ends in punctuation, maybe followed by a footnote mark ("vragenuur? 4", "zwart» is?1").
_SENTENCE_END = re.compile(r"(?:[.!?:;…]['\"’”»)]*(?:\s+\d{1,2})?|[!?»”)]\d{1,2})$")
_PARAGRAPH_GAP = 1.3  # a gap between lines this many times the usual line spacing ends a paragraph
_SMALL_PRINT = 0.85  # text smaller than this share of the running text's size is small print
_FULL_LINE = 0.75  # a line this long, compared with the longest lines, runs to the right margin
_SEGMENT_GAP = 2.0  # text this many character heights apart on one line belongs to two blocks


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: int
    notes: tuple[str, ...] = ()


@dataclass
class _Segment:
    text: str
    size: float


@dataclass
class _Line:
    y: float
    segments: list[_Segment]  # blocks of text on one line, left to right, e.g. a left and a right footer

    @property
    def text(self) -> str:
        return " ".join(segment.text for segment in self.segments)

    @property
    def size(self) -> float:
        return max(self.segments, key=lambda segment: len(segment.text)).size


@dataclass
class _Fragment:
    x: float
    y: float
    size: float
    text: str


@dataclass
class _Page:
    number: int
    lines: list[_Line] = field(default_factory=list)


def pdf_text(data: bytes) -> PdfText:
    """The text of a PDF for the text parsers, with notes on what was left out; DocumentError when
    the file cannot be opened, is damaged, is protected, or has no text layer (a scan)."""
    pages = _read_pages(data)
    if not any(page.lines for page in pages):
        raise DocumentError(SCAN_REFUSAL)
    notes = [f"read from a PDF ({len(pages)} page{'s' if len(pages) != 1 else ''})"]
    without_text = [page.number for page in pages if not page.lines]
    if without_text:
        notes.append(f"no text found on page(s) {_numbers(without_text)} (scanned or damaged): their content is missing")
    body_size = _body_size(pages)
    pitch = _line_spacing(pages, body_size)
    _remove_running_furniture(pages, apart=2 * pitch, body_size=body_size)
    small_print = _remove_small_print(pages, body_size)
    if small_print:
        notes.append(f"left out the small print at the head or foot of page(s) {_numbers(small_print)} (footnotes, colophon)")
    return PdfText(text=_compose(pages, body_size, pitch), pages=len(pages), notes=tuple(notes))


def _read_pages(data: bytes) -> list[_Page]:
    try:
        reader = PdfReader(BytesIO(data))
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise DocumentError(
                f"the PDF has {count} pages; at most {MAX_PDF_PAGES} are read (MAX_PDF_PAGES): "
                "import the written question and its answer on their own"
            )
        return [_Page(number, _page_lines(page)) for number, page in enumerate(reader.pages, start=1)]
    except DocumentError:
        raise
    except FileNotDecryptedError:
        raise DocumentError("the PDF is protected by a password: save a copy without the password and import that") from None
    except DependencyError as error:
        logger.warning("Reading a PDF needs a missing package: %s", error)
        raise DocumentError("the PDF is encrypted in a way this installation cannot open (see the server log)") from None
    except PdfReadError as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DocumentError(f"cannot read the PDF: it is damaged or not a PDF ({reason})") from None
    except (RecursionError, MemoryError):
        raise DocumentError("cannot read the PDF: its structure is too deep or too large to be a document") from None
    except Exception as error:
        # A damaged file makes the library fail in many ways (a missing key, a wrong type, bad
        # compressed data); each means the same to staff: this file cannot be read.
        logger.info("Reading a PDF failed: %r", error)
        raise DocumentError("cannot read the PDF: it is damaged; open it, save it again as PDF, and import that") from None


def _page_lines(page) -> list[_Line]:
    fragments: list[_Fragment] = []

    def visit(text, cm, tm, _font, font_size) -> None:
        text = text.replace("\n", " ")
        _, _, c, d, e, f = _multiply(tm, cm)
        if not text.strip() and (e, f) == (0, 0):
            return  # the end of a line, reported on its own without a position
        # The font size is scaled by the text and page matrices: pypdf reports it unscaled.
        fragments.append(_Fragment(x=e, y=f, size=abs(font_size) * math.hypot(c, d), text=text))

    # Upright text only: text turned sideways is margin furniture (a stamp, a vertical label).
    page.extract_text(orientations=(0,), visitor_text=visit)
    lines = []
    for group in _by_baseline(fragments):
        group.sort(key=lambda fragment: fragment.x)
        segments = _segments(group)
        if segments:
            lines.append(_Line(y=max(f.y for f in group if f.text.strip()), segments=segments))
    return lines


def _multiply(tm, cm) -> tuple[float, ...]:
    a, b, c, d, e, f = tm
    return (
        a * cm[0] + b * cm[2],
        a * cm[1] + b * cm[3],
        c * cm[0] + d * cm[2],
        c * cm[1] + d * cm[3],
        e * cm[0] + f * cm[2] + cm[4],
        e * cm[1] + f * cm[3] + cm[5],
    )


def _by_baseline(fragments: list[_Fragment]) -> list[list[_Fragment]]:
    """Fragments grouped into lines, top to bottom; a raised footnote mark stays on its line."""
    groups: list[list[_Fragment]] = []
    for fragment in sorted(fragments, key=lambda fragment: -fragment.y):
        if groups and groups[-1][-1].y - fragment.y <= 0.4 * max(fragment.size, groups[-1][-1].size, 1):
            groups[-1].append(fragment)
        else:
            groups.append([fragment])
    return groups


def _segments(group: list[_Fragment]) -> list[_Segment]:
    """The blocks of text on one line: fragments far apart (a left and a right footer) are two."""
    blocks: list[list[_Fragment]] = []
    end = None
    for fragment in group:
        # pypdf gives no widths: half the font size per character is a fair estimate.
        if end is None or fragment.x - end > _SEGMENT_GAP * fragment.size:
            blocks.append([fragment])
        else:
            blocks[-1].append(fragment)
        end = fragment.x + 0.5 * fragment.size * len(fragment.text)
    segments = []
    for block in blocks:
        text = " ".join("".join(fragment.text for fragment in block).split())
        if text:
            segments.append(_Segment(text, max(block, key=lambda fragment: len(fragment.text.strip())).size))
    return segments


def _remove_running_furniture(pages: list[_Page], apart: float, body_size: float) -> None:
    """Remove text repeated at the top or bottom of most pages, and page numbers there.

    Lines at the top of pages can look alike by chance ("Vraag 3" on one page, "Vraag 4" on the
    next): a number that goes up with the page only counts in a page's first or last line, and
    only when that line stands `apart` from the running text, as headers and footers do."""
    seen: dict[tuple[str, int | None], set[int]] = defaultdict(set)
    for page in pages:
        for line, outermost in _zone(page, apart, body_size):
            for segment in line.segments:
                for key in _furniture_keys(segment.text, page.number, numbered=outermost):
                    seen[key].add(page.number)
    needed = max(2, math.ceil(len(pages) / 2))
    running = {key for key, numbers in seen.items() if len(numbers) >= needed}
    for page in pages:
        for line, outermost in _zone(page, apart, body_size):
            line.segments = [
                segment
                for segment in line.segments
                if not running.intersection(_furniture_keys(segment.text, page.number, numbered=outermost))
                and not _is_page_number(segment.text, page.number, outermost=outermost)
            ]
        page.lines = [line for line in page.lines if line.segments]


def _zone(page: _Page, apart: float, body_size: float) -> list[tuple[_Line, bool]]:
    """The lines at the top and at the bottom of a page, each with whether it is the first or last
    line standing apart from the running text (small print between them, a colophon, aside)."""
    lines = page.lines
    indexes = range(len(lines)) if len(lines) <= 2 * _ZONE_LINES else [*range(_ZONE_LINES), *range(-_ZONE_LINES, 0)]
    text = [line for line in lines if not _is_small(line, body_size)]
    first_apart = len(lines) == 1 or (len(text) > 1 and lines[0] is text[0] and text[0].y - text[1].y > apart)
    last_apart = len(text) > 1 and lines[-1] is text[-1] and text[-2].y - text[-1].y > apart
    outermost = {0: first_apart, len(lines) - 1: last_apart}
    return [(lines[index], outermost.get(index % len(lines), False)) for index in indexes]


def _furniture_keys(segment: str, page_number: int, *, numbered: bool) -> set[tuple[str, int | None]]:
    """What a running header or footer has in common from page to page: the same words, and
    maybe a number that goes up with the page ("Aanhangsel 3" on the third page, "Aanhangsel 4"
    on the fourth)."""
    text = segment.casefold()
    keys: set[tuple[str, int | None]] = {(text, None)}
    if numbered:
        for match in _DIGITS.finditer(text):
            keys.add((text[: match.start()] + "#" + text[match.end() :], int(match.group()) - page_number))
    return keys


def _is_page_number(segment: str, page_number: int, *, outermost: bool) -> bool:
    return bool(_PAGE_NUMBER.match(segment)) or (outermost and segment == str(page_number))


def _body_size(pages: list[_Page]) -> float:
    """The size of the running text: the size most of the characters have."""
    sizes = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _remove_small_print(pages: list[_Page], body_size: float) -> list[int]:
    """Remove lines in small print above the first or below the last line of running text: a
    letterhead, footnotes, a colophon. A page all in small print is left as it is."""
    removed = []
    for page in pages:
        lines = page.lines
        if all(_is_small(line, body_size) for line in lines):
            continue
        start, end = 0, len(lines)
        while _is_small(lines[start], body_size):
            start += 1
        while _is_small(lines[end - 1], body_size):
            end -= 1
        if (start, end) != (0, len(lines)):
            page.lines = lines[start:end]
            removed.append(page.number)
    return removed


def _is_small(line: _Line, body_size: float) -> bool:
    return line.size < _SMALL_PRINT * body_size


def _compose(pages: list[_Page], body_size: float, pitch: float) -> str:
    full = _full_length(pages, body_size)
    parts: list[str] = []
    previous: _Line | None = None
    for page in pages:
        for index, line in enumerate(page.lines):
            if previous is not None and index == 0:
                # A page break: a last line that runs to the margin mid-sentence goes on here.
                continues = len(previous.text) >= _FULL_LINE * full and not _SENTENCE_END.search(previous.text)
                parts.append("\n" if continues else "\n\n")
            elif previous is not None:
                gap = previous.y - line.y
                parts.append("\n\n" if gap > _PARAGRAPH_GAP * pitch or gap < 0 else "\n")
            parts.append(line.text)
            previous = line
    return "".join(parts) + "\n"


def _line_spacing(pages: list[_Page], body_size: float) -> float:
    """The usual distance between two lines of running text: the smallest, since a gap between
    paragraphs is larger. A document of one-line paragraphs only has no such distance: a line
    spacing of 1.6 is then the most it can be."""
    gaps = [
        above.y - below.y
        for page in pages
        for above, below in zip(page.lines, page.lines[1:], strict=False)
        if abs(above.size - body_size) < 0.5 and abs(below.size - body_size) < 0.5
    ]
    # Lines closer than the letters are high are not two lines of text (an overprint, a raised mark).
    return min([gap for gap in gaps if gap >= 0.95 * body_size] + [1.6 * body_size])


def _full_length(pages: list[_Page], body_size: float) -> int:
    """The length of a line of running text that fills the width of the page."""
    lengths = sorted(len(line.text) for page in pages for line in page.lines if abs(line.size - body_size) < 0.5)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _numbers(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers))
