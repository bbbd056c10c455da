from django import forms


class DateInput(forms.DateInput):
    """A native date picker; the value travels as YYYY-MM-DD whatever the interface language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
