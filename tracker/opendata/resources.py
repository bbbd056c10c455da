"""What the open data holds: one Resource per table (commitments, status updates, questions,
ministers, governments), each with its fields (name, type, description) and a reader of its rows.

The readers select only what is public (see PRODUCT.md and issue 15): published, unmerged
commitments; their valid status updates with the note only where an editor made it public (an
internal note is never even read from the database); the questions and answers they come from
(public parliamentary documents); the ministers responsible for them; the governments. Never an
assignee, a user, a void or rejection reason, a deadline change's reason, a suggestion or an import.

Rows are read in short keyset chunks (or a server-side cursor), so memory stays flat whatever the
size of the register."""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, DeadlineSource, Government, Kind, Person, Question, Status, StatusUpdate

CHUNK = 2000
LIST_SEPARATOR = "; "

# The public site's page of a commitment (tracker/public/, /public/<lang>/commitments/<pk>/): its URL
# name. Where no such page is installed the column `public_path` stays empty.
PUBLIC_COMMITMENT_URL_NAME = "public:commitment"


@dataclass(frozen=True)
class Field:
    """One column of a CSV (one key of each JSON object) and its Frictionless Table Schema type."""

    name: str
    type: str  # string, integer, boolean, date, datetime, array (a list: JSON array, CSV cell joined by "; ")
    description: Promise | str
    choices: type | None = None  # a TextChoices whose values are the only ones allowed
    required: bool = False

    def schema(self) -> dict:
        """The field as a Frictionless Table Schema describes a CSV column."""
        described = {"name": self.name, "description": str(self.description)}
        if self.type == "array":
            described["type"] = "string"
            described["description"] += f" (separated by “{LIST_SEPARATOR.strip()} ”)"
        else:
            described["type"] = self.type
        if self.type == "boolean":  # tracker.exports.csv writes flags as yes/no
            described |= {"trueValues": ["yes"], "falseValues": ["no"]}
        if self.type == "date":
            described["format"] = "default"  # ISO 8601, YYYY-MM-DD
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.choices is not None:
            constraints["enum"] = list(self.choices.values)
        if constraints:
            described["constraints"] = constraints
        return described

    def labelled_choices(self) -> list[tuple[str, str]]:
        """(code, label) of each allowed value, for the download page's data dictionary."""
        return list(self.choices.choices) if self.choices is not None else []


@dataclass(frozen=True)
class Resource:
    """One table of the open data, written as `<name>.csv` and `<name>.json`."""

    name: str
    title: Promise | str
    description: Promise | str
    fields: list[Field]
    rows: Callable[["Context"], Iterator[dict]]
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[dict] = field(default_factory=list)

    @property
    def csv_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def json_name(self) -> str:
        return f"{self.name}.json"


@dataclass(frozen=True)
class Context:
    """What every reader needs: the day the overdue flags are counted on."""

    as_of: datetime.date


def _reference(pk: int | None) -> str | None:
    return f"C-{pk:05d}" if pk else None


def _name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def _keyset_chunks(queryset: QuerySet, fields: Iterable[str], size: int = CHUNK) -> Iterator[list[dict]]:
    """The rows of *queryset* as dicts of *fields* (and pk), by ascending pk, in chunks of *size*:
    each chunk is one short query from where the last ended, so no cursor stays open and memory
    holds one chunk at a time."""
    last = 0
    while True:
        rows = list(queryset.filter(pk__gt=last).order_by("pk").values("pk", *fields)[:size])
        if not rows:
            return
        yield rows
        last = rows[-1]["pk"]


def public_path_pattern() -> str | None:
    """The public page of a commitment in the site's default language, as a pattern with {} for its
    id; None where no public site is installed."""
    try:
        arguments = {"lang": settings.LANGUAGE_CODE, "pk": 999999999}
        return reverse(PUBLIC_COMMITMENT_URL_NAME, kwargs=arguments).replace("999999999", "{}")
    except NoReverseMatch:
        return None


# Commitments -------------------------------------------------------------------------------------

