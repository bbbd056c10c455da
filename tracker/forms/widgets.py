from django import forms

from tracker.forms.renderer import render_options


class DateInput(forms.DateInput):
    """A native date picker; the value travels as YYYY-MM-DD whatever the interface language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class FastSelect(forms.Select):
    """A select rendered straight from its choices: the same HTML as Django's Select, without the
    per-option dictionaries and templates that made a list filter with a few hundred options slow."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in self.format_value(value)}
        return render_options(name, self.build_attrs(self.attrs, attrs), self.choices, selected)
