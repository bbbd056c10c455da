"""Choosing the layout of a text document by the words each layout is known by."""

from types import ModuleType

from tracker.imports.layouts import flemish_collapsed, flemish_printed, tweede_kamer
from tracker.imports.records import DocumentError, QuestionRecord

LAYOUTS: tuple[ModuleType, ...] = (flemish_printed, flemish_collapsed, tweede_kamer)
NOT_RECOGNISED = (
    "layout not recognised: expected a Flemish written question ('SCHRIFTELIJKE VRAAG' … 'nr.' … 'ANTWOORD') "
    "or a Tweede Kamer Aanhangsel ('Vragen van het lid …' … 'Antwoord van …')"
)


def detect(text: str) -> ModuleType:
    """The layout whose marker comes first in *text*; DocumentError when none is there."""
    found = [(position, index) for index, layout in enumerate(LAYOUTS) if (position := layout.found_at(text)) is not None]
    if not found:
        raise DocumentError(NOT_RECOGNISED)
    return LAYOUTS[min(found)[1]]


def parse_text_document(text: str) -> QuestionRecord:
    """Read one question and its answer in whichever layout it comes; a refusal names the layout
    tried and what was missing."""
    layout = detect(text)
    try:
        record = layout.parse(text)
    except DocumentError as error:
        raise DocumentError(f"{layout.TITLE}: {error}") from None
    record.layout = layout.SLUG
    return record
