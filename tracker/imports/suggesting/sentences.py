"""Step 1: the sentences of an answer, with their place in the text.

A careful reader's sentences (the labelled corpus follows the same rules, tests/data/corpus/README.md):
- a sentence ends at ".", "!" or "?" followed by a space or a line break and a capital, a digit or a
  quote, or glued by a converter to a capitalised word ("… vormgegeven.Rijksdienst …"); a line break alone does not end one (answers printed from a PDF wrap their lines);
- abbreviations ("bv.", "o.a.", "m.b.t.", "jl.", "nr.") and footnote markers after the full stop
  ("… de ADR. 2", "… is.8 Het", "[3 ]") do not end a sentence early, nor start the next one;
- a blank line, a heading ("Antwoord 2"), a numbered item ("1. ", "2) ") or a bullet ("–", "•") at the
  start of a line starts a new sentence; the item's number or bullet is not part of it;
- a short line without a full stop between sentences, before a line with a capital, is a heading
  inside the answer ("Voortgangsrapportage PVGO"): no sentence at all;
- a line ending in ":" ends its sentence (the list that follows is made of sentences of its own).

`readable()` gives the words of a sentence as one line, for the later steps to read: words broken
across lines joined again ("vertegenwoordi-\\nging"), footnote markers left out, and a word that a
PDF converter glued to the next one where a line ended parted again where a capital shows it
("deTweede", "isRVO"; not "IenW" or "mRNA"), and glued lower-case words ("zaldaarom", "ikde") where
a list of Dutch words is installed (lexicon.py).
"""

import re
from dataclasses import dataclass

from tracker.imports.suggesting import lexicon
from tracker.imports.suggesting.verbs import CLOSED

ABBREVIATIONS = frozenset(
    [
        "bv",
        "bijv",
        "bijvoorbeeld",
        "nr",
        "nrs",
        "o.a",
        "m.b.t",
        "enz",
        "e.d",
        "art",
        "blz",
        "dhr",
        "mevr",
        "mw",
        "cf",
        "incl",
        "excl",
        "t.e.m",
        "i.s.m",
        "ca",
        "min",
        "prof",
        "dr",
        "mr",
        "ir",
        "vnl",
        "resp",
        "evt",
        "zgn",
        "m.a.w",
        "d.w.z",
        "i.p.v",
        "t.o.v",
        "p",
        "pag",
        "vb",
        "nl",
        "jl",
        "ll",
        "e.a",
        "m.i.v",
        "o.m",
        "w.o",
        "d.i",
        "z.g.a",
        "tel",
        "vzw",
        "d.d",
        "t.a.v",
        "t.b.v",
        "i.o.m",
        "i.c",
        "i.v.m",
        "a.s",
        "st",
        "sr",
        "jr",
        "ing",
        "drs",
        "e.v",
        "n.a.v",
        "m.n",
        "z.o.z",
        "o.b.v",
        "vs",
    ]
)
HEADING = re.compile(r"^(?:antwoord(?:en)?|vraag|vragen)(?:\s+op\s+vraag)?\s+\d+(?:\s*(?:,|en|-|t/m)\s*\d+)*\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^(?:\d{1,2}(?:\s*-\s*\d{1,2})?[.)]|[–•·\-*\x81\uf0b7]|[a-z][.)])\s+")
_END = re.compile(r"[.!?](?:[\"'”»)]*)")
# After a full stop: an optional footnote marker ("2", "[3 ]", "?1"), then the space before the next sentence.
# A converter may glue the next sentence to the full stop ("… vormgegeven.Rijksdienst …"): a word of
# three letters or more, the stop, then a capitalised word.
_AFTER_END = re.compile(
    r"(?:\s?\[\s*\d{1,3}\s*\]|\s?\d{1,2}(?=\s+[\"'“«(]?[A-ZÀ-Ý]))?(?P<space>\s+|(?<=[a-zà-ÿ]{3}[.!?])(?=[A-Z][a-zà-ÿ]{2}))"
)
_TRAILING_MARKER = re.compile(r"(?<=[.!?])(?:\s?\[\s*\d{1,3}\s*\]|\s?\d{1,2})$")
_NEXT_START = re.compile(r"[\"'“«(]?[A-ZÀ-Ý0-9]")


@dataclass(frozen=True)
class Sentence:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _lines(text: str):
    position = 0
    for line in text.split("\n"):
        yield position, line
        position += len(line) + 1


