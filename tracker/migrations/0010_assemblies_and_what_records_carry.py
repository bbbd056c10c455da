"""The Tweede Kamer beside the Flemish Parliament, and what the parliaments' records carry.

Governments now belong to the assembly they answer to (the existing ones to the Flemish
Parliament), so that a promise's default horizon and a minister's office are found among its own
assembly's legislatures and governments. The Tweede Kamer comes with its legislatures since 2017 and
the cabinets since Rutte III; the current legislature has no known end yet (the House can be
dissolved early), so promises made in it get no default horizon until one is entered in the admin,
and later cabinets are entered there as they take office.
"""

import datetime

import django.db.models.deletion
from django.db import migrations, models

TWEEDE_KAMER = ("tweede-kamer", "Tweede Kamer der Staten-Generaal")
LEGISLATURES = [
    ("2017-2021", datetime.date(2017, 3, 15), datetime.date(2021, 3, 17)),
    ("2021-2023", datetime.date(2021, 3, 17), datetime.date(2023, 11, 22)),
    ("2023-2025", datetime.date(2023, 11, 22), datetime.date(2025, 10, 29)),
    ("2025-", datetime.date(2025, 10, 29), None),
]
CABINETS = [
    ("rutte-iii", "Kabinet-Rutte III", datetime.date(2017, 10, 26), datetime.date(2022, 1, 10)),
    ("rutte-iv", "Kabinet-Rutte IV", datetime.date(2022, 1, 10), datetime.date(2024, 7, 2)),
    ("schoof", "Kabinet-Schoof", datetime.date(2024, 7, 2), None),
]


def add_tweede_kamer(apps, schema_editor):
    Assembly = apps.get_model("tracker", "Assembly")
    Government = apps.get_model("tracker", "Government")
    Legislature = apps.get_model("tracker", "Legislature")
    flemish = Assembly.objects.get_or_create(slug="vlaams-parlement", defaults={"name": "Vlaams Parlement"})[0]
    Government.objects.filter(assembly__isnull=True).update(assembly=flemish)
    slug, name = TWEEDE_KAMER
    house = Assembly.objects.get_or_create(slug=slug, defaults={"name": name})[0]
    for legislature, start, end in LEGISLATURES:
        Legislature.objects.update_or_create(assembly=house, name=legislature, defaults={"start_date": start, "end_date": end})
    for cabinet, cabinet_name, start, end in CABINETS:
        Government.objects.update_or_create(
            slug=cabinet, defaults={"assembly": house, "name": cabinet_name, "start_date": start, "end_date": end}
        )


def remove_tweede_kamer(apps, schema_editor):
    apps.get_model("tracker", "Government").objects.filter(slug__in=[slug for slug, *_ in CABINETS]).delete()
    apps.get_model("tracker", "Legislature").objects.filter(assembly__slug=TWEEDE_KAMER[0]).delete()
    apps.get_model("tracker", "Assembly").objects.filter(slug=TWEEDE_KAMER[0]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0009_voids_append_only_and_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="answer",
            name="in_time_wording",
            field=models.CharField(
                blank=True,
                help_text="The parliament's 'tijdig' as it gave it, also when the word is not understood (then no verdict is drawn).",
                max_length=100,
                verbose_name="verdict as given",
            ),
        ),
        migrations.AddField(
            model_name="answer",
            name="kind_wording",
            field=models.CharField(
                blank=True,
                help_text="The parliament's 'soort-antwoord' as it gives it, e.g. an answer that refers to another one.",
                max_length=100,
                verbose_name="kind of answer",
            ),
        ),
        migrations.AddField(
            model_name="government",
            name="assembly",
            field=models.ForeignKey(
                help_text="The parliament the government answers to: its ministers answer that parliament's questions.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="governments",
                to="tracker.assembly",
                verbose_name="assembly",
            ),
        ),
        migrations.AddField(
            model_name="historicalanswer",
            name="in_time_wording",
            field=models.CharField(
                blank=True,
                help_text="The parliament's 'tijdig' as it gave it, also when the word is not understood (then no verdict is drawn).",
                max_length=100,
                verbose_name="verdict as given",
            ),
        ),
        migrations.AddField(
            model_name="historicalanswer",
            name="kind_wording",
            field=models.CharField(
                blank=True,
                help_text="The parliament's 'soort-antwoord' as it gives it, e.g. an answer that refers to another one.",
                max_length=100,
                verbose_name="kind of answer",
            ),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="documents",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Links to the published documents of the question and its answer, as the parliament lists them.",
                verbose_name="documents",
            ),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="procedure",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="The parliament's steps as it gives them (status and date), unknown ones included.",
                verbose_name="procedure",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="co_askers",
            field=models.ManyToManyField(
                blank=True,
                help_text="Members who put the question together with the asker (the Tweede Kamer's 'Vragen van de leden ...').",
                related_name="questions_co_asked",
                to="tracker.person",
                verbose_name="also asked by",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="documents",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Links to the published documents of the question and its answer, as the parliament lists them.",
                verbose_name="documents",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="procedure",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="The parliament's steps as it gives them (status and date), unknown ones included.",
                verbose_name="procedure",
            ),
        ),
        migrations.RunPython(add_tweede_kamer, remove_tweede_kamer),
        migrations.AlterField(
            model_name="government",
            name="assembly",
            field=models.ForeignKey(
                help_text="The parliament the government answers to: its ministers answer that parliament's questions.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="governments",
                to="tracker.assembly",
                verbose_name="assembly",
            ),
        ),
        migrations.CreateModel(
            name="HoldingReply",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("received_on", models.DateField(blank=True, null=True, verbose_name="received on")),
                ("text", models.TextField(verbose_name="text")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="holding_replies",
                        to="tracker.question",
                        verbose_name="question",
                    ),
                ),
            ],
            options={
                "verbose_name": "holding reply",
                "verbose_name_plural": "holding replies",
                "ordering": ["received_on", "pk"],
                "constraints": [
                    models.UniqueConstraint(fields=("question", "received_on"), name="tracker_holdingreply_one_per_day")
                ],
            },
        ),
    ]
