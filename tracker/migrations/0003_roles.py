"""The three roles as groups with explicit permissions (README, "Roles").

Viewer reads and exports; Editor also records status updates, edits commitments and deadlines,
imports documents and reviews suggestions; Administrator may do everything, users and roles included.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRACKER_MODELS = [
    "assembly",
    "legislature",
    "government",
    "party",
    "theme",
    "person",
    "personalias",
    "office",
    "question",
    "answer",
    "commitment",
    "statusupdate",
    "suggestion",
    "importrun",
]

VIEWER = [f"tracker.view_{model}" for model in TRACKER_MODELS]
EDITOR = VIEWER + [
    "tracker.add_statusupdate",
    "tracker.add_commitment",
    "tracker.change_commitment",
    "tracker.change_suggestion",
    "tracker.add_importrun",
    "tracker.add_question",
    "tracker.change_question",
    "tracker.add_answer",
    "tracker.change_answer",
    "tracker.add_person",
    "tracker.change_person",
    "tracker.add_personalias",
    "tracker.add_office",
    "tracker.change_office",
    "tracker.add_theme",
]
ADMINISTRATOR_APPS = ["tracker", "auth", "axes"]

ROLES = {"Viewer": VIEWER, "Editor": EDITOR}


def ensure_permissions(apps):
    """Permissions are normally created after all migrations; make sure they exist now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def assign_permissions(apps):
    """Create the three groups and give each its permissions (also used to restore them in tests)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = [
            Permission.objects.get(content_type__app_label=label, codename=codename)
            for label, codename in (name.split(".") for name in codenames)
        ]
        group.permissions.set(permissions)
    administrator, _ = Group.objects.get_or_create(name="Administrator")
    administrator.permissions.set(Permission.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS))


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    assign_permissions(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Viewer", "Editor", "Administrator"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0002_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0009_add_session_hash"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
