"""The Python rendering of selects gives exactly the HTML of Django's templates."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting

from tests.html import normalise
from tracker.forms.renderer import TrackerFormRenderer
from tracker.forms.widgets import DateInput


class Sample(forms.Form):
    plain = forms.ChoiceField(choices=[("", "---"), ("a", "Één & <twee>"), ("b", 'Drie "vier"')], initial="b", required=False)
    grouped = forms.ChoiceField(choices=[("Groep <1>", [("x", "X"), ("y", "Y")]), ("z", "Z")], help_text="Hulp")
    multiple = forms.MultipleChoiceField(choices=[(1, "Een"), (2, "Twee")], initial=[1, 2], widget=forms.SelectMultiple)


@pytest.mark.parametrize("name", ["plain", "grouped", "multiple"])
def test_select_html_is_identical_to_djangos_templates(name):
    ours = Sample(renderer=TrackerFormRenderer(), data={"grouped": "y"})[name].as_widget()
    django = Sample(renderer=DjangoTemplates(), data={"grouped": "y"})[name].as_widget()
    assert normalise(ours) == normalise(django)


@pytest.mark.parametrize("value", ["b", "", None, "nope"])
def test_fast_select_renders_exactly_like_djangos_select(value):
    from tracker.forms.widgets import FastSelect

    choices = [("", "---"), ("a", "Één & <twee>"), ("b", 'Drie "vier"'), ("Groep <1>", [("x", "X"), ("y", "Y")])]
    attrs = {"id": "id_kind", "aria-describedby": "id_kind_helptext", "required": True}
    ours = FastSelect(choices=choices).render("kind", value, attrs=attrs)
    django = forms.Select(choices=choices).render("kind", value, attrs=attrs, renderer=DjangoTemplates())
    assert normalise(ours) == normalise(django)


class TemplatesOnly(TrackerFormRenderer):
    """The same field template and widgets, every one rendered by its template."""

    def render(self, template_name, context, request=None):
        return TemplatesSetting.render(self, template_name, context, request)


class Everything(forms.Form):
    title = forms.CharField(help_text="Kort & <duidelijk>", max_length=10)
    note = forms.CharField(required=False, label='Noot "intern"')
    when = forms.DateField(widget=DateInput, required=False)
    count = forms.IntegerField(min_value=0)
    urgent = forms.BooleanField(required=False, label="Dringend <!>")
    statuses = forms.MultipleChoiceField(
        choices=[("open", "Open & lopend"), ("Gesloten", [("done", "Gedaan"), ("gone", "Vervallen")])],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    side = forms.ChoiceField(choices=[("a", "A"), ("b", "B <b>")], widget=forms.RadioSelect)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)
    body = forms.CharField(widget=forms.Textarea, required=False)


class FilterLike(Everything):
    is_filter = True


FIELDS = list(Everything.base_fields)
BOUND = {
    "body": "Regel één\n<b>twee</b> & drie",
    "title": "Veel te lange titel <script>",
    "count": "-3",
    "statuses": ["done"],
    "side": "b",
    "urgent": "on",
    "when": "2026-02-30",
}


@pytest.mark.parametrize("form_class", [Everything, FilterLike])
@pytest.mark.parametrize("data", [None, BOUND], ids=["unbound", "bound with errors"])
@pytest.mark.parametrize("name", FIELDS)
def test_fields_render_exactly_like_the_field_template(form_class, data, name):
    ours = form_class(data=data, renderer=TrackerFormRenderer())[name].as_field_group()
    templates = form_class(data=data, renderer=TemplatesOnly())[name].as_field_group()
    assert normalise(ours) == normalise(templates)


def test_the_comparison_sees_errors_help_and_the_optional_mark():
    html = Everything(data=BOUND, renderer=TrackerFormRenderer()).render()
    assert 'class="form-field has-error"' in html
    assert 'id="id_title_helptext"' in html
    assert "id_count_error_1" in html
    assert '<span class="optional">(optional)</span>' in html
    assert "optional" not in FilterLike(renderer=TrackerFormRenderer())["note"].as_field_group()
