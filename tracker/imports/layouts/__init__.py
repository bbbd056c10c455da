"""The layouts a text document comes in, one module each, and the detector that chooses one.

- flemish_printed: the Flemish Parliament's written question as printed (the seed);
- flemish_collapsed: the same, copied from the web with its line breaks collapsed;
- tweede_kamer: the Tweede Kamer's answers in the Aanhangsel van de Handelingen.

Each module has a SLUG (the record's layout), a TITLE (named in every refusal), found_at(text)
(where its marker is, or None) and parse(text). detect() picks the layout whose marker comes
first; what every layout repairs (markup, page artefacts, paragraphs, footnotes) is in cleaning.py,
what the two Flemish layouts share in flemish.py.
"""
