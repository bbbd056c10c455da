"""The minister's letter printed to PDF with fpdf2 and the DejaVu Sans fonts shipped beside this
module (fonts/, with their licence).

Why fpdf2: it is pure Python (with fontTools and Pillow, both wheels), so `make run` prints letters
on a fresh machine with nothing installed from the operating system, and it is actively maintained
(the tests already used it to print sample documents). WeasyPrint lays out HTML and CSS better, but
needs Pango and system fonts installed by apt on every machine that serves the application. A
letter's layout is simple enough to draw: a letterhead, paragraphs and two tables.

The size is bounded: the report holds at most REPORT_ROWS rows per section, and fpdf2 embeds only
the glyphs used (a letter of 400 rows is about 20 pages and a few hundred kilobytes).
"""

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue, XPos, YPos

from tracker.letters.minister import LetterRow, LetterSection, MinisterLetter

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSans"
PAGES = "{nb}"  # fpdf2 replaces it by the number of pages; in the letter's own texts it is broken up

INK = (33, 37, 41)
MUTED = (96, 103, 112)
NAVY = (20, 52, 96)
ACCENT = (176, 141, 47)
RULE = (208, 213, 221)
HEAD_FILL = (232, 237, 244)
STRIPE = (247, 249, 252)
LATE = (155, 28, 28)

LEFT, RIGHT, TOP, BOTTOM = 22.0, 20.0, 16.0, 24.0
WIDTH = 210.0 - LEFT - RIGHT  # 168 mm
# Kenmerk, toezegging, vraag, termijn, dagen.
COLUMNS = (21.0, 53.0, 42.0, 33.0, 19.0)
TABLE_SIZE, TABLE_LINE, PAD = 8.0, 3.7, 1.4
BODY_SIZE, BODY_LINE = 10.0, 5.0


def _clean(text: str) -> str:
    """A text of the letter as printed: a title containing "{nb}" keeps it (split by a zero-width
    space) instead of showing the number of pages."""
    return text.replace(PAGES, PAGES[0] + "\u200b" + PAGES[1:])


