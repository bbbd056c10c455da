"""Reading XML records into the shapes JSON gives, so that one parser (structured.py) reads both.

The Flemish Parliament's open-data service answers in XML unless asked for JSON, with the JSON
field names as element names (/work/shared/sources/vlaams-parlement.md). An element becomes a
string when it holds only text, an object of its children (and attributes) otherwise; a name
repeated among siblings becomes a list, so `<themas><thema>A</thema><thema>B</thema></themas>`
reads as {"themas": {"thema": ["A", "B"]}} and a lone `<thema>` as a plain string: the parser
accepts one item wherever it accepts a list.

Parsed with defusedxml rather than lxml: records never carry a document type, so the safe answer
to one is to refuse the file before reading further, which defusedxml does (no entity expansion,
no external entities or DTDs, hence no network and no "billion laughs"); it is pure Python on top
of the standard library's expat, where lxml would add a compiled dependency for features we must
switch off anyway.
"""

from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from tracker.imports.records import DocumentError

# As for JSON (runner.MAX_JSON_DEPTH): a record nests a few levels; anything deeper is not one,
# and would exhaust Python's recursion when converted.
MAX_XML_DEPTH = 32
TEXT = "#text"  # the text of an element that also has attributes
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def parse_xml(data: bytes) -> object:
    """The document's root element as JSON would give it; DocumentError if it is not XML we read."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise DocumentError(
            "the XML declares a document type or entities, which open-data records never do: refused unread"
        ) from None
    except ParseError as error:
        raise DocumentError(f"not valid XML: {error}") from None
    return _value(root, depth=1)


def _name(tag: str) -> str:
    """The local name: '{namespace}thema' and 'thema' are the same field."""
    return tag.rpartition("}")[2]


def _value(element: Element, *, depth: int) -> object:
    if depth > MAX_XML_DEPTH:
        raise DocumentError(f"the XML nests deeper than {MAX_XML_DEPTH} levels; a record needs a few")
    if element.get(_XSI_NIL) in ("true", "1"):
        return None
    text = (element.text or "").strip()
    children = list(element)
    attributes = {_name(key): value for key, value in element.attrib.items() if key != _XSI_NIL}
    if not children and not attributes:
        return text
    result: dict[str, object] = dict(attributes)
    if not children and text:
        result[TEXT] = text
    repeated: set[str] = set()
    for child in children:
        name, value = _name(child.tag), _value(child, depth=depth + 1)
        if name in repeated:
            result[name].append(value)
        elif name in result:
            result[name] = [result[name], value]
            repeated.add(name)
        else:
            result[name] = value
    return result
