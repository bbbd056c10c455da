"""The Flemish Parliament, its legislatures and the Flemish governments since 2004.

Legislatures run from one election to the next (the last one until the expected 2029 election);
the default horizon of a promise without a deadline is the end of its legislature.
"""

import datetime

from django.db import migrations

LEGISLATURES = [
    ("2004-2009", datetime.date(2004, 6, 13), datetime.date(2009, 6, 7)),
    ("2009-2014", datetime.date(2009, 6, 7), datetime.date(2014, 5, 25)),
    ("2014-2019", datetime.date(2014, 5, 25), datetime.date(2019, 5, 26)),
    ("2019-2024", datetime.date(2019, 5, 26), datetime.date(2024, 6, 9)),
    ("2024-2029", datetime.date(2024, 6, 9), datetime.date(2029, 6, 10)),
]

GOVERNMENTS = [
    ("peeters-i", "Vlaamse Regering Peeters I", datetime.date(2004, 7, 22), datetime.date(2007, 6, 28)),
    ("peeters-ii", "Vlaamse Regering Peeters II", datetime.date(2007, 6, 28), datetime.date(2009, 7, 13)),
    ("peeters-iii", "Vlaamse Regering Peeters III", datetime.date(2009, 7, 13), datetime.date(2014, 7, 25)),
    ("bourgeois", "Vlaamse Regering Bourgeois", datetime.date(2014, 7, 25), datetime.date(2019, 7, 2)),
    ("homans", "Vlaamse Regering Homans", datetime.date(2019, 7, 2), datetime.date(2019, 10, 2)),
    ("jambon", "Vlaamse Regering Jambon", datetime.date(2019, 10, 2), datetime.date(2024, 9, 30)),
    ("diependaele", "Vlaamse Regering Diependaele", datetime.date(2024, 9, 30), None),
]


def add_reference_data(apps, schema_editor):
    Assembly = apps.get_model("tracker", "Assembly")
    Legislature = apps.get_model("tracker", "Legislature")
    Government = apps.get_model("tracker", "Government")
    assembly, _ = Assembly.objects.get_or_create(slug="vlaams-parlement", defaults={"name": "Vlaams Parlement"})
    for name, start, end in LEGISLATURES:
        Legislature.objects.update_or_create(assembly=assembly, name=name, defaults={"start_date": start, "end_date": end})
    # Governments belong to an assembly since migration 0010; tests that put the reference data back
    # after a flush call this function with today's models, where the field is required.
    belongs = {"assembly": assembly} if any(field.name == "assembly" for field in Government._meta.fields) else {}
    for slug, name, start, end in GOVERNMENTS:
        Government.objects.update_or_create(slug=slug, defaults={"name": name, "start_date": start, "end_date": end, **belongs})


def remove_reference_data(apps, schema_editor):
    apps.get_model("tracker", "Government").objects.filter(slug__in=[slug for slug, *_ in GOVERNMENTS]).delete()
    apps.get_model("tracker", "Legislature").objects.filter(assembly__slug="vlaams-parlement").delete()
    apps.get_model("tracker", "Assembly").objects.filter(slug="vlaams-parlement").delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial")]

    operations = [migrations.RunPython(add_reference_data, remove_reference_data)]