class _LetterPDF(FPDF):
    def __init__(self, letter: MinisterLetter):
        super().__init__(format="A4", unit="mm")
        self.letter = letter
        for style, name in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf"), ("I", "DejaVuSans-Oblique.ttf")):
            self.add_font(FAMILY, style, FONTS / name)
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.alias_nb_pages(PAGES)
        self.set_title(_clean(letter.email_subject))
        self.set_subject(_clean(letter.subject))
        self.set_author(_clean(letter.assembly))
        self.set_creator("Commitment tracker")
        self.set_lang("nl")
        self.section: LetterSection | None = None  # a table running over a page break repeats its head
        self.head_lines: list[list[str]] = []

    def font(self, size: float, style: str = "", colour: tuple[int, int, int] = INK) -> None:
        self.set_font(FAMILY, style, size)
        self.set_text_color(*colour)

    # Page furniture -------------------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.font(7.5, colour=MUTED)
        self.set_xy(LEFT, 9)
        self.cell(WIDTH / 2, 4, _clean(self.letter.assembly.upper()))
        self.cell(WIDTH / 2, 4, _clean(self.letter.running_title), align=Align.R)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(LEFT, 14, LEFT + WIDTH, 14)
        self.set_y(TOP + 2)

    def footer(self) -> None:
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(LEFT, 297 - 16, LEFT + WIDTH, 297 - 16)
        self.set_xy(LEFT, 297 - 14.5)
        self.font(7.5, colour=MUTED)
        self.cell(WIDTH * 0.75, 4, _clean(f"{self.letter.assembly} \u2013 {self.letter.running_title}"))
        self.cell(WIDTH * 0.25, 4, f"Pagina {self.page_no()} van {PAGES}", align=Align.R)

    def letterhead(self) -> None:
        letter = self.letter
        self.set_xy(LEFT, TOP)
        self.font(17, "B", NAVY)
        self.set_char_spacing(0.6)
        self.cell(WIDTH, 9, _clean(letter.assembly.upper()), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_char_spacing(0)
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.8)
        self.line(LEFT, self.get_y() + 1, LEFT + 38, self.get_y() + 1)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(LEFT + 38, self.get_y() + 1, LEFT + WIDTH, self.get_y() + 1)
        self.set_y(self.get_y() + 3)
        self.font(7.5, colour=MUTED)
        self.cell(WIDTH, 4, "Opvolging van schriftelijke vragen en toezeggingen", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

        # The addressee on the left (where a window envelope shows it), the date and reference on the right.
        top = 44.0
        self.set_xy(LEFT, top)
        self.font(8, colour=MUTED)
        self.cell(95, 4.5, "Aan", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.font(BODY_SIZE, "B")
        self.multi_cell(95, 5, _clean(letter.addressee), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if letter.office:
            self.font(9)
            self.multi_cell(95, 4.5, _clean(letter.office), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        addressee_bottom = self.get_y()
        x = LEFT + 112
        self.set_xy(x, top)
        for label, value in (("Datum", letter.place_and_date), ("Ons kenmerk", letter.reference)):
            self.set_x(x)
            self.font(8, colour=MUTED)
            self.cell(WIDTH - 112, 4.5, label, new_x=XPos.LEFT, new_y=YPos.NEXT)
            self.font(9)
            self.cell(WIDTH - 112, 4.5, _clean(value), new_x=XPos.LEFT, new_y=YPos.NEXT)
            self.set_y(self.get_y() + 1.5)
        self.set_xy(LEFT, max(addressee_bottom, self.get_y(), 68.0) + 8)
        self.font(BODY_SIZE, "B")
        self.cell(18, BODY_LINE, "Betreft")
        self.font(BODY_SIZE)
        self.multi_cell(WIDTH - 18, BODY_LINE, _clean(letter.subject), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(6)

    # The text ---------------------------------------------------------------------------------

    def paragraph(self, text: str, *, style: str = "", after: float = 3.0) -> None:
        self.font(BODY_SIZE, style)
        self.multi_cell(WIDTH, BODY_LINE, _clean(text), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(after)

    def table_head(self) -> None:
        lines = self.head_lines
        height = max(len(head) for head in lines) * TABLE_LINE + 2 * PAD
        y = self.get_y()
        self.set_fill_color(*HEAD_FILL)
        self.rect(LEFT, y, WIDTH, height, style="F")
        self.font(TABLE_SIZE, "B")
        x = LEFT
        for number, (width, head) in enumerate(zip(COLUMNS, lines, strict=True)):
            self._draw(x, y, width, head, align=Align.R if number == len(COLUMNS) - 1 else Align.L)
            x += width
        self.set_xy(LEFT, y + height)

    def _lines(self, width: float, text: str, style: str = "") -> list[str]:
        """*text* broken into the lines of a column *width* wide: measured once, then drawn line by
        line (breaking lines is what costs time in fpdf2)."""
        self.font(TABLE_SIZE, style)
        return self.multi_cell(width - 2 * PAD, TABLE_LINE, text, dry_run=True, output=MethodReturnValue.LINES) or [""]

    def _draw(self, x: float, y: float, width: float, lines: list[str], *, align: Align = Align.L) -> float:
        for number, line in enumerate(lines):
            self.set_xy(x + PAD, y + PAD + number * TABLE_LINE)
            self.cell(width - 2 * PAD, TABLE_LINE, line, align=align)
        return y + PAD + len(lines) * TABLE_LINE

    def table_row(self, row: LetterRow, *, stripe: bool) -> None:
        reference = self._lines(COLUMNS[0], _clean(row.reference), "B")
        title = self._lines(COLUMNS[1], _clean(row.title))
        promised_in = self._lines(COLUMNS[2], _clean(row.promised_in))
        deadline = self._lines(COLUMNS[3], row.deadline)
        wording = self._lines(COLUMNS[3], _clean(row.deadline_wording), "I")
        height = max(len(reference), len(title), len(promised_in), len(deadline) + len(wording)) * TABLE_LINE + 2 * PAD
        if self.will_page_break(height):
            self.add_page()
            self.table_head()
        y = self.get_y()
        if stripe:
            self.set_fill_color(*STRIPE)
            self.rect(LEFT, y, WIDTH, height, style="F")
        x = LEFT
        self.font(TABLE_SIZE, "B", NAVY)
        self._draw(x, y, COLUMNS[0], reference)
        x += COLUMNS[0]
        self.font(TABLE_SIZE)
        self._draw(x, y, COLUMNS[1], title)
        x += COLUMNS[1]
        self._draw(x, y, COLUMNS[2], promised_in)
        if row.promised_in_url:
            self.link(x, y, COLUMNS[2], height, row.promised_in_url)
        x += COLUMNS[2]
        below = self._draw(x, y, COLUMNS[3], deadline)
        self.font(TABLE_SIZE, "I", MUTED)
        self._draw(x, below - PAD, COLUMNS[3], wording)
        x += COLUMNS[3]
        self.font(TABLE_SIZE, "B" if row.long_overdue else "", LATE if row.long_overdue else INK)
        self._draw(x, y, COLUMNS[4], [str(row.days)], align=Align.R)
        self.set_draw_color(*RULE)
        self.set_line_width(0.15)
        self.line(LEFT, y + height, LEFT + WIDTH, y + height)
        self.set_xy(LEFT, y + height)

    def section_table(self, section: LetterSection) -> None:
        # A heading is never left alone at the foot of a page: it goes with its table's head and first row.
        if self.will_page_break(30):
            self.add_page()
        self.font(11, "B", NAVY)
        self.multi_cell(
            WIDTH, 6, f"{_clean(section.heading)} ({section.total})", align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.ln(1.5)
        if not section.rows:
            self.paragraph(section.empty, after=5)
            return
        self.section = section
        heads = ("Kenmerk", "Toezegging", "Gedaan in antwoord op", "Termijn", section.days_heading)
        self.head_lines = [self._lines(width, head, "B") for width, head in zip(COLUMNS, heads, strict=True)]
        self.table_head()
        for number, row in enumerate(section.rows):
            self.table_row(row, stripe=number % 2 == 1)
        self.section = None
        self.ln(2)
        if section.more:
            self.font(8.5, "I", MUTED)
            self.multi_cell(WIDTH, 4.2, _clean(section.more), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(5)


def letter_pdf(letter: MinisterLetter) -> bytes:
    """The letter as an A4 PDF: letterhead, addressee, date and reference, the introduction, the two
    lists (their heads repeated on every page they run over), the closing; page numbers below."""
    pdf = _LetterPDF(letter)
    pdf.add_page()
    pdf.letterhead()
    pdf.paragraph(letter.salutation)
    for text in letter.introduction:
        pdf.paragraph(text)
    pdf.ln(2)
    for section in letter.sections:
        pdf.section_table(section)
    if pdf.will_page_break(24):  # the closing and the signature stay together
        pdf.add_page()
    pdf.paragraph(letter.closing, after=10)
    pdf.paragraph(letter.signature, style="B")
    return bytes(pdf.output())
