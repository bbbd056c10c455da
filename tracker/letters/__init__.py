"""Letters the tracker writes: the minister's letter, the report per minister as a parliament sends
it (minister.py composes it in Dutch, pdf.py prints it, eml.py makes it an e-mail draft)."""
