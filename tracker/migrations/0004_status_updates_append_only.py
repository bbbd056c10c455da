"""Status updates are append-only, enforced by the database itself: an UPDATE of a row is refused
whatever issues it (a form, the admin, a bulk queryset update, a SQL console). A correction is a
newer status update. Deleting stays possible for data removal by an administrator; PROTECT on the
commitment foreign key already stops deleting a commitment that has a history."""

from django.db import migrations

MESSAGE = "status updates are append-only: record a newer update instead of changing one"

POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION tracker_statusupdate_refuse_update() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER tracker_statusupdate_append_only BEFORE UPDATE ON tracker_statusupdate
    FOR EACH ROW EXECUTE FUNCTION tracker_statusupdate_refuse_update()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS tracker_statusupdate_append_only ON tracker_statusupdate",
    "DROP FUNCTION IF EXISTS tracker_statusupdate_refuse_update()",
]
SQLITE = [
    f"""CREATE TRIGGER tracker_statusupdate_append_only BEFORE UPDATE ON tracker_statusupdate
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS tracker_statusupdate_append_only"]


def add_trigger(apps, schema_editor):
    for statement in POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement)


def remove_trigger(apps, schema_editor):
    for statement in POSTGRESQL_REVERSE if schema_editor.connection.vendor == "postgresql" else SQLITE_REVERSE:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0003_roles")]

    operations = [migrations.RunPython(add_trigger, remove_trigger)]
