"""The Python rendering of selects gives exactly the HTML of Django's templates."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from tracker.forms.renderer import TrackerFormRenderer


class Sample(forms.Form):
    plain = forms.ChoiceField(choices=[("", "---"), ("a", "Één & <twee>"), ("b", 'Drie "vier"')], initial="b", required=False)
    grouped = forms.ChoiceField(choices=[("Groep <1>", [("x", "X"), ("y", "Y")]), ("z", "Z")], help_text="Hulp")
    multiple = forms.MultipleChoiceField(choices=[(1, "Een"), (2, "Twee")], initial=[1, 2], widget=forms.SelectMultiple)


@pytest.mark.parametrize("name", ["plain", "grouped", "multiple"])
def test_select_html_is_identical_to_djangos_templates(name):
    ours = Sample(renderer=TrackerFormRenderer(), data={"grouped": "y"})[name].as_widget()
    django = Sample(renderer=DjangoTemplates(), data={"grouped": "y"})[name].as_widget()
    normalise = lambda html: " ".join(html.split()).replace("> <", "><")  # noqa: E731
    assert normalise(ours) == normalise(django)


@pytest.mark.parametrize("value", ["b", "", None, "nope"])
def test_fast_select_renders_exactly_like_djangos_select(value):
    from tracker.forms.widgets import FastSelect

    choices = [("", "---"), ("a", "Één & <twee>"), ("b", 'Drie "vier"'), ("Groep <1>", [("x", "X"), ("y", "Y")])]
    attrs = {"id": "id_kind", "aria-describedby": "id_kind_helptext", "required": True}
    ours = FastSelect(choices=choices).render("kind", value, attrs=attrs)
    django = forms.Select(choices=choices).render("kind", value, attrs=attrs, renderer=DjangoTemplates())
    normalise = lambda html: " ".join(html.split()).replace("> <", "><")  # noqa: E731
    assert normalise(ours) == normalise(django)