def _blocks(text: str):
    """Runs of lines that may hold one sentence across line breaks: a blank line, a heading, an
    item or bullet, or a line ending in ":" closes a block."""
    block_start, previous_end, in_item = None, None, False
    lines = list(_lines(text))
    for number, (line_start, content) in enumerate(lines):
        stripped = content.strip()
        following = lines[number + 1][1].strip() if number + 1 < len(lines) else ""
        after_a_sentence = block_start is None or text[previous_end - 1 : previous_end] in ".!?:"
        if after_a_sentence and _is_title(stripped, following):
            if block_start is not None:
                yield block_start, previous_end
            block_start = None
            continue  # a heading inside the answer ("Voortgangsrapportage PVGO"): no sentence
        if not stripped or HEADING.match(stripped) or stripped.isdigit():
            if block_start is not None:
                yield block_start, previous_end
            block_start = None
            continue
        if block_start is not None and (
            _ITEM.match(stripped) or (in_item and stripped[:1].isupper() and text[previous_end - 1 : previous_end] not in ",;")
        ):
            yield block_start, previous_end  # a new item, or the text after a list of unpunctuated items
            block_start = None
        if block_start is None:
            in_item = bool(_ITEM.match(stripped))
        if block_start is None:
            block_start = line_start + (len(content) - len(content.lstrip()))
        previous_end = line_start + len(content.rstrip())
        if stripped.endswith(":"):
            yield block_start, previous_end
            block_start = None
    if block_start is not None:
        yield block_start, previous_end


def _is_title(line: str, following: str) -> bool:
    """A short line of words without a full stop, between sentences, before a line that starts with a
    capital: a heading inside the answer ("Huur", "Voortgangsrapportage PVGO")."""
    words = line.split()
    return (
        0 < len(words) <= 6
        and line[:1].isupper()
        and not re.search(r"[.,;:!?)]$", line)
        and following[:1].isupper()
        and words[-1].lower() not in CLOSED
        and not _ITEM.match(line)
    )


def _ends_with_abbreviation(before: str) -> bool:
    word = re.search(r"(?:^|[\s(])([\w.]+)\.$", before)
    if not word:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or bool(re.fullmatch(r"[a-z]", token)) or bool(re.fullmatch(r"(?:\w\.)+\w", token))


def _split_block(text: str, start: int, end: int):
    chunk = text[start:end]
    position = 0
    for stop in _END.finditer(chunk):
        after = _AFTER_END.match(chunk, stop.end())
        if not after:
            continue
        following = chunk[after.end() :]
        if not _NEXT_START.match(following):
            continue
        before = chunk[position : stop.end()]
        if stop.group(0).startswith(".") and _ends_with_abbreviation(chunk[position : stop.start() + 1]):
            continue
        yield start + position, before
        position = after.end()
    yield start + position, chunk[position:]


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of *text* in order, each with its offset: text[start:start + len(sentence)] == sentence."""
    sentences = []
    for block_start, block_end in _blocks(text):
        for offset, sentence in _split_block(text, block_start, block_end):
            item = _ITEM.match(sentence)
            if item:
                offset, sentence = offset + item.end(), sentence[item.end() :]
            stripped = sentence.strip()
            if not stripped or re.fullmatch(r"[\d\s.\[\]]+", stripped):
                continue  # a footnote number alone
            offset += len(sentence) - len(sentence.lstrip())
            stripped = _TRAILING_MARKER.sub("", stripped)  # "… informeren.[2 ]", "… beschikbaar is.8"
            sentences.append(Sentence(offset, stripped))
    return sentences


def readable(sentence: str) -> str:
    """The sentence as one line of words: hyphenation across lines undone, footnote markers out,
    glued words parted."""
    words = re.sub(r"(?<=[a-zà-ÿ])-\s*\n\s*(?=[a-zà-ÿ])", "", sentence)
    words = re.sub(r"\[\s*\d{1,3}\s*\]", "", words)
    words = re.sub(r"(?<=[a-zà-ÿ.,;:)])(\d{1,2})(?=[\s,.;:]|$)", "", words)  # "aanvalsplannen.7", "Agema,7"
    words = re.sub(r"\b([a-zà-ÿ]{2,})(?=[A-Z])", r"\1 ", words)  # "deTweede", "isRVO" (not "IenW", "mRNA")
    words = re.sub(r"\b([A-Z]{3,})(?=(?:wordt|worden|heeft|hebben|is|zijn|zal|zullen|kan|kunnen)\b)", r"\1 ", words)  # "VWSwordt"
    # "het" glued to the next word: hardly any Dutch word begins with "het" (hetzelfde, hetgeen, hetwelk, heterogeen, heten)
    words = re.sub(r"\b([Hh]et)(?!zelfde|geen|welk|ero|e\b|en\b|ze\b)(?=[a-zà-ÿ]{4,}\b)", r"\1 ", words)
    words = re.sub(r"(?<![\w-])[a-zà-ÿ]{4,}(?![\w-])", lambda word: lexicon.unglued(word.group(0)), words)  # "zaldaarom"
    return " ".join(words.split())
