"""PDFs built at test time from text documents, laid out like the parliaments' own.

A running header on every page, "Pagina 2 van 3" in the footer, paragraphs set apart by space (a
blank line or `---` in the text), bold and italic for its `**` and `*`, lines wrapped to the
page width, page breaks where the text falls, and one page break forced in the middle of a
sentence (after a line that runs to the margin, as a real page break does).
"""

import re

from fpdf import FPDF
from fpdf.enums import EncryptionMethod, MethodReturnValue, XPos, YPos
from PIL import Image, ImageDraw

BODY_SIZE = 11
LINE_HEIGHT = 5.5  # millimetres
PARAGRAPH_SPACE = 3.3  # extra space after a paragraph: 1.6 times the line spacing in all
RUNNING_HEADER = "Vlaams Parlement – Schriftelijke vragen en antwoorden"
FOOTER = "Pagina {page} van {{nb}}"

_SEPARATOR = re.compile(r"^\s*([-_=*]\s*){3,}\s*$")
_RUN = re.compile(r"(\*\*.+?\*\*|\*(?=\S).+?(?<=\S)\*)")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")


class _Document(FPDF):
    def __init__(self, *, header: str, header_size: float, footer: str):
        super().__init__(format="A4")
        # Windows-1252 for the standard fonts, so that the en dash and the curly quotes print.
        self.core_fonts_encoding = "cp1252"
        self.running_header, self.header_size, self.running_footer = header, header_size, footer
        self.set_margins(25, 15, 25)
        self.set_auto_page_break(True, margin=25)

    def header(self):
        if self.running_header:
            self.set_font("helvetica", size=self.header_size)
            self.cell(0, 5, self.running_header, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(8)

    def footer(self):
        if self.running_footer:
            self.set_y(-18)
            self.set_font("helvetica", size=8)
            self.cell(0, 5, self.running_footer.format(page=self.page_no()), align="C")


def pdf_from_text(
    text: str,
    *,
    header: str = RUNNING_HEADER,
    header_size: float = 8,
    footer: str = FOOTER,
    break_mid_sentence: bool = True,
    password: str | None = None,
    encryption: EncryptionMethod = EncryptionMethod.RC4,
) -> bytes:
    """A PDF of a text document. With `password` (may be empty) it is encrypted, readable with
    that user password."""
    pdf = _Document(header=header, header_size=header_size, footer=footer)
    if password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=password, encryption_method=encryption)
    pdf.add_page()
    paragraphs = list(_paragraphs(text))
    halfway = sum(len(line) for lines in paragraphs for line in lines) / 2
    written = 0
    broken = not break_mid_sentence
    for lines in paragraphs:
        for line in lines:
            runs = [run for run in _RUN.split(line) if run]
            if len(runs) > 1:
                for run in runs:
                    _set_font(pdf, run)
                    pdf.write(LINE_HEIGHT, _unmarked(run))
                pdf.ln(LINE_HEIGHT)
                written += len(line)
                continue
            _set_font(pdf, line)
            wrapped = pdf.multi_cell(0, LINE_HEIGHT, _unmarked(line), dry_run=True, output=MethodReturnValue.LINES)
            # fpdf2 hands the wrapped lines back already encoded for the font: decode them again.
            wrapped = [part.encode("latin-1").decode("cp1252") for part in wrapped]
            for index, part in enumerate(wrapped):
                pdf.cell(0, LINE_HEIGHT, part, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                written += len(part)
                if not broken and written >= halfway and index < len(wrapped) - 1 and not _SENTENCE_END.search(part):
                    pdf.add_page()
                    broken = True
        pdf.ln(PARAGRAPH_SPACE)
    return bytes(pdf.output())


def _paragraphs(text: str):
    """The text's paragraphs, each a list of lines; a blank line, a `---` rule or a markdown hard
    break (two spaces at the end of a line) ends a paragraph, as the text parser reads them."""
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        if not raw.strip() or _SEPARATOR.match(raw):
            if current:
                yield current
            current = []
            continue
        current.append(raw.strip())
        if raw.endswith("  "):
            yield current
            current = []
    if current:
        yield current


def _set_font(pdf: FPDF, run: str) -> None:
    style = "B" if run.startswith("**") and run.endswith("**") else "I" if run.startswith("*") and run.endswith("*") else ""
    pdf.set_font("helvetica", style=style, size=BODY_SIZE)


def _unmarked(run: str) -> str:
    return run.strip("*") if _RUN.fullmatch(run) else run


def scanned_pdf(pages: int = 1) -> bytes:
    """A PDF of page images without any text: what a scanner makes."""
    pdf = FPDF(format="A4")
    for _ in range(pages):
        pdf.add_page()
        image = Image.new("L", (620, 877), 255)
        draw = ImageDraw.Draw(image)
        for top in range(80, 800, 24):
            draw.rectangle((60, top, 560, top + 9), fill=40)  # lines of "text", as pixels
        pdf.image(image, x=0, y=0, w=210)
    return bytes(pdf.output())


FOOT = ("", -1.0)  # in pdf_of_pages: the lines after it go to the foot of the page


def pdf_of_pages(pages: list[list[tuple[str, float]]]) -> bytes:
    """A PDF with exactly these lines on each page, top to bottom, each (text, font size); a line
    of size 0 is left empty (space between paragraphs), and FOOT moves to the foot of the page."""
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        pdf.set_y(15)
        for text, size in lines:
            if (text, size) == FOOT:
                pdf.set_y(-35)
            elif size:
                pdf.set_font("helvetica", size=size)
                pdf.cell(0, LINE_HEIGHT * size / BODY_SIZE, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            else:
                pdf.ln(LINE_HEIGHT)
    return bytes(pdf.output())
