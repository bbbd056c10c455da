import datetime

import pytest

from tests.factories import PersonFactory
from tracker.models import Assembly, Person
from tracker.services.people import office_resolve, person_resolve

pytestmark = pytest.mark.django_db


def test_a_known_spelling_finds_the_person():
    cindy = PersonFactory(first_name="Cindy", last_name="Franssen")
    match = person_resolve(name="CINDY FRANSSEN")
    assert (match.person, match.created, match.variant_learned) == (cindy, False, False)


def test_a_one_letter_variant_is_the_same_person_and_is_remembered():
    cindy = PersonFactory(first_name="Cindy", last_name="Franssen")
    match = person_resolve(name="CINDY FRANSEN")
    assert (match.person, match.variant_learned) == (cindy, True)
    assert set(cindy.aliases.values_list("name", flat=True)) == {"Cindy Franssen", "CINDY FRANSEN"}
    assert person_resolve(name="Cindy Fransen").variant_learned is False


def test_a_short_name_one_letter_away_is_not_taken_for_someone_else():
    PersonFactory(first_name="Jan", last_name="Roos")
    match = person_resolve(name="Jan Ross")
    assert match.created


def test_an_unknown_name_creates_a_person_with_a_readable_name():
    match = person_resolve(name="LIESBETH HOMANS")
    assert match.created
    assert (match.person.first_name, match.person.last_name) == ("Liesbeth", "Homans")
    assert Person.objects.named("Liesbeth Homans").get() == match.person


def test_the_open_data_id_identifies_a_person_whatever_the_spelling():
    first = person_resolve(name="An Peeters", open_data_id="1234").person
    second = person_resolve(name="Ann Peeters-Smet", open_data_id="1234").person
    assert first == second


def test_an_office_is_recorded_as_printed_within_the_government_then_in_office():
    minister = PersonFactory()
    flemish = Assembly.objects.get(slug="vlaams-parlement")
    office = office_resolve(person=minister, title="VLAAMS MINISTER VAN  WONEN", on=datetime.date(2018, 6, 29), assembly=flemish)
    assert office.title == "VLAAMS MINISTER VAN WONEN"
    assert office.government.slug == "bourgeois"
    assert (
        office_resolve(person=minister, title="VLAAMS MINISTER VAN WONEN", on=datetime.date(2018, 7, 1), assembly=flemish)
        == office
    )


def test_an_office_in_the_tweede_kamer_belongs_to_the_dutch_cabinet_of_the_day():
    house = Assembly.objects.get(slug="tweede-kamer")
    office = office_resolve(
        person=PersonFactory(),
        title="Minister van Onderwijs, Cultuur en Wetenschap",
        on=datetime.date(2023, 10, 3),
        assembly=house,
    )
    assert office.government.slug == "rutte-iv"
