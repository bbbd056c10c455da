"""Running an import over many documents: decode, parse, upsert each in its own transaction, report.

One bad document never stops the others and leaves nothing half-written: each is parsed completely
before anything is written, and written in one transaction.
"""

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, IntegrityError
from django.utils import timezone

from tracker.imports.records import DocumentError, QuestionRecord
from tracker.imports.structured import parse_record, records_in
from tracker.imports.text import parse_text_document
from tracker.imports.upsert import question_upsert
from tracker.models import ImportRun

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSON_SUFFIXES = {".json"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|â€")


@dataclass
class DocumentResult:
    name: str
    outcome: str  # created, updated, unchanged or failed
    reason: str = ""
    question_id: int | None = None
    citation: str = ""
    suggestions: int = 0
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


def parse_document(name: str, data: bytes) -> list[tuple[str, QuestionRecord | DocumentError]]:
    """Every question in one file, each parsed or with the reason it could not be."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"unsupported file type {suffix or '(none)'!r}: use .txt (a converted document) or .json")
    text, notes = decode(data)
    if suffix in JSON_SUFFIXES:
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise DocumentError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
        parsed = []
        for label, item in records_in(document):
            try:
                record = parse_record(item)
                record.notes[:0] = notes
                parsed.append((f"{name} ({label})", record))
            except DocumentError as error:
                parsed.append((f"{name} ({label})", error))
        return parsed
    record = parse_text_document(text)
    record.notes[:0] = notes
    return [(name, record)]


def import_documents(
    documents: Iterable[tuple[str, bytes]],
    *,
    user: AbstractBaseUser | None = None,
    origin: str = ImportRun.Origin.COMMAND,
    progress: Callable[[DocumentResult], None] | None = None,
) -> ImportRun:
    """Import every document; return the run with its per-document report and totals."""
    run = ImportRun.objects.create(origin=origin, started_by=user)
    results: list[DocumentResult] = []

    def report(result: DocumentResult) -> None:
        results.append(result)
        if progress:
            progress(result)

    for name, data in documents:
        try:
            parsed = parse_document(name, data)
        except DocumentError as error:
            report(DocumentResult(name=name, outcome="failed", reason=str(error)))
            continue
        for label, record in parsed:
            if isinstance(record, DocumentError):
                report(DocumentResult(name=label, outcome="failed", reason=str(record)))
                continue
            report(_import_one(label, record, user=user))
    run.report = [asdict(result) for result in results]
    for outcome in ("created", "updated", "unchanged", "failed"):
        setattr(run, outcome, sum(1 for result in results if result.outcome == outcome))
    run.finished_at = timezone.now()
    run.save()
    return run


def _import_one(name: str, record: QuestionRecord, *, user) -> DocumentResult:
    try:
        outcome = question_upsert(record, user=user, reason=f"import of {name}"[:100])
    except DocumentError as error:
        return DocumentResult(name=name, outcome="failed", reason=str(error))
    except IntegrityError as error:
        return DocumentResult(name=name, outcome="failed", reason=f"conflicts with data already stored: {error}".splitlines()[0])
    except DatabaseError as error:
        return DocumentResult(name=name, outcome="failed", reason=f"the database refused it: {error}".splitlines()[0])
    question = outcome.question
    return DocumentResult(
        name=name,
        outcome=outcome.outcome,
        question_id=question.pk,
        citation=f"{question.citation} {question.subject}"[:200],
        suggestions=outcome.suggestions_added,
        notes=outcome.notes,
    )


def files_under(paths: Iterable[str | Path]) -> list[Path]:
    """The importable files named on the command line, folders searched recursively, in a stable order."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            found.append(path)
    return found
