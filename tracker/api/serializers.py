"""What the API answers, field by field. Everything a caller reads is named here: nothing leaves by
default (no `fields = "__all__"`). What only staff read sits under `internal`, which is null for
everyone else (tests/test_api_leaks.py holds every anonymous answer to that)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.models import (
    Answer,
    Assembly,
    Commitment,
    DeadlineChange,
    Government,
    Office,
    Party,
    Person,
    Question,
    Status,
    StatusUpdate,
    Theme,
)


def staff(serializer: serializers.Serializer) -> bool:
    """Whether the caller reads as staff (decided once per request by the view)."""
    return bool(serializer.context.get("staff"))


# Small pieces, nested in the resources.
class AssemblySerializer(serializers.ModelSerializer):
    class Meta:
        model = Assembly
        fields = ["slug", "name"]


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name"]


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["name", "abbreviation"]


class PersonSummarySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="full_name")

    class Meta:
        model = Person
        fields = ["id", "name"]


class GovernmentSummarySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="government-detail")

    class Meta:
        model = Government
        fields = ["id", "url", "slug", "name"]


class OfficeSerializer(serializers.ModelSerializer):
    short_title = serializers.CharField(read_only=True, help_text="The title without its leading part, for narrow columns.")
    government = GovernmentSummarySerializer(allow_null=True)

    class Meta:
        model = Office
        fields = ["id", "title", "short_title", "government", "start_date", "end_date"]


class CommitmentRefSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True, help_text="The stable reference people cite, e.g. C-00042.")
    url = serializers.HyperlinkedIdentityField(view_name="commitment-detail")

    class Meta:
        model = Commitment
        fields = ["id", "reference", "url", "title"]


class QuestionSummarySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="question-detail")
    assembly = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    citation = serializers.CharField(read_only=True, help_text="How the parliament cites it: nr. 551 (2017-2018).")

    class Meta:
        model = Question
        fields = ["id", "url", "assembly", "session_year", "number", "citation", "subject", "asked_on"]


class Tally(serializers.Serializer):
    """Commitments counted by outcome (published ones, unless the caller reads as staff)."""

    total = serializers.IntegerField()
    open = serializers.IntegerField(help_text="Still followed up.")
    kept = serializers.IntegerField(help_text="Fulfilled, wholly or partly.")
    broken = serializers.IntegerField(help_text="Not fulfilled.")
    overdue = serializers.IntegerField(help_text="Open promises past their deadline today.")


# Status updates.
class StatusUpdateInternalSerializer(serializers.Serializer):
    note = serializers.CharField(help_text="The note, public or not.")
    note_is_public = serializers.BooleanField()
    counts = serializers.BooleanField(help_text="Not voided, and confirmed where the four-eyes check asks it.")
    voided = serializers.BooleanField()
    awaiting_confirmation = serializers.BooleanField()
    recorded_at = serializers.DateTimeField()


class StatusUpdateSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="status-update-detail")
    commitment = CommitmentRefSerializer()
    note = serializers.CharField(source="public_note", help_text="The note, where an editor made it public; else empty.")
    internal = serializers.SerializerMethodField()

    class Meta:
        model = StatusUpdate
        fields = ["id", "url", "commitment", "status", "observed_on", "note", "evidence_url", "evidence_text", "internal"]

    @extend_schema_field(StatusUpdateInternalSerializer(allow_null=True, help_text="Staff only: null for everyone else."))
    def get_internal(self, update: StatusUpdate) -> dict | None:
        if not staff(self):
            return None
        void = getattr(update, "void", None)
        confirmation = getattr(update, "confirmation", None)
        awaiting = update.needs_confirmation and confirmation is None and void is None
        rejected = update.needs_confirmation and confirmation is not None and not confirmation.confirmed
        return {
            "note": update.note,
            "note_is_public": update.note_is_public,
            "counts": void is None and not awaiting and not rejected,
            "voided": void is not None,
            "awaiting_confirmation": awaiting,
            "recorded_at": serializers.DateTimeField().to_representation(update.recorded_at),
        }


class TimelineUpdateSerializer(StatusUpdateSerializer):
    """A status update inside its commitment's page: without the commitment again."""

    class Meta(StatusUpdateSerializer.Meta):
        fields = ["id", "url", "status", "observed_on", "note", "evidence_url", "evidence_text", "internal"]


# Commitments.
class DeadlineChangeSerializer(serializers.ModelSerializer):
    """When a deadline changed, from what to what; the reason is staff's and stays inside."""

    class Meta:
        model = DeadlineChange
        fields = ["changed_on", "old_deadline", "new_deadline"]


class CommitmentInternalSerializer(serializers.Serializer):
    published = serializers.BooleanField()
    assignee = serializers.CharField(allow_null=True, help_text="Who looks after it (user name), if anyone.")


class CommitmentSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True, help_text="The stable reference people cite, e.g. C-00042.")
    url = serializers.HyperlinkedIdentityField(view_name="commitment-detail")
    status = serializers.ChoiceField(source="current_status", choices=Status.choices)
    minister = PersonSummarySerializer(source="responsible_person")
    office = OfficeSerializer(source="responsible_office", allow_null=True)
    themes = ThemeSerializer(many=True)
    question = QuestionSummarySerializer(source="answer.question")
    answer = serializers.HyperlinkedRelatedField(view_name="answer-detail", read_only=True)
    is_overdue = serializers.BooleanField(help_text="An open promise past its deadline today.")
    days_overdue = serializers.IntegerField(allow_null=True)
    part_of = serializers.SerializerMethodField()
    internal = serializers.SerializerMethodField()

    class Meta:
        model = Commitment
        fields = [
            "id",
            "reference",
            "url",
            "title",
            "quote",
            "kind",
            "status",
            "status_observed_on",
            "minister",
            "office",
            "themes",
            "target_group",
            "made_on",
            "deadline",
            "deadline_source",
            "deadline_wording",
            "is_overdue",
            "days_overdue",
            "first_deadline",
            "deadline_moves",
            "deadline_slip_days",
            "question",
            "answer",
            "part_of",
            "internal",
        ]

    @extend_schema_field(CommitmentRefSerializer(allow_null=True, help_text="The programme it is a measure of."))
    def get_part_of(self, commitment: Commitment) -> dict | None:
        parent = commitment.parent
        if parent is None or not (parent.published or staff(self)):
            return None
        return CommitmentRefSerializer(parent, context=self.context).data

    @extend_schema_field(CommitmentInternalSerializer(allow_null=True, help_text="Staff only: null for everyone else."))
    def get_internal(self, commitment: Commitment) -> dict | None:
        if not staff(self):
            return None
        return {
            "published": commitment.published,
            "assignee": commitment.assignee.get_username() if commitment.assignee else None,
        }


class CommitmentDetailSerializer(CommitmentSerializer):
    status_updates = TimelineUpdateSerializer(many=True, source="visible_updates", help_text="Latest first.")
    deadline_changes = DeadlineChangeSerializer(many=True, source="visible_deadline_changes")
    parts = CommitmentRefSerializer(many=True, source="visible_parts", help_text="Its measures, if it is a programme.")

    class Meta(CommitmentSerializer.Meta):
        fields = [*CommitmentSerializer.Meta.fields, "status_updates", "deadline_changes", "parts"]


# Questions and answers.
class AnswerSummarySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="answer-detail")

    class Meta:
        model = Answer
        fields = ["id", "url", "answered_on"]


class QuestionSerializer(QuestionSummarySerializer):
    assembly = AssemblySerializer()
    asker = PersonSummarySerializer()
    addressee = PersonSummarySerializer()
    office_as_printed = serializers.SerializerMethodField()
    answer = serializers.SerializerMethodField()

    class Meta(QuestionSummarySerializer.Meta):
        fields = [
            *QuestionSummarySerializer.Meta.fields,
            "asker",
            "addressee",
            "office_as_printed",
            "source_url",
            "answer_due_on",
            "answered_on",
            "answer_late",
            "answer",
        ]

    def get_office_as_printed(self, question: Question) -> str | None:
        return question.addressee_office.title if question.addressee_office else None

    @extend_schema_field(AnswerSummarySerializer(allow_null=True))
    def get_answer(self, question: Question) -> dict | None:
        answer = getattr(question, "answer", None)
        return AnswerSummarySerializer(answer, context=self.context).data if answer else None


class AnswerSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="answer-detail")
    question = QuestionSummarySerializer()
    minister = PersonSummarySerializer(source="question.addressee")
    commitments = CommitmentRefSerializer(many=True, source="visible_commitments")

    class Meta:
        model = Answer
        fields = ["id", "url", "question", "minister", "answered_on", "answered_in_time", "source_url", "commitments"]


class AnswerDetailSerializer(AnswerSerializer):
    class Meta(AnswerSerializer.Meta):
        fields = [*AnswerSerializer.Meta.fields, "kind_wording", "text"]


class QuestionDetailSerializer(QuestionSerializer):
    themes = ThemeSerializer(many=True)
    commitments = serializers.SerializerMethodField()

    class Meta(QuestionSerializer.Meta):
        fields = [*QuestionSerializer.Meta.fields, "themes", "text", "commitments"]

    @extend_schema_field(CommitmentRefSerializer(many=True))
    def get_commitments(self, question: Question) -> list:
        answer = getattr(question, "answer", None)
        visible = answer.visible_commitments if answer else []
        return CommitmentRefSerializer(visible, many=True, context=self.context).data


# Ministers and governments.
class MinisterSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="minister-detail")
    name = serializers.CharField(source="full_name")
    party = PartySerializer(allow_null=True)
    offices = OfficeSerializer(many=True)

    class Meta:
        model = Person
        fields = ["id", "url", "name", "first_name", "last_name", "party", "offices"]


class MinisterDetailSerializer(MinisterSerializer):
    commitments = Tally(source="tally", help_text="The commitments they are responsible for.")

    class Meta(MinisterSerializer.Meta):
        fields = [*MinisterSerializer.Meta.fields, "commitments"]


class GovernmentOfficeSerializer(serializers.ModelSerializer):
    minister = PersonSummarySerializer(source="person")

    class Meta:
        model = Office
        fields = ["id", "title", "minister", "start_date", "end_date"]


class GovernmentSerializer(GovernmentSummarySerializer):
    assembly = AssemblySerializer()

    class Meta(GovernmentSummarySerializer.Meta):
        fields = [*GovernmentSummarySerializer.Meta.fields, "assembly", "start_date", "end_date"]


class GovernmentDetailSerializer(GovernmentSerializer):
    offices = GovernmentOfficeSerializer(many=True)
    commitments = Tally(source="tally", help_text="The commitments of its ministers' offices.")

    class Meta(GovernmentSerializer.Meta):
        fields = [*GovernmentSerializer.Meta.fields, "offices", "commitments"]


class ErrorSerializer(serializers.Serializer):
    """Every refusal and error: a message, never a stack trace."""

    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For a 400: what was wrong with each query parameter.",
    )
