"""Building a small, valid PDF of a text for tests: one line of text per line of the PDF, in
Helvetica with the Windows-1252 (WinAnsi) encoding, 50 lines a page. Enough for any PDF reader to
extract the text again; nothing like the layout of the parliament's documents."""

LINES_PER_PAGE = 50


def _escaped(line: str) -> bytes:
    data = line.encode("cp1252", errors="replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_of_text(text: str) -> bytes:
    lines = text.splitlines() or [""]
    pages = [lines[start : start + LINES_PER_PAGE] for start in range(0, len(lines), LINES_PER_PAGE)]
    font = 3 + 2 * len(pages)
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (3 + 2 * index) for index in range(len(pages))), len(pages)),
        font: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for index, page in enumerate(pages):
        # A blank line only moves down, as a paragraph's spacing does in a real document.
        content = (
            b"BT /F1 9 Tf 11 TL 40 800 Td "
            + b" ".join(b"(%s) Tj T*" % _escaped(line) if line.strip() else b"T*" for line in page)
            + b" ET"
        )
        objects[3 + 2 * index] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (
                font,
                4 + 2 * index,
            )
        )
        objects[4 + 2 * index] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in sorted(objects))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