COMMITMENT_FIELDS = [
    Field("reference", "string", _("The commitment's stable reference, e.g. C-00042."), required=True),
    Field("title", "string", _("A short description of what was promised, in the document's language.")),
    Field("quote", "string", _("The exact words of the answer.")),
    Field("kind", "string", _("What kind of promise it is (a refusal is an explicit “no”)."), choices=Kind),
    Field("minister_id", "integer", _("The responsible minister: the id in ministers.csv.")),
    Field("minister", "string", _("The responsible minister's name.")),
    Field("office", "string", _("The responsible minister's office, as printed.")),
    Field("government", "string", _("The government the office belongs to.")),
    Field("government_code", "string", _("The government's code in governments.csv.")),
    Field("themes", "array", _("The policy themes.")),
    Field("target_group", "string", _("Who the promise is for.")),
    Field("deadline", "date", _("The current deadline; empty when there is none.")),
    Field("deadline_wording", "string", _("The answer's own words for the deadline, where it states one.")),
    Field("deadline_source", "string", _("Where the deadline comes from."), choices=DeadlineSource),
    Field("made_on", "date", _("The date of the answer in which the promise was made.")),
    Field("status", "string", _("The current status."), choices=Status),
    Field("status_observed_on", "date", _("The date on which the current status was observed.")),
    Field("overdue", "boolean", _("Whether the promise is overdue on the day the files were generated.")),
    Field("days_overdue", "integer", _("Days past the deadline on that day; empty unless overdue.")),
    Field("first_deadline", "date", _("The first deadline promised.")),
    Field("deadline_moves", "integer", _("How many times the deadline moved.")),
    Field("deadline_slip_days", "integer", _("Days between the first deadline and the current one, summed over its moves.")),
    Field("part_of", "string", _("The programme this commitment is one measure of (its reference), where published.")),
    Field("question_id", "integer", _("The question in whose answer it was made: the id in questions.csv.")),
    Field("assembly", "string", _("The parliament's code.")),
    Field("session_year", "string", _("The question's session year, e.g. 2017-2018.")),
    Field("question_number", "integer", _("The question's number (numbers restart per minister and session year).")),
    Field("question_url", "string", _("The question's page at the parliament, where known.")),
    Field("public_path", "string", _("The commitment's page on this site (a path from the site's address).")),
]


def commitment_rows(context: Context) -> Iterator[dict]:
    commitments = Commitment.objects.published().with_overdue_flag(as_of=context.as_of)
    columns = [
        "title",
        "quote",
        "kind",
        "responsible_person_id",
        "responsible_person__first_name",
        "responsible_person__last_name",
        "responsible_office__title",
        "responsible_office__government__name",
        "responsible_office__government__slug",
        "target_group",
        "deadline",
        "deadline_wording",
        "deadline_source",
        "made_on",
        "current_status",
        "status_observed_on",
        "is_overdue",
        "days_overdue",
        "first_deadline",
        "deadline_moves",
        "deadline_slip_days",
        "parent_id",
        "parent__published",
        "parent__merged_into",
        "answer__question_id",
        "answer__question__assembly__slug",
        "answer__question__session_year",
        "answer__question__number",
        "answer__question__source_url",
    ]
    public_path = public_path_pattern()
    for chunk in _keyset_chunks(commitments, columns):
        themes = defaultdict(list)
        links = Commitment.themes.through.objects.filter(commitment_id__in=[row["pk"] for row in chunk])
        for commitment_id, theme in links.order_by("theme__name").values_list("commitment_id", "theme__name"):
            themes[commitment_id].append(theme)
        for row in chunk:
            parent_public = row["parent_id"] and row["parent__published"] and row["parent__merged_into"] is None
            yield {
                "reference": _reference(row["pk"]),
                "title": row["title"],
                "quote": row["quote"],
                "kind": row["kind"],
                "minister_id": row["responsible_person_id"],
                "minister": _name(row["responsible_person__first_name"], row["responsible_person__last_name"]),
                "office": row["responsible_office__title"] or "",
                "government": row["responsible_office__government__name"] or "",
                "government_code": row["responsible_office__government__slug"] or "",
                "themes": themes[row["pk"]],
                "target_group": row["target_group"],
                "deadline": row["deadline"],
                "deadline_wording": row["deadline_wording"],
                "deadline_source": row["deadline_source"],
                "made_on": row["made_on"],
                "status": row["current_status"],
                "status_observed_on": row["status_observed_on"],
                "overdue": bool(row["is_overdue"]),
                "days_overdue": row["days_overdue"],
                "first_deadline": row["first_deadline"],
                "deadline_moves": row["deadline_moves"],
                "deadline_slip_days": row["deadline_slip_days"],
                "part_of": _reference(row["parent_id"]) if parent_public else None,
                "question_id": row["answer__question_id"],
                "assembly": row["answer__question__assembly__slug"],
                "session_year": row["answer__question__session_year"],
                "question_number": row["answer__question__number"],
                "question_url": row["answer__question__source_url"],
                "public_path": public_path.format(row["pk"]) if public_path else "",
            }


