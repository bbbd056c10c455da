from django.forms.renderers import TemplatesSetting


class TrackerFormRenderer(TemplatesSetting):
    """Django's own form rendering, with one field template in the application's look."""

    field_template_name = "tracker/forms/field.html"
