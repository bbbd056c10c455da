"""A list row, built in Python by the commitment_row tag, shows exactly what the row template showed."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from tests.factories import CommitmentFactory, UserFactory, move_deadline
from tests.html import normalise
from tracker.models import Commitment, Kind
from tracker.roles import Role
from tracker.selectors.commitments import commitment_rows
from tracker.services.commitments import commitment_assign

pytestmark = pytest.mark.django_db

# The row as tracker/includes/commitment_rows.html wrote it before the tag took over: the reference.
TEMPLATE_ROW = """{% load i18n tracker %}{% translate "Minister" as minister_label %}{% translate "Deadline" as deadline_label %}{% translate "Days overdue" as days_label %}{% translate "question" as question_word %}{% translate "Looked after by" as looked_after_label %}
    {% for commitment in commitments %}{% with url=commitment.get_absolute_url %}
    <tr>
      {% if selectable %}<td class="select-cell"><input type="checkbox" name="commitments" value="{{ commitment.pk }}" form="bulk-assign" id="select-{{ commitment.pk }}" {% if select_all %}checked{% endif %}><label class="visually-hidden" for="select-{{ commitment.pk }}">{% blocktranslate with reference=commitment.reference %}Select {{ reference }}{% endblocktranslate %}</label></td>{% endif %}
      <td class="ref"><a href="{{ url }}">{{ commitment.reference }}</a></td>
      <td class="title-cell">
        <a href="{{ url }}">{{ commitment.title }}</a>
        <div class="meta">{{ commitment.get_kind_display }} · {{ question_word }} {{ commitment.answer.question.citation }}{% if commitment.assignee_id and not hide_assignee %} · <span class="assignee-tag" title="{{ looked_after_label }}"><span class="visually-hidden">{{ looked_after_label }}: </span>{{ commitment.assignee.get_full_name|default:commitment.assignee.username }}</span>{% endif %}</div>
      </td>
      <td data-label="{{ minister_label }}">{{ commitment.responsible_person.full_name }}</td>
      <td>{% status_badge commitment.current_status %}</td>
      <td class="nowrap" data-label="{{ deadline_label }}">{% deadline commitment %}{% if commitment.deadline_moves %}{% slip_badge commitment %}{% endif %}</td>
      <td class="text-end" data-label="{{ days_label }}">{% days_late commitment %}</td>
      <td class="nowrap d-none d-xl-table-cell">{{ commitment.status_observed_on|date:"SHORT_DATE_FORMAT" }}</td>
    </tr>
    {% endwith %}{% endfor %}"""
TAG_ROW = "{% load tracker %}{% for commitment in commitments %}{% commitment_row commitment %}{% endfor %}"


@pytest.fixture
def rows(editor):
    today = timezone.localdate()
    overdue = CommitmentFactory(title="Een <oproep> & meer", deadline=today - datetime.timedelta(days=400), status="delayed")
    moved = CommitmentFactory(kind=Kind.STUDY, deadline=today + datetime.timedelta(days=10))
    move_deadline(moved, today + datetime.timedelta(days=40), changed_on=today)
    refusal = CommitmentFactory(kind=Kind.REFUSAL)
    commitment_assign(commitment=overdue, assignee=UserFactory(username="carla", first_name="Carla", role=Role.EDITOR), user=None)
    ids = [overdue.pk, moved.pk, refusal.pk]
    return list(commitment_rows(ids, as_of=today).order_by("pk")), Commitment.objects.filter(pk__in=ids).count()


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    "options",
    [{}, {"selectable": True}, {"selectable": True, "select_all": True}, {"hide_assignee": True}],
    ids=["plain", "selectable", "all ticked", "assignee hidden"],
)
def test_the_row_tag_writes_what_the_row_template_wrote(rows, language, options):
    commitments, count = rows
    assert len(commitments) == count == 3
    with translation.override(language):
        context = {"commitments": commitments, **options}
        expected = Template(TEMPLATE_ROW).render(Context(context))
        assert normalise(Template(TAG_ROW).render(Context(context))) == normalise(expected)