# Status updates ----------------------------------------------------------------------------------

STATUS_UPDATE_FIELDS = [
    Field("id", "integer", _("The status update's id."), required=True),
    Field("commitment", "string", _("The commitment (its reference in commitments.csv)."), required=True),
    Field("status", "string", _("The status observed."), choices=Status),
    Field("observed_on", "date", _("The date on which this status held.")),
    Field("note", "string", _("The editors' note, where they made it public.")),
    Field("evidence_url", "string", _("A link to what shows this status.")),
    Field("evidence_text", "string", _("What shows this status: a later answer, a decision, a letter.")),
]


def status_update_rows(context: Context) -> Iterator[dict]:
    updates = (
        StatusUpdate.objects.public()
        # Only a public note leaves the database: an internal one is never read.
        .annotate(public_note_text=Case(When(note_is_public=True, then=F("note")), default=Value(""), output_field=CharField()))
        .order_by("commitment_id", "observed_on", "recorded_at", "pk")
        .values_list("pk", "commitment_id", "status", "observed_on", "public_note_text", "evidence_url", "evidence_text")
    )
    for pk, commitment_id, status, observed_on, note, evidence_url, evidence_text in updates.iterator(chunk_size=CHUNK):
        yield {
            "id": pk,
            "commitment": _reference(commitment_id),
            "status": status,
            "observed_on": observed_on,
            "note": note,
            "evidence_url": evidence_url,
            "evidence_text": evidence_text,
        }


# Questions and answers ---------------------------------------------------------------------------

QUESTION_FIELDS = [
    Field("id", "integer", _("The question's id."), required=True),
    Field("assembly", "string", _("The parliament's code.")),
    Field("assembly_name", "string", _("The parliament.")),
    Field("session_year", "string", _("The session year, e.g. 2017-2018.")),
    Field("number", "integer", _("The question's number (numbers restart per minister and session year).")),
    Field("subject", "string", _("The question's subject.")),
    Field("asked_on", "date", _("The date the question was asked.")),
    Field("asker", "string", _("The member of parliament who asked it.")),
    Field("addressee_id", "integer", _("The minister it was addressed to: the id in ministers.csv, where listed there.")),
    Field("addressee", "string", _("The minister it was addressed to.")),
    Field("addressee_office", "string", _("The minister's office as the question prints it.")),
    Field("text", "string", _("The question as published.")),
    Field("url", "string", _("The question's page at the parliament, where known.")),
    Field("answer_due_on", "date", _("The last day of the legal term to answer.")),
    Field("answered_on", "date", _("The date of the answer; empty when the document gives none.")),
    Field("answered_late", "boolean", _("Whether the answer came after the legal term; empty when not known.")),
    Field("answer_text", "string", _("The answer as published.")),
    Field("commitments", "array", _("The published commitments made in the answer (their references).")),
]


def _has_published_commitment() -> Exists:
    return Exists(Commitment.objects.published().filter(answer__question=OuterRef("pk")))


