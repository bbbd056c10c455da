"""The API's views: thin read-only viewsets. Each decides once what the caller may read
(reads_everything) and builds its queryset from the models' own vocabulary; the serializers say
what leaves. Anonymous callers read published commitments, their valid updates with public notes,
the questions and answers that carry them, ministers and governments."""

import datetime
import logging

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiTypes, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import exceptions, routers, viewsets
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from tracker.api import filters, serializers
from tracker.api import schema as _schema  # noqa: F401  (registers the token scheme with drf-spectacular)
from tracker.api.permissions import reads_everything
from tracker.models import Answer, Commitment, DeadlineChange, Government, Office, Person, Question, Status, StatusUpdate
from tracker.models.commitments import open_condition, overdue_condition

logger = logging.getLogger(__name__)


def exception_handler(exc, context):
    """Every error as JSON `{"detail": ...}` (a 400 also with `errors` per parameter); an unexpected
    one is logged and answered with a bare 500, never a stack trace."""
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        return Response({"detail": _("Some query parameters are not valid."), "errors": errors}, status=400)
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("Unexpected error in the API", exc_info=exc)
        return Response({"detail": _("Server error.")}, status=500)
    if not isinstance(response.data, dict) or "detail" not in response.data:
        response.data = {"detail": str(response.data)}
    return response


def api_not_found(request, *args, **kwargs) -> JsonResponse:
    """Any other address under /api/: a JSON 404, like the API's own."""
    return JsonResponse({"detail": _("Not found.")}, status=404)


def tally(commitments: QuerySet, *, as_of: datetime.date) -> dict:
    """*commitments* counted by outcome, in one aggregate."""
    return commitments.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=open_condition()),
        kept=Count("pk", filter=Q(current_status__in=[Status.FULFILLED, Status.PARTIALLY_FULFILLED])),
        broken=Count("pk", filter=Q(current_status__in=Status.broken_values())),
        overdue=Count("pk", filter=overdue_condition(as_of)),
    )


ERRORS = {
    400: serializers.ErrorSerializer,
    401: serializers.ErrorSerializer,
    404: serializers.ErrorSerializer,
    405: serializers.ErrorSerializer,
    406: serializers.ErrorSerializer,
    429: serializers.ErrorSerializer,
}


