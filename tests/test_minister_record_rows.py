"""A minister's row of the dashboard's promise record, built in Python by the minister_record_row
tag, shows exactly what the row template and its slippage cells showed."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import PersonFactory
from tests.html import normalise
from tracker.models.chains import Slippage
from tracker.selectors.dashboard import MinisterRecord

pytestmark = pytest.mark.django_db

# The row as tracker/dashboard.html and tracker/includes/slippage_cells.html wrote it before the tag.
TEMPLATE_ROW = """{% load i18n humanize %}
        <tr>
          <td><a href="{% url 'commitment_list' %}?minister={{ record.person.pk }}">{{ record.person.full_name }}</a></td>
          <td class="text-end">{{ record.made|intcomma }}</td>
          <td class="text-end">{{ record.fulfilled|intcomma }} <span class="text-muted small">({{ record.fulfilled_share }}%)</span></td>
          <td class="text-end">{% if record.overdue %}<a class="days-late" href="{% url 'commitment_list' %}?minister={{ record.person.pk }}&amp;overdue=on">{{ record.overdue|intcomma }}</a>{% else %}0{% endif %}</td>
          <td class="text-end">{{ record.broken|intcomma }}</td>
          {% with slippage=record.slippage person=record.person %}<td class="text-end nowrap">{% if slippage.moved %}<a href="{% url 'commitment_list' %}?minister={{ person.pk }}&amp;moved=1" title="{% blocktranslate count counter=slippage.moved %}{{ counter }} commitment whose deadline moved{% plural %}{{ counter }} commitments whose deadline moved{% endblocktranslate %}">{{ slippage.moved|intcomma }}</a><div class="small text-muted" title="{% blocktranslate with average=slippage.average_days|stringformat:'+d' %}{{ average }} days per move on average{% endblocktranslate %}">{% blocktranslate with moves=slippage.moves days=slippage.days|stringformat:"+d" %}{{ moves }}× · {{ days }} d{% endblocktranslate %}</div>{% else %}0{% endif %}</td>{% endwith %}
        </tr>"""
TAG_ROW = "{% load tracker %}{% minister_record_row record %}"


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    "record",
    [
        {"made": 12345, "fulfilled": 2345, "overdue": 1200, "broken": 3, "slippage": Slippage(moved=1, moves=1, days=-40)},
        {"made": 7, "fulfilled": 0, "overdue": 0, "broken": 0, "slippage": Slippage()},
        {"made": 1, "fulfilled": 1, "overdue": 1, "broken": 1000, "slippage": Slippage(moved=1500, moves=2100, days=98765)},
    ],
    ids=["moved back", "nothing moved", "thousands moved"],
)
def test_the_tag_writes_the_row_the_template_wrote(language, record):
    minister = MinisterRecord(person=PersonFactory(first_name="Zuhal", last_name="Demir & <Co>"), open=0, **record)
    with translation.override(language):
        tag = Template(TAG_ROW).render(Context({"record": minister}))
        template = Template(TEMPLATE_ROW).render(Context({"record": minister}))
    assert normalise(tag) == normalise(template)
    assert "Demir &amp; &lt;Co&gt;" in tag