def question_rows(context: Context) -> Iterator[dict]:
    questions = Question.objects.filter(_has_published_commitment())
    columns = [
        "assembly__slug",
        "assembly__name",
        "session_year",
        "number",
        "subject",
        "asked_on",
        "asker__first_name",
        "asker__last_name",
        "addressee_id",
        "addressee__first_name",
        "addressee__last_name",
        "addressee_office__title",
        "text",
        "source_url",
        "answer_due_on",
        "answer__answered_on",
        "answer_late",
        "answer__text",
    ]
    for chunk in _keyset_chunks(questions, columns):
        made = defaultdict(list)
        published = Commitment.objects.published().filter(answer__question_id__in=[row["pk"] for row in chunk])
        for question_id, pk in published.order_by("pk").values_list("answer__question_id", "pk"):
            made[question_id].append(_reference(pk))
        for row in chunk:
            yield {
                "id": row["pk"],
                "assembly": row["assembly__slug"],
                "assembly_name": row["assembly__name"],
                "session_year": row["session_year"],
                "number": row["number"],
                "subject": row["subject"],
                "asked_on": row["asked_on"],
                "asker": _name(row["asker__first_name"], row["asker__last_name"]),
                "addressee_id": row["addressee_id"],
                "addressee": _name(row["addressee__first_name"], row["addressee__last_name"]),
                "addressee_office": row["addressee_office__title"] or "",
                "text": row["text"],
                "url": row["source_url"],
                "answer_due_on": row["answer_due_on"],
                "answered_on": row["answer__answered_on"],
                "answered_late": row["answer_late"],
                "answer_text": row["answer__text"] or "",
                "commitments": made[row["pk"]],
            }


# Ministers and governments -----------------------------------------------------------------------

MINISTER_FIELDS = [
    Field("id", "integer", _("The minister's id."), required=True),
    Field("name", "string", _("The minister's name.")),
    Field("first_name", "string", _("First name.")),
    Field("last_name", "string", _("Last name.")),
    Field("party", "string", _("The minister's party, where known.")),
    Field("commitments", "integer", _("How many published commitments the minister is responsible for.")),
]


def minister_rows(context: Context) -> Iterator[dict]:
    published = Q(commitments__published=True, commitments__merged_into__isnull=True)
    ministers = (
        Person.objects.annotate(published_commitments=Count("commitments", filter=published))
        .filter(published_commitments__gt=0)
        .order_by("pk")
        .values_list("pk", "first_name", "last_name", "party__name", "published_commitments")
    )
    for pk, first, last, party, count in ministers.iterator(chunk_size=CHUNK):
        yield {
            "id": pk,
            "name": _name(first, last),
            "first_name": first,
            "last_name": last,
            "party": party or "",
            "commitments": count,
        }


GOVERNMENT_FIELDS = [
    Field("code", "string", _("The government's code."), required=True),
    Field("name", "string", _("The government's name.")),
    Field("assembly", "string", _("The code of the parliament it answers to.")),
    Field("start_date", "date", _("Its swearing-in.")),
    Field("end_date", "date", _("Its end; empty while in office.")),
]


def government_rows(context: Context) -> Iterator[dict]:
    governments = Government.objects.order_by("start_date", "pk").values_list(
        "slug", "name", "assembly__slug", "start_date", "end_date"
    )
    for slug, name, assembly, start, end in governments:
        yield {"code": slug, "name": name, "assembly": assembly, "start_date": start, "end_date": end}


RESOURCES = [
    Resource(
        "commitments",
        _("Commitments"),
        _("One row per published commitment: the promise, its minister, deadline, current status and overdue flag."),
        COMMITMENT_FIELDS,
        commitment_rows,
        primary_key=["reference"],
        foreign_keys=[
            {"fields": "minister_id", "reference": {"resource": "ministers", "fields": "id"}},
            {"fields": "question_id", "reference": {"resource": "questions", "fields": "id"}},
        ],
    ),
    Resource(
        "status_updates",
        _("Status updates"),
        _("The history of each published commitment: every status observed, with its public note and evidence."),
        STATUS_UPDATE_FIELDS,
        status_update_rows,
        primary_key=["id"],
        foreign_keys=[{"fields": "commitment", "reference": {"resource": "commitments", "fields": "reference"}}],
    ),
    Resource(
        "questions",
        _("Questions and answers"),
        _("The written questions in whose answers the published commitments were made, with the answers' text."),
        QUESTION_FIELDS,
        question_rows,
        primary_key=["id"],
    ),
    Resource(
        "ministers",
        _("Ministers"),
        _("The ministers responsible for published commitments."),
        MINISTER_FIELDS,
        minister_rows,
        primary_key=["id"],
    ),
    Resource(
        "governments",
        _("Governments"),
        _("The governments, with the dates they were in office."),
        GOVERNMENT_FIELDS,
        government_rows,
        primary_key=["code"],
    ),
]
