"""Assignment, following, digests and reminders, and the four-eyes check (issue "Follow-up that
reaches people").

Adding `needs_confirmation` to the status updates makes SQLite rebuild that table, which drops the
append-only trigger of migration 0004: it is put back right after (PostgreSQL keeps it).
"""

from importlib import import_module

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import tracker.models.team


def reinstate_append_only_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in import_module("tracker.migrations.0004_status_updates_append_only").SQLITE:
            schema_editor.execute(statement.replace("CREATE TRIGGER ", "CREATE TRIGGER IF NOT EXISTS ", 1))


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0010_assemblies_and_what_records_carry"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DigestSent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "frequency",
                    models.CharField(
                        choices=[("daily", "Daily"), ("weekly", "Weekly"), ("off", "Off")],
                        max_length=10,
                        verbose_name="frequency",
                    ),
                ),
                ("period_start", models.DateField(verbose_name="from")),
                ("period_end", models.DateField(help_text="The last day the digest covers.", verbose_name="to")),
                ("claimed_at", models.DateTimeField(auto_now_add=True, verbose_name="claimed")),
                (
                    "sent_at",
                    models.DateTimeField(
                        blank=True, help_text="Empty: claimed but not known to be sent.", null=True, verbose_name="sent"
                    ),
                ),
                ("items", models.PositiveIntegerField(default=0, verbose_name="items")),
            ],
            options={
                "verbose_name": "digest sent",
                "verbose_name_plural": "digests sent",
            },
        ),
        migrations.CreateModel(
            name="Follow",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="since")),
            ],
            options={
                "verbose_name": "follow",
                "verbose_name_plural": "follows",
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="Profile",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "digest",
                    models.CharField(
                        choices=[("daily", "Daily"), ("weekly", "Weekly"), ("off", "Off")],
                        default="weekly",
                        help_text="What changed on what you follow or look after, by e-mail.",
                        max_length=10,
                        verbose_name="e-mail digest",
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[("en", "English"), ("nl", "Dutch")], default="en", max_length=10, verbose_name="language"
                    ),
                ),
                (
                    "feed_token",
                    models.CharField(
                        default=tracker.models.team.new_feed_token,
                        editable=False,
                        max_length=64,
                        unique=True,
                        verbose_name="feed token",
                    ),
                ),
            ],
            options={
                "verbose_name": "profile",
                "verbose_name_plural": "profiles",
            },
        ),
        migrations.CreateModel(
            name="ReminderSent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[("due_soon", "Falling due soon"), ("overdue", "Overdue today")],
                        max_length=10,
                        verbose_name="kind",
                    ),
                ),
                (
                    "deadline",
                    models.DateField(
                        help_text="The deadline reminded of: a new deadline gets new reminders.", verbose_name="deadline"
                    ),
                ),
                ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="sent")),
            ],
            options={
                "verbose_name": "reminder sent",
                "verbose_name_plural": "reminders sent",
            },
        ),
        migrations.CreateModel(
            name="StatusUpdateConfirmation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("confirmed", models.BooleanField(verbose_name="confirmed")),
                ("note", models.TextField(blank=True, help_text="Why it is rejected (required then).", verbose_name="note")),
                (
                    "decided_by_name",
                    models.CharField(
                        blank=True,
                        help_text="Who decided, for history restored from another installation without that user.",
                        max_length=150,
                        verbose_name="decided by (restored)",
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name="decided at"),
                ),
            ],
            options={
                "verbose_name": "confirmation of a status update",
                "verbose_name_plural": "confirmations of status updates",
            },
        ),
        migrations.AddField(
            model_name="commitment",
            name="assignee",
            field=models.ForeignKey(
                blank=True,
                help_text="The staff member who looks after this commitment.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="assigned_commitments",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assigned to",
            ),
        ),
        migrations.AddField(
            model_name="historicalcommitment",
            name="assignee",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The staff member who looks after this commitment.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assigned to",
            ),
        ),
        migrations.AddField(
            model_name="statusupdate",
            name="needs_confirmation",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="A status that closes the commitment, recorded with the four-eyes check on: it counts once a second editor confirms it.",
                verbose_name="needs confirmation",
            ),
        ),
        migrations.RunPython(reinstate_append_only_trigger, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="statusupdate",
            index=models.Index(
                condition=models.Q(("needs_confirmation", True)), fields=["recorded_at"], name="tracker_update_to_confirm_idx"
            ),
        ),
        migrations.AddField(
            model_name="digestsent",
            name="user",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="user"
            ),
        ),
        migrations.AddField(
            model_name="follow",
            name="commitment",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="follows",
                to="tracker.commitment",
                verbose_name="commitment",
            ),
        ),
        migrations.AddField(
            model_name="follow",
            name="minister",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="follows",
                to="tracker.person",
                verbose_name="minister",
            ),
        ),
        migrations.AddField(
            model_name="follow",
            name="question",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="follows",
                to="tracker.question",
                verbose_name="question",
            ),
        ),
        migrations.AddField(
            model_name="follow",
            name="theme",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="follows",
                to="tracker.theme",
                verbose_name="theme",
            ),
        ),
        migrations.AddField(
            model_name="follow",
            name="user",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="follows",
                to=settings.AUTH_USER_MODEL,
                verbose_name="user",
            ),
        ),
        migrations.AddField(
            model_name="profile",
            name="user",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tracker_profile",
                to=settings.AUTH_USER_MODEL,
                verbose_name="user",
            ),
        ),
        migrations.AddField(
            model_name="remindersent",
            name="commitment",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="tracker.commitment", verbose_name="commitment"
            ),
        ),
        migrations.AddField(
            model_name="remindersent",
            name="user",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="user"
            ),
        ),
        migrations.AddField(
            model_name="statusupdateconfirmation",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="decided by",
            ),
        ),
        migrations.AddField(
            model_name="statusupdateconfirmation",
            name="update",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="confirmation",
                to="tracker.statusupdate",
                verbose_name="status update",
            ),
        ),
        migrations.AddConstraint(
            model_name="digestsent",
            constraint=models.UniqueConstraint(
                fields=("user", "frequency", "period_start"), name="tracker_digest_once_per_period"
            ),
        ),
        migrations.AddConstraint(
            model_name="follow",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("commitment__isnull", False),
                        ("minister__isnull", True),
                        ("question__isnull", True),
                        ("theme__isnull", True),
                    ),
                    models.Q(
                        ("commitment__isnull", True),
                        ("minister__isnull", False),
                        ("question__isnull", True),
                        ("theme__isnull", True),
                    ),
                    models.Q(
                        ("commitment__isnull", True),
                        ("minister__isnull", True),
                        ("question__isnull", True),
                        ("theme__isnull", False),
                    ),
                    models.Q(
                        ("commitment__isnull", True),
                        ("minister__isnull", True),
                        ("question__isnull", False),
                        ("theme__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="tracker_follow_exactly_one_target",
            ),
        ),
        migrations.AddConstraint(
            model_name="follow",
            constraint=models.UniqueConstraint(
                condition=models.Q(("commitment__isnull", False)),
                fields=("user", "commitment"),
                name="tracker_follow_once_commitment",
            ),
        ),
        migrations.AddConstraint(
            model_name="follow",
            constraint=models.UniqueConstraint(
                condition=models.Q(("minister__isnull", False)), fields=("user", "minister"), name="tracker_follow_once_minister"
            ),
        ),
        migrations.AddConstraint(
            model_name="follow",
            constraint=models.UniqueConstraint(
                condition=models.Q(("theme__isnull", False)), fields=("user", "theme"), name="tracker_follow_once_theme"
            ),
        ),
        migrations.AddConstraint(
            model_name="follow",
            constraint=models.UniqueConstraint(
                condition=models.Q(("question__isnull", False)), fields=("user", "question"), name="tracker_follow_once_question"
            ),
        ),
        migrations.AddConstraint(
            model_name="profile",
            constraint=models.CheckConstraint(
                condition=models.Q(("digest__in", ["daily", "weekly", "off"])), name="tracker_profile_digest_valid"
            ),
        ),
        migrations.AddConstraint(
            model_name="remindersent",
            constraint=models.UniqueConstraint(fields=("commitment", "user", "kind", "deadline"), name="tracker_reminder_once"),
        ),
        migrations.AddConstraint(
            model_name="statusupdateconfirmation",
            constraint=models.CheckConstraint(
                condition=models.Q(("confirmed", True), models.Q(("note", ""), _negated=True), _connector="OR"),
                name="tracker_confirmation_rejection_has_note",
            ),
        ),
    ]
