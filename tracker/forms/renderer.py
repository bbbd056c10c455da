from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

SELECT_TEMPLATE = "django/forms/widgets/select.html"
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"
FIELD_TEMPLATE = "tracker/forms/field.html"
WIDGETS = "django/forms/widgets/"
# Django's input widgets whose template is only {% include "django/forms/widgets/input.html" %}.
INPUT_TEMPLATES = frozenset(
    f"{WIDGETS}{name}.html"
    for name in (
        "input",
        "text",
        "date",
        "datetime",
        "time",
        "number",
        "email",
        "url",
        "tel",
        "search",
        "password",
        "hidden",
        "checkbox",
        "color",
    )
)
MULTIPLE_INPUT_TEMPLATES = frozenset(f"{WIDGETS}{name}.html" for name in ("multiple_input", "checkbox_select", "radio"))
OPTION_TEMPLATES = frozenset(f"{WIDGETS}{name}.html" for name in ("input_option", "checkbox_option", "radio_option"))


def _attributes(attrs: dict) -> SafeString:
    """What django/forms/widgets/attrs.html renders: ` name="value"`, ` name` for True, nothing for False."""
    return mark_safe(
        "".join(
            f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


def render_input(widget: dict) -> SafeString:
    """django/forms/widgets/input.html, built in Python."""
    value = "" if widget["value"] is None else f' value="{escape(str(widget["value"]))}"'
    return mark_safe(
        f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{value}{_attributes(widget["attrs"])}>'
    )


def render_textarea(widget: dict) -> SafeString:
    """django/forms/widgets/textarea.html, built in Python."""
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return mark_safe(f'<textarea name="{escape(widget["name"])}"{_attributes(widget["attrs"])}>\n{value}</textarea>')


def render_input_option(option: dict) -> SafeString:
    """django/forms/widgets/input_option.html (checkboxes and radios), built in Python."""
    control = render_input(option)
    if not option["wrap_label"]:
        return control
    target = f' for="{escape(option["attrs"]["id"])}"' if option["attrs"].get("id") else ""
    return mark_safe(f"<label{target}>{control} {conditional_escape(option['label'])}</label>")


def render_multiple_input(widget: dict, render_option) -> SafeString:
    """django/forms/widgets/multiple_input.html (a list of checkboxes or radios), built in Python:
    Django includes a template per option."""
    attrs = widget["attrs"]
    parts = ["<div"]
    if attrs.get("id"):
        parts.append(f' id="{conditional_escape(attrs["id"])}"')
    if attrs.get("class"):
        parts.append(f' class="{conditional_escape(attrs["class"])}"')
    parts.append(">")
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{conditional_escape(group)}</label>")
        parts.extend(f"<div>\n    {render_option(option)}</div>" for option in options)
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return mark_safe("".join(parts))


def render_field(field) -> SafeString:
    """templates/tracker/forms/field.html, built in Python: a list's filter form has some twenty
    fields, and the template's lookups and includes for each cost a third of the page
    (tests/test_form_renderer.py keeps the two the same)."""
    if field.is_hidden:
        return mark_safe(str(field))
    errors = field.errors
    checkbox = field.widget_type == "checkbox"
    auto_id = conditional_escape(field.auto_id)
    label = conditional_escape(field.label)
    classes = "form-field" + (" has-error" if errors else "") + (" form-check" if checkbox else "")
    if checkbox:
        body = f'{field} <label class="form-check-label" for="{auto_id}">{label}</label>'
    elif field.use_fieldset:
        body = f'<fieldset><legend class="form-label">{label}</legend>\n    {field}\n    </fieldset>'
    else:
        optional = (
            ""
            if field.field.required or getattr(field.form, "is_filter", False)
            else f' <span class="optional">({conditional_escape(gettext("optional"))})</span>'
        )
        body = f'<label class="form-label" for="{auto_id}">{label}{optional}</label>\n    {field}'
    help_text = f'<div class="form-text" id="{auto_id}_helptext">{field.help_text}</div>' if field.help_text else ""
    messages = "".join(
        f'<div class="field-error" id="{auto_id}_error_{number}">{conditional_escape(error)}</div>'
        for number, error in enumerate(errors, 1)
    )
    return mark_safe(f'\n<div class="{classes}">\n  {body}\n  {help_text}\n  {messages}\n</div>\n')


def render_select(widget: dict) -> SafeString:
    """The HTML of Django's select.html and select_option.html, built in Python: the templates are
    rendered once per option, which made a filter form with a few hundred options cost 100 ms."""
    parts = [format_html('<select name="{}"{}>', widget["name"], _attributes(widget["attrs"]))]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('<optgroup label="{}">', group_name))
        parts.extend(
            format_html(
                '<option value="{}"{}>{}</option>',
                "" if option["value"] is None else str(option["value"]),
                _attributes(option["attrs"]),
                option["label"],
            )
            for option in options
        )
        if group_name:
            parts.append(mark_safe("</optgroup>"))
    parts.append(mark_safe("</select>"))
    return mark_safe("\n".join(parts))


def render_options(name: str, attrs: dict, choices, selected: set[str]) -> SafeString:
    """A <select> from plain choices ((value, label) or (group, [(value, label), ...])) and the
    selected values: what FastSelect renders."""
    parts = [format_html('<select name="{}"{}>', name, _attributes(attrs))]

    def option(value, label) -> str:
        # escape() and an f-string: format_html's per-argument checks cost more than the option
        # itself, and a minister or office filter has hundreds (the same HTML).
        text = "" if value is None else str(value)
        return f'<option value="{escape(text)}"{" selected" if text in selected else ""}>{conditional_escape(label)}</option>'

    for value, label in choices:
        if isinstance(label, list | tuple):
            parts.append(format_html('<optgroup label="{}">', value))
            parts.extend(option(inner_value, inner_label) for inner_value, inner_label in label)
            parts.append(mark_safe("</optgroup>"))
        else:
            parts.append(option(value, label))
    parts.append(mark_safe("</select>"))
    return mark_safe("\n".join(parts))


class TrackerFormRenderer(TemplatesSetting):
    """Django's own form rendering, with one field template in the application's look and selects
    built in Python (same HTML, a fraction of the time)."""

    field_template_name = FIELD_TEMPLATE

    def render(self, template_name, context, request=None):
        if template_name == FIELD_TEMPLATE:
            return render_field(context["field"])
        if template_name in INPUT_TEMPLATES:
            return render_input(context["widget"])
        if template_name == SELECT_TEMPLATE:
            return render_select(context["widget"])
        if template_name == TEXTAREA_TEMPLATE:
            return render_textarea(context["widget"])
        if template_name in MULTIPLE_INPUT_TEMPLATES:
            return render_multiple_input(context["widget"], lambda option: self._render_option(option, context, request))
        return super().render(template_name, context, request)

    def _render_option(self, option: dict, context: dict, request) -> str:
        if option["template_name"] in OPTION_TEMPLATES:
            return render_input_option(option)
        return super().render(option["template_name"], {**context, "widget": option}, request)
