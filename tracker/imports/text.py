"""Reading a text document: a written question and its answer, in one of the layouts of
tracker/imports/layouts/ (the Flemish written question, printed or with its line breaks collapsed,
and the Tweede Kamer's Aanhangsel), chosen by the words the document is known by.

parse_text_document() is the single entry point for text, whether a file's or a PDF's text layer.
"""

from tracker.imports.layouts.detect import parse_text_document

__all__ = ["parse_text_document"]
