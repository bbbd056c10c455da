"""Publishing: a commitment is published (public site, open data) or internal, and a status update's
note public or staff only. Existing commitments stay internal: nothing becomes public by upgrading.

The note's visibility is the one thing of a status update that may change after it is recorded (an
editor withdraws a note from the public), so the append-only trigger now refuses an UPDATE unless
it changes that column alone. SQLite rebuilds both tables to add the columns, dropping their
triggers: they are created again here."""

from importlib import import_module

from django.db import migrations, models

import tracker.models.commitments

MESSAGE = "status updates are append-only: record a newer update instead of changing one"

# Every column an update is recorded with; only note_is_public is left out.
RECORDED_COLUMNS = (
    "id",
    "commitment_id",
    "status",
    "observed_on",
    "note",
    "evidence_url",
    "evidence_text",
    "recorded_by_id",
    "recorded_by_name",
    "recorded_at",
    "needs_confirmation",
)

POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION tracker_statusupdate_refuse_update() RETURNS trigger AS $$
    BEGIN
        IF (to_jsonb(NEW) - 'note_is_public') IS DISTINCT FROM (to_jsonb(OLD) - 'note_is_public') THEN
            RAISE EXCEPTION '{MESSAGE}';
        END IF;
        RETURN NEW;
    END; $$ LANGUAGE plpgsql""",
]
SQLITE_CHANGED = " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in RECORDED_COLUMNS)
SQLITE = [
    "DROP TRIGGER IF EXISTS tracker_statusupdate_append_only",
    f"""CREATE TRIGGER tracker_statusupdate_append_only BEFORE UPDATE ON tracker_statusupdate
    WHEN {SQLITE_CHANGED}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]


def note_visibility_may_change(apps, schema_editor):
    for statement in POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement)


def tallies_again_on_sqlite(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        import_module("tracker.migrations.0014_promises_across_answers").tallies_leave_out_merged(apps, schema_editor)


def existing_commitments_stay_internal(apps, schema_editor):
    apps.get_model("tracker", "Commitment").objects.update(published=False)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0014_promises_across_answers"),
    ]

    operations = [
        migrations.AddField(
            model_name="commitment",
            name="published",
            field=models.BooleanField(
                default=tracker.models.commitments.published_by_default,
                help_text="Shown on the public site and in the open data, with its public notes; otherwise internal.",
                verbose_name="published",
            ),
        ),
        migrations.AddField(
            model_name="historicalcommitment",
            name="published",
            field=models.BooleanField(
                default=tracker.models.commitments.published_by_default,
                help_text="Shown on the public site and in the open data, with its public notes; otherwise internal.",
                verbose_name="published",
            ),
        ),
        migrations.AddField(
            model_name="statusupdate",
            name="note_is_public",
            field=models.BooleanField(
                default=False,
                help_text="Show the note on the public site with the published commitment; otherwise staff only.",
                verbose_name="public note",
            ),
        ),
        migrations.RunPython(existing_commitments_stay_internal, migrations.RunPython.noop),
        migrations.RunPython(note_visibility_may_change, migrations.RunPython.noop),
        migrations.RunPython(tallies_again_on_sqlite, migrations.RunPython.noop),
    ]
