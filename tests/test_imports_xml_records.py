"""Reading XML records into JSON's shapes, and refusing XML that is not safe to read."""

import pytest

from tracker.imports.records import DocumentError
from tracker.imports.runner import import_documents
from tracker.imports.xml_records import MAX_XML_DEPTH, parse_xml
from tracker.models import Person, Question


def test_elements_become_strings_objects_and_lists_as_json_would_give_them():
    document = parse_xml(
        b"<vraag><id>7</id><themas><thema>Wonen</thema><thema>Energie</thema></themas>"
        b"<enkel><thema>Cultuur</thema></enkel><leeg/></vraag>"
    )
    assert document == {"id": "7", "themas": {"thema": ["Wonen", "Energie"]}, "enkel": {"thema": "Cultuur"}, "leeg": ""}


def test_attributes_namespaces_and_nil_are_read():
    document = parse_xml(
        b'<v:vraag xmlns:v="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" count="2">'
        b'<v:URL type="pdf">https://docs.vlaamsparlement.be/pfile?id=1</v:URL><v:tijdig xsi:nil="true"/></v:vraag>'
    )
    assert document == {
        "count": "2",
        "URL": {"type": "pdf", "#text": "https://docs.vlaamsparlement.be/pfile?id=1"},
        "tijdig": None,
    }


def test_the_encoding_the_xml_declares_is_honoured():
    data = '<?xml version="1.0" encoding="windows-1252"?><vraag><onderwerp>Daniëls</onderwerp></vraag>'.encode("cp1252")
    assert parse_xml(data) == {"onderwerp": "Daniëls"}


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<vraag><onderwerp>&lol3;</onderwerp></vraag>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE vraag [<!ENTITY secret SYSTEM "file:///etc/passwd">]><vraag><onderwerp>&secret;</onderwerp></vraag>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE vraag SYSTEM "http://example.invalid/vraag.dtd"><vraag><onderwerp>x</onderwerp></vraag>"""


@pytest.mark.parametrize(
    "data", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD], ids=["entity-bomb", "external-entity", "external-dtd"]
)
def test_xml_with_a_document_type_or_entities_is_refused_unread(data):
    with pytest.raises(DocumentError, match="declares a document type or entities"):
        parse_xml(data)


def test_xml_nested_deeper_than_the_limit_is_refused_naming_it():
    depth = MAX_XML_DEPTH + 5
    with pytest.raises(DocumentError, match=f"nests deeper than {MAX_XML_DEPTH} levels"):
        parse_xml(b"<a>" * depth + b"x" + b"</a>" * depth)


def test_broken_xml_is_reported_with_where_it_breaks():
    with pytest.raises(DocumentError, match="not valid XML: mismatched tag: line 1, column 21"):
        parse_xml(b"<vraag><onderwerp>x</vraag>")


@pytest.mark.django_db
def test_an_unsafe_xml_upload_fails_alone_and_writes_nothing():
    run = import_documents([("bom.xml", BILLION_LAUGHS)])
    assert [(entry["name"], entry["outcome"]) for entry in run.report] == [("bom.xml", "failed")]
    assert "refused unread" in run.report[0]["reason"]
    assert not Question.objects.exists()
    assert not Person.objects.exists()