class VersionHeaderMixin:
    """Every answer says which version of the API gave it (header API-Version)."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = getattr(request, "version", None) or settings.REST_FRAMEWORK["DEFAULT_VERSION"]
        return response


class ApiRootView(VersionHeaderMixin, routers.APIRootView):
    """The open-data API: read-only, JSON. The schema is at schema/, its documentation at docs/."""


class SchemaView(VersionHeaderMixin, SpectacularAPIView):
    pass


# List and detail, nothing else. Anything but GET, HEAD and OPTIONS is a 405 before any
# authentication runs (the API never writes, whoever asks). A comment, not a docstring: the
# schema would give it as every operation's description.
class ReadOnlyViewSet(VersionHeaderMixin, viewsets.ReadOnlyModelViewSet):
    detail_serializer_class = None
    staff = False  # until initial() decides (the schema generator never calls it)

    @property
    def today(self) -> datetime.date:
        return timezone.localdate()

    def initial(self, request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        self.staff = reads_everything(request)

    def get_serializer_class(self):
        return (
            self.detail_serializer_class if self.action == "retrieve" and self.detail_serializer_class else self.serializer_class
        )

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "staff": self.staff}

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # An anonymous caller's JSON is the same for everyone: a shared cache may keep it briefly.
        # Anything a logged-in user or a token reads stays private (never_cache_middleware), and
        # so does the browsable HTML page (it carries a CSRF token).
        # (The user last: a 200 means the caller was authenticated already, so reading it raises nothing.)
        seconds = settings.TRACKER_API_CACHE_SECONDS
        renderer = getattr(request, "accepted_renderer", None)
        if (
            seconds
            and response.status_code == 200
            and request.method in ("GET", "HEAD")
            and getattr(renderer, "format", None) == "json"
            and not request.user.is_authenticated
        ):
            patch_cache_control(response, public=True, max_age=seconds)
        patch_vary_headers(response, ["Authorization", "Cookie", "Accept", "Accept-Language"])
        return response


COMMITMENT_RELATED = [
    "responsible_person",
    "responsible_office__government",
    "answer__question__assembly",
    "parent",
    "assignee",
]


@extend_schema_view(
    list=extend_schema(
        summary="Commitments",
        description="Newest first. Filters as in the staff list.",
        responses={200: serializers.CommitmentSerializer, **ERRORS},
    ),
    retrieve=extend_schema(
        summary="One commitment, with its status history",
        parameters=[
            OpenApiParameter(
                "id",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="Its id (42) or reference (C-00042).",
                pattern=r"^(C-)?[0-9]{1,10}$",
            )
        ],
        responses={200: serializers.CommitmentDetailSerializer, **ERRORS},
    ),
)
class CommitmentViewSet(ReadOnlyViewSet):
    serializer_class = serializers.CommitmentSerializer
    detail_serializer_class = serializers.CommitmentDetailSerializer
    filterset_class = filters.CommitmentApiFilter
    lookup_value_regex = r"(?:C-)?[0-9]{1,10}"

    def visible(self) -> QuerySet:
        return Commitment.objects.all() if self.staff else Commitment.objects.published()

    def get_queryset(self) -> QuerySet:
        queryset = (
            self.visible().select_related(*COMMITMENT_RELATED).prefetch_related("themes").with_overdue_flag(as_of=self.today)
        )
        if self.action == "retrieve":
            updates = StatusUpdate.objects.select_related("void", "confirmation")
            queryset = queryset.prefetch_related(
                Prefetch(
                    "status_updates",
                    queryset=(updates if self.staff else updates.valid()).latest_first(),
                    to_attr="visible_updates",
                ),
                Prefetch(
                    "deadline_changes",
                    queryset=DeadlineChange.objects.order_by("changed_on", "pk"),
                    to_attr="visible_deadline_changes",
                ),
                Prefetch("parts", queryset=self.visible().order_by("pk"), to_attr="visible_parts"),
            )
        return queryset

    def get_object(self) -> Commitment:
        value = self.kwargs["pk"]
        pk = int(value[2:] if value.startswith("C-") else value)
        # Unpublished, merged or unknown: the same 404, so that nobody learns which.
        try:
            commitment = self.get_queryset().get(pk=pk)
        except Commitment.DoesNotExist:
            raise Http404 from None
        self.check_object_permissions(self.request, commitment)
        return commitment


@extend_schema_view(
    list=extend_schema(
        summary="Status updates",
        description="Those that count, of published commitments; newest first.",
        responses={200: serializers.StatusUpdateSerializer, **ERRORS},
    ),
    retrieve=extend_schema(summary="One status update", responses={200: serializers.StatusUpdateSerializer, **ERRORS}),
)
class StatusUpdateViewSet(ReadOnlyViewSet):
    serializer_class = serializers.StatusUpdateSerializer
    filterset_class = filters.StatusUpdateApiFilter
    lookup_value_regex = r"[0-9]{1,10}"

    def get_queryset(self) -> QuerySet:
        updates = (
            StatusUpdate.objects.filter(commitment__merged_into__isnull=True) if self.staff else StatusUpdate.objects.public()
        )
        return updates.select_related("commitment", "void", "confirmation")


def visible_answers(staff: bool) -> QuerySet:
    """Answers that carry a commitment the caller may read (staff: every answer)."""
    if staff:
        return Answer.objects.all()
    return Answer.objects.filter(Exists(Commitment.objects.published().filter(answer=OuterRef("pk"))))


def commitments_of_answers(staff: bool) -> Prefetch:
    return Prefetch(
        "commitments",
        queryset=(Commitment.objects.all() if staff else Commitment.objects.published()).order_by("pk"),
        to_attr="visible_commitments",
    )


@extend_schema_view(
    list=extend_schema(
        summary="Written questions",
        description="Those whose answer carries a published commitment; newest first.",
        responses={200: serializers.QuestionSerializer, **ERRORS},
    ),
    retrieve=extend_schema(
        summary="One written question, with its answer", responses={200: serializers.QuestionDetailSerializer, **ERRORS}
    ),
)
class QuestionViewSet(ReadOnlyViewSet):
    serializer_class = serializers.QuestionSerializer
    detail_serializer_class = serializers.QuestionDetailSerializer
    filterset_class = filters.QuestionApiFilter
    lookup_value_regex = r"[0-9]{1,10}"

    def get_queryset(self) -> QuerySet:
        questions = Question.objects.all()
        if not self.staff:
            questions = questions.filter(Exists(Commitment.objects.published().filter(answer__question=OuterRef("pk"))))
        questions = questions.select_related("assembly", "asker", "addressee", "addressee_office", "answer")
        if self.action == "retrieve":
            return questions.prefetch_related(
                "themes",
                Prefetch(
                    "answer__commitments", queryset=commitments_of_answers(self.staff).queryset, to_attr="visible_commitments"
                ),
            )
        return questions.defer("text", "answer__text")


@extend_schema_view(
    list=extend_schema(
        summary="Answers",
        description="Those that carry a published commitment; newest first.",
        responses={200: serializers.AnswerSerializer, **ERRORS},
    ),
    retrieve=extend_schema(summary="One answer, with its text", responses={200: serializers.AnswerDetailSerializer, **ERRORS}),
)
class AnswerViewSet(ReadOnlyViewSet):
    serializer_class = serializers.AnswerSerializer
    detail_serializer_class = serializers.AnswerDetailSerializer
    filterset_class = filters.AnswerApiFilter
    lookup_value_regex = r"[0-9]{1,10}"

    def get_queryset(self) -> QuerySet:
        answers = visible_answers(self.staff).select_related("question__assembly", "question__addressee")
        answers = answers.prefetch_related(commitments_of_answers(self.staff))
        return answers if self.action == "retrieve" else answers.defer("text", "question__text")


@extend_schema_view(
    list=extend_schema(
        summary="Ministers",
        description="People who held an office or were asked a question, with their offices.",
        responses={200: serializers.MinisterSerializer, **ERRORS},
    ),
    retrieve=extend_schema(
        summary="One minister, with their commitments counted", responses={200: serializers.MinisterDetailSerializer, **ERRORS}
    ),
)
class MinisterViewSet(ReadOnlyViewSet):
    serializer_class = serializers.MinisterSerializer
    detail_serializer_class = serializers.MinisterDetailSerializer
    filterset_class = filters.MinisterApiFilter
    lookup_value_regex = r"[0-9]{1,10}"

    def get_queryset(self) -> QuerySet:
        offices = Office.objects.select_related("government").order_by("-start_date", "pk")
        return Person.objects.ministers().select_related("party").prefetch_related(Prefetch("offices", queryset=offices))

    def get_object(self) -> Person:
        person = super().get_object()
        commitments = Commitment.objects.all() if self.staff else Commitment.objects.published()
        person.tally = tally(commitments.filter(responsible_person=person), as_of=self.today)
        return person


@extend_schema_view(
    list=extend_schema(
        summary="Governments", description="Newest first.", responses={200: serializers.GovernmentSerializer, **ERRORS}
    ),
    retrieve=extend_schema(
        summary="One government, with its offices and commitments counted",
        responses={200: serializers.GovernmentDetailSerializer, **ERRORS},
    ),
)
class GovernmentViewSet(ReadOnlyViewSet):
    serializer_class = serializers.GovernmentSerializer
    detail_serializer_class = serializers.GovernmentDetailSerializer
    filterset_class = filters.GovernmentApiFilter
    lookup_value_regex = r"[0-9]{1,10}"

    def get_queryset(self) -> QuerySet:
        governments = Government.objects.select_related("assembly")
        if self.action == "retrieve":
            offices = Office.objects.select_related("person").order_by("start_date", "pk")
            governments = governments.prefetch_related(Prefetch("offices", queryset=offices))
        return governments

    def get_object(self) -> Government:
        government = super().get_object()
        commitments = Commitment.objects.all() if self.staff else Commitment.objects.published()
        government.tally = tally(commitments.filter(responsible_office__government=government), as_of=self.today)
        return government
