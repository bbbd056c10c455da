"""The dashboard's panel lines, built in Python by the panel_item and recent_update_item tags, show
exactly what the panel templates showed."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from tests.factories import CommitmentFactory, UserFactory
from tests.html import normalise
from tracker.models import Status
from tracker.selectors.commitments import commitment_rows
from tracker.services.commitments import commitment_record_status

pytestmark = pytest.mark.django_db

# Each panel's line as tracker/dashboard.html wrote it before the tags took over: the reference.
TEMPLATE_LINES = {
    "overdue": """{% load i18n tracker %}<li>
        <a href="{{ commitment.get_absolute_url }}">{{ commitment.title }}</a>
        <div class="meta">{{ commitment.responsible_person.full_name }} · {% blocktranslate count days=commitment.days_overdue %}{{ days }} day late{% plural %}{{ days }} days late{% endblocktranslate %} · {% deadline commitment %}</div>
      </li>""",
    "due_soon": """{% load i18n tracker %}<li>
        <a href="{{ commitment.get_absolute_url }}">{{ commitment.title }}</a>
        <div class="meta">{{ commitment.responsible_person.full_name }} · {% deadline commitment %}</div>
      </li>""",
    "follow_up": """{% load i18n tracker %}<li>
        <a href="{{ commitment.get_absolute_url }}">{{ commitment.title }}</a>
        <div class="meta">{% status_badge commitment.current_status %} {% blocktranslate with date=commitment.status_observed_on|date:"SHORT_DATE_FORMAT" %}last checked {{ date }}{% endblocktranslate %} · {{ commitment.responsible_person.full_name }}</div>
      </li>""",
}
TEMPLATE_RECENT = """{% load i18n humanize tracker %}<li>
        <a href="{{ update.commitment.get_absolute_url }}">{{ update.commitment.title }}</a>
        <div class="meta">{% status_badge update.status %} {% blocktranslate with who=update.recorded_by.get_username|default:_("import") when=update.recorded_at|naturaltime %}by {{ who }}, {{ when }}{% endblocktranslate %}</div>
      </li>"""


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("panel", ["overdue", "due_soon", "follow_up"])
@pytest.mark.parametrize("days_late", [1, 400])
def test_panel_lines_are_what_the_template_wrote(language, panel, days_late):
    made = CommitmentFactory(title="Een <oproep> & meer", deadline=timezone.localdate() - datetime.timedelta(days=days_late))
    commitment = commitment_rows([made.pk], as_of=timezone.localdate())[0]
    with translation.override(language):
        ours = render(f'{{% load tracker %}}{{% panel_item commitment "{panel}" %}}', commitment=commitment)
        theirs = render(TEMPLATE_LINES[panel], commitment=commitment)
    assert normalise(ours) == normalise(theirs)
    assert "Een &lt;oproep&gt; &amp; meer" in ours


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("by_a_person", [True, False], ids=["by an editor", "by an import"])
def test_recent_update_lines_are_what_the_template_wrote(language, by_a_person):
    commitment = CommitmentFactory()
    user = UserFactory(username="els<b>") if by_a_person else None
    update = commitment_record_status(
        commitment=commitment, user=user, status=Status.IN_PROGRESS, observed_on=timezone.localdate()
    )
    with translation.override(language):
        ours = render("{% load tracker %}{% recent_update_item update %}", update=update)
        theirs = render(TEMPLATE_RECENT, update=update)
    assert normalise(ours) == normalise(theirs)
