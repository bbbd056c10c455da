"""Finding the people and offices a document names, creating them when new."""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q

from tracker.models import Government, Office, Party, Person, PersonAlias
from tracker.names import display_name, normalise_name, one_letter_apart


@dataclass(frozen=True)
class PersonMatch:
    person: Person
    created: bool
    variant_learned: bool  # the name was a new spelling of a known person (FRANSEN for FRANSSEN)


def _split_name(name: str) -> tuple[str, str]:
    words = display_name(name).split()
    if len(words) == 1:
        return "", words[0]
    return words[0], " ".join(words[1:])


def _close_variant(name: str) -> Person | None:
    """A known person whose name differs by one letter in one word, the first name being equal."""
    key = normalise_name(name).split()
    candidates = PersonAlias.objects.select_related("person")
    for alias in candidates.filter(normalised__contains=key[0] if key else ""):
        other = alias.normalised.split()
        if len(other) != len(key):
            continue
        differing = [(a, b) for a, b in zip(key, other, strict=True) if a != b]
        if len(differing) == 1 and min(len(differing[0][0]), len(differing[0][1])) >= 5 and one_letter_apart(*differing[0]):
            return alias.person
    return None


@transaction.atomic
def person_resolve(
    *, name: str, first_name: str = "", last_name: str = "", open_data_id: str | None = None, party: str = ""
) -> PersonMatch:
    """The person a document calls *name*: by open-data id, by a known spelling, by a one-letter
    variant of one (recorded as a new spelling), or else a new person (with *party*, as printed)."""
    name = " ".join(name.split()) or f"{first_name} {last_name}".strip()
    if open_data_id:
        person = Person.objects.filter(open_data_id=open_data_id).first()
        if person:
            created_alias = person_add_alias(person, name)
            return PersonMatch(person, created=False, variant_learned=created_alias)
    person = Person.objects.named(name).first()
    if person:
        if open_data_id and not person.open_data_id:
            person.open_data_id = open_data_id
            person.save(update_fields=["open_data_id"])
        return PersonMatch(person, created=False, variant_learned=False)
    person = _close_variant(name)
    if person:
        person_add_alias(person, name)
        return PersonMatch(person, created=False, variant_learned=True)
    if not (first_name or last_name):
        first_name, last_name = _split_name(name)
    try:
        # The new person claims the spelling through its unique key. Two imports of the same new
        # name at once: the second waits on the first's key, fails here, and takes that person.
        with transaction.atomic():
            person = Person.objects.create(
                first_name=display_name(first_name),
                last_name=display_name(last_name),
                open_data_id=open_data_id or None,
                party=party_resolve(party),
            )
            PersonAlias.objects.create(person=person, name=name)
    except IntegrityError:
        claimed = PersonAlias.objects.select_related("person").filter(normalised=normalise_name(name)).first()
        if claimed is not None:
            return PersonMatch(claimed.person, created=False, variant_learned=False)
        # Or the other import claimed the open-data id: the person is known by that.
        known = Person.objects.filter(open_data_id=open_data_id).first() if open_data_id else None
        if known is None:
            raise
        return PersonMatch(known, created=False, variant_learned=person_add_alias(known, name))
    person_add_alias(person, person.full_name)
    return PersonMatch(person, created=True, variant_learned=False)


def person_add_alias(person: Person, name: str) -> bool:
    """Remember *name* as a spelling of *person*; False when that spelling was known already."""
    if not name:
        return False
    _, created = PersonAlias.objects.get_or_create(normalised=normalise_name(name), defaults={"person": person, "name": name})
    return created


def office_resolve(*, person: Person, title: str, on: datetime.date, assembly) -> Office | None:
    """The office *person* held on *on* under the printed *title*, created within the government of
    *assembly* (an Assembly or its id) then in office."""
    title = " ".join(title.split())
    if not title:
        return Office.objects.held_by(person).containing(on).first()
    government = Government.objects.filter(assembly=assembly).containing(on).order_by("-start_date").first()
    office, _created = Office.objects.get_or_create(
        person=person,
        government=government,
        title=title,
        defaults={
            "start_date": government.start_date if government else on,
            "end_date": government.end_date if government else None,
        },
    )
    return office


def party_resolve(name: str) -> Party | None:
    """The party printed as *name* (an abbreviation such as "PvdA", or a full name), created when new."""
    name = " ".join(name.split())
    if not name:
        return None
    known = Party.objects.filter(Q(abbreviation__iexact=name) | Q(name__iexact=name)).first()
    if known:
        return known
    return Party.objects.get_or_create(name=name, defaults={"abbreviation": name if len(name) <= 20 else ""})[0]
