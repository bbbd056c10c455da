"""Running an import over many documents: decode, parse, upsert each in its own transaction, report.

One bad document never stops the others and leaves nothing half-written: each is parsed completely
before anything is written, and written in one transaction.
"""

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, IntegrityError
from django.utils import timezone

from tracker.imports.pdf import pdf_text
from tracker.imports.records import DocumentError, QuestionRecord
from tracker.imports.restore import restore_chains, restore_conflicts
from tracker.imports.structured import OWN_FORMAT, parse_record, records_in
from tracker.imports.text import parse_text_document
from tracker.imports.upsert import question_upsert
from tracker.imports.xml_records import parse_xml
from tracker.models import ImportRun

logger = logging.getLogger(__name__)
UNEXPECTED = "an unexpected error; the details are in the server log"

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSON_SUFFIXES = {".json"}
PDF_SUFFIXES = {".pdf"}
XML_SUFFIXES = {".xml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | PDF_SUFFIXES | XML_SUFFIXES
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|â€")
# Our own format nests 8 levels deep (an export's status history entry with its void); open-data
# records fewer. Anything deeper is not a question record, and would exhaust Python's recursion.
MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


@dataclass
class DocumentResult:
    name: str
    outcome: str  # created, updated, unchanged or failed
    reason: str = ""
    question_id: int | None = None
    citation: str = ""
    suggestions: int = 0
    layout: str = ""  # the layout or format the document was read as
    notes: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of an uploaded or read file, with notes on repairs; DocumentError if it is not text."""
    notes = []
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="strict")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
        notes.append("read as UTF-16")
    else:
        if b"\x00" in data[:4096]:
            raise DocumentError("not a text document (binary content)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise DocumentError("cannot read the text: it is neither UTF-8 nor Windows-1252") from None
            notes.append("read as Windows-1252 (the file is not UTF-8)")
    control = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\n\r\t\f")
    if text and control / min(len(text), 4096) > 0.02:
        raise DocumentError("not a text document (binary content)")
    if _MOJIBAKE.search(text):
        try:
            repaired = text.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        else:
            text = repaired
            notes.append("repaired accents encoded twice (Ã© for é)")
    return text, notes


def json_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest, read without parsing it."""
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub('""', text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_json(text: str) -> object:
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise DocumentError(f"the JSON nests {depth} levels deep; the limit is {MAX_JSON_DEPTH} (an export needs 8)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None


def parse_document(name: str, data: bytes, *, restore: bool = False) -> list[tuple[str, QuestionRecord | DocumentError]]:
    """Every question in one file, each parsed or with the reason it could not be. A restore reads
    full exports only."""
    suffix = Path(name).suffix.lower()
    if restore and suffix not in JSON_SUFFIXES:
        raise DocumentError(f"a restore reads a full export ({OWN_FORMAT!r} JSON), not a {suffix or 'file without type'}")
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"unsupported file type {suffix or '(none)'!r}: use .pdf or .txt (a written question and its answer), "
            ".json or .xml (records)"
        )
    if suffix in XML_SUFFIXES:
        # Read as bytes: the XML declares its own encoding, which the XML parser honours.
        return _structured_records(name, parse_xml(data), [], syntax="XML")
    if suffix in PDF_SUFFIXES:
        # The PDF's text goes through the same parser as a text document.
        extracted = pdf_text(data)
        text, notes = extracted.text, list(extracted.notes)
    else:
        text, notes = decode(data)
    if suffix in JSON_SUFFIXES:
        document = parse_json(text)
        if restore and not (isinstance(document, dict) and document.get("format") == OWN_FORMAT):
            raise DocumentError(f"a restore reads a full export: this JSON is not in the format {OWN_FORMAT!r}")
        return _structured_records(name, document, notes, syntax="JSON")
    record = parse_text_document(text)
    record.notes[:0] = notes
    return [(name, record)]


def _structured_records(name: str, document: object, notes: list[str], *, syntax: str) -> list:
    """Each record of a JSON or XML document, parsed or with the reason it could not be."""
    parsed: list[tuple[str, QuestionRecord | DocumentError]] = []
    for label, item in records_in(document):
        try:
            record = parse_record(item, syntax=syntax)
            record.notes[:0] = notes
            parsed.append((f"{name} ({label})", record))
        except DocumentError as error:
            parsed.append((f"{name} ({label})", error))
    return parsed


def import_documents(
    documents: Iterable[tuple[str, bytes]],
    *,
    user: AbstractBaseUser | None = None,
    origin: str = ImportRun.Origin.COMMAND,
    progress: Callable[[DocumentResult], None] | None = None,
    restore: bool = False,
) -> ImportRun:
    """Import every document; return the run with its per-document report and totals.

    With restore=True (an administrator loading a full export, origin RESTORE), the history keeps
    the file's authors and times; refused unless this installation is empty or holds only entries
    of the export already (a restore run again).
    """
    names: list[str] = []

    def imported(report) -> None:
        records = _records(documents, report, names, restore=restore)
        if restore:
            # A restore reads everything first: its check needs the whole export.
            records = list(records)
            conflicts = restore_conflicts([record for _label, record in records])
            if conflicts:
                records = []
                report(DocumentResult(name=", ".join(names), outcome="failed", reason=_refusal(conflicts)))
        restored = []
        for label, record in records:
            result = _import_one(label, record, user=user, restore=restore)
            report(result)
            if restore and result.question_id:
                restored.append((record, result.question_id))
        if any(commitment.has_chain for record, _pk in restored for commitment in record.commitments):
            report(_restore_chains(", ".join(names), restored))

    return _recorded_run(imported, user=user, origin=origin, progress=progress)


def _restore_chains(name: str, restored: list) -> DocumentResult:
    """The links between commitments of different answers, once every question of the export is
    back: reported as one more entry of the run."""
    label = f"{name} (re-statements, deadline changes, parts and merges)"
    try:
        added = restore_chains(restored, reason=f"restore of {name}"[:100])
    except DocumentError as error:
        return DocumentResult(name=label, outcome="failed", reason=str(error))
    except DatabaseError as error:
        return DocumentResult(name=label, outcome="failed", reason=f"the database refused it: {error}".splitlines()[0])
    return DocumentResult(
        name=label, outcome="created" if added else "unchanged", notes=[f"{added} record(s) added"] if added else []
    )


def import_records(
    records: Iterable[tuple[str, QuestionRecord]],
    *,
    user: AbstractBaseUser | None = None,
    origin: str = ImportRun.Origin.UPLOAD,
) -> ImportRun:
    """Import records that were not read from a file (the paste-in form), as documents are."""

    def imported(report) -> None:
        for label, record in records:
            report(_import_one(label, record, user=user))

    return _recorded_run(imported, user=user, origin=origin)


def _recorded_run(work: Callable, *, user, origin: str, progress=None) -> ImportRun:
    """Run *work* (which reports a DocumentResult per document) as one recorded import run."""
    run = ImportRun.objects.create(origin=origin, started_by=user)
    results: list[DocumentResult] = []

    def report(result: DocumentResult) -> None:
        results.append(result)
        if progress:
            progress(result)

    try:
        work(report)
    finally:
        # Whatever happens, the run ends with its report: "Recent imports" never shows one running forever.
        run.report = [asdict(result) for result in results]
        for outcome in ("created", "updated", "unchanged", "failed"):
            setattr(run, outcome, sum(1 for result in results if result.outcome == outcome))
        run.finished_at = timezone.now()
        run.save()
    return run


def _records(documents, report, names: list[str], *, restore: bool) -> Iterator[tuple[str, QuestionRecord]]:
    """Each document's records, one document at a time; the unreadable ones are reported."""
    for name, data in documents:
        names.append(name)
        try:
            records = parse_document(name, data, restore=restore)
        except DocumentError as error:
            report(DocumentResult(name=name, outcome="failed", reason=str(error)))
            continue
        except Exception:
            logger.exception("Reading %s failed unexpectedly", name)
            report(DocumentResult(name=name, outcome="failed", reason=UNEXPECTED))
            continue
        for label, record in records:
            if isinstance(record, DocumentError):
                report(DocumentResult(name=label, outcome="failed", reason=str(record)))
            else:
                yield label, record


def _refusal(conflicts: list[str]) -> str:
    shown = "; ".join(conflicts[:5]) + (f"; and {len(conflicts) - 5} more" if len(conflicts) > 5 else "")
    return (
        "restore refused, nothing written: a restore goes into an empty installation, or one holding only "
        f"entries of this export (a restore run again). {shown}"
    )


def _import_one(name: str, record: QuestionRecord, *, user, restore: bool = False) -> DocumentResult:
    reason = f"{'restore' if restore else 'import'} of {name}"[:100]
    for attempt in (1, 2):
        try:
            outcome = question_upsert(record, user=user, reason=reason, restore=restore)
        except DocumentError as error:
            return DocumentResult(name=name, outcome="failed", reason=str(error))
        except IntegrityError as error:
            # Two imports of the same new document at once: the one that lost the race for the
            # question's natural key tries once more, and finds the question the other one wrote.
            if attempt == 1:
                continue
            return DocumentResult(
                name=name, outcome="failed", reason=f"conflicts with data already stored: {error}".splitlines()[0]
            )
        except DatabaseError as error:
            return DocumentResult(name=name, outcome="failed", reason=f"the database refused it: {error}".splitlines()[0])
        except Exception:
            logger.exception("Importing %s failed unexpectedly", name)
            return DocumentResult(name=name, outcome="failed", reason=UNEXPECTED)
        question = outcome.question
        return DocumentResult(
            name=name,
            outcome=outcome.outcome,
            question_id=question.pk,
            citation=f"{question.citation} {question.subject}"[:200],
            suggestions=outcome.suggestions_added,
            layout=record.layout,
            notes=outcome.notes,
        )
    raise AssertionError("unreachable")


def files_under(paths: Iterable[str | Path]) -> list[Path]:
    """The importable files named on the command line, folders searched recursively, in a stable order."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            found.append(path)
    return found
