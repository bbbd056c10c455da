"""Step 7 of the suggestions: the kind of a promise and its title."""

import pytest

from tracker.imports.suggesting.kinds import kind_of, title_for


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("Ik zal middelen vrijmaken voor een projectoproep.", "project_call"),
        ("Uw Kamer wordt voor de zomer geïnformeerd.", "other"),
        ("Ik kom hier na de zomer op terug.", "other"),
        ("Ik zal het decreet evalueren.", "study"),
        ("Ik bekijk of de regels moeten worden aangescherpt.", "study"),
        ("Ik zal het decreet wijzigen.", "legislation"),
        ("We trekken 4 miljoen euro uit voor renovatie.", "funding"),
        ("Ik ben met de koepels in overleg over de lonen.", "action"),
        ("Ik zal een rondetafel organiseren.", "action"),
        ("Vanuit het ministerie wordt 2 miljoen euro beschikbaar gesteld voor onderzoek.", "funding"),
        ("Bij de herziening van de verordening zet Nederland in op een kortere termijn.", "action"),
        ("Daarna zal een definitief besluit over de handhaving worden genomen.", "other"),
        ("Ik zal een verslag van het gesprek met de Kamer delen.", "other"),
        ("Het kabinet zal de adviezen voorzien van een bestuurlijke reactie.", "other"),
        ("Ik bezie de mogelijkheden om de wachtrij op te schonen.", "study"),
        ("Ik ga in de Alcoholwet een uitzondering opnemen.", "legislation"),
    ],
)
def test_the_kind_follows_the_words_of_the_promise(clause, kind):
    assert kind_of(clause) == kind


def test_titles_are_the_main_clause_without_auxiliaries_connectives_or_deadline():
    assert title_for("Aangezien dit nodig is, wil ik een projectoproep lanceren.", refusal=False) == "Projectoproep lanceren"
    assert title_for("Daarnaast zal ik de sector samenroepen.", refusal=False) == "Sector samenroepen"
    assert title_for("Ik zal het decreet tegen eind 2019 aanpassen.", refusal=False, deadline_wording="tegen eind 2019") == (
        "Decreet aanpassen"
    )
    assert title_for("Ik plan geen nieuwe acties.", refusal=True) == "Geen nieuwe acties"
    assert len(title_for("Ik zal " + "zeer " * 60 + "veel doen.", refusal=False)) <= 120
