"""Forms of the team's pages: assigning commitments, the profile. tracker.services does the writing."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from tracker.forms.widgets import FastSelect
from tracker.models import Commitment, DigestFrequency
from tracker.selectors.team import editor_choices

NOBODY = ""
UNASSIGN = "none"
BULK_LIMIT = 500  # more than any list page shows (PAGE_SIZE); a bigger post is not one of our forms


def _user(pk):
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None:
        raise forms.ValidationError(_("This person no longer has an account; choose another."))
    return user


class AssigneeField(forms.TypedChoiceField):
    """An active editor, or nobody: the user, or None. With a *placeholder*, a choice is required and
    nobody is a choice of its own ("none"), so that an untouched select never unassigns anything.
    The form fills in the editors (set_people), read once per form."""

    def __init__(self, *, nobody_label, placeholder=None, **kwargs):
        self.nobody_label, self.placeholder = nobody_label, placeholder
        super().__init__(
            choices=[],
            coerce=lambda value: None if value == UNASSIGN else _user(value),
            empty_value=None,
            required=bool(placeholder),
            widget=FastSelect,
            **kwargs,
        )

    def set_people(self, people: list[tuple[int, str]]) -> None:
        options = [(UNASSIGN if self.placeholder else NOBODY, self.nobody_label), *people]
        self.choices = [(NOBODY, self.placeholder), *options] if self.placeholder else options


class AssignForm(forms.Form):
    """The commitment page: give it to an editor to look after, or to nobody."""

    assignee = AssigneeField(label=_("Assigned to"), nobody_label=_("Nobody"))

    def __init__(self, *args, commitment: Commitment | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].set_people(editor_choices())
        if commitment is not None and not self.is_bound:
            self.fields["assignee"].initial = commitment.assignee_id or NOBODY


class IdsField(forms.Field):
    """The numbers of several ticked rows (name="commitments", once per ticked box)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        try:
            return sorted({int(item) for item in value})
        except (TypeError, ValueError):
            raise forms.ValidationError(_("This form is incomplete or out of date: reload the list."), code="invalid") from None


class BulkSelectionForm(forms.Form):
    """A bulk action of the list: the ticked commitments and the list to go back to."""

    commitments = IdsField(error_messages={"required": _("Tick the commitments first.")})
    query = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
    too_many = _("At most %(limit)s commitments can be changed at once.")

    def clean_commitments(self) -> list[int]:
        ids = self.cleaned_data["commitments"]
        if len(ids) > BULK_LIMIT:
            raise forms.ValidationError(self.too_many, params={"limit": BULK_LIMIT})
        return ids

    def valid_query(self) -> str:
        """The list's query string, re-encoded (nothing but a query string can come out of it), without
        the one-off "select all" switch."""
        query = QueryDict(self.data.get("query", "")[:2000], mutable=True)
        query.pop("select", None)
        return query.urlencode()


class BulkAssignForm(BulkSelectionForm):
    """The list's bulk action: the ticked commitments, to whom, and the list to go back to."""

    commitments = IdsField(error_messages={"required": _("Tick the commitments to assign first.")})
    assignee = AssigneeField(
        label=_("Assign the ticked commitments to"),
        nobody_label=_("Nobody (unassign)"),
        placeholder=_("Choose a person…"),
        error_messages={"required": _("Choose who looks after the ticked commitments.")},
    )
    too_many = _("At most %(limit)s commitments can be assigned at once.")

    def __init__(self, *args, people: list[tuple[int, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].set_people(editor_choices() if people is None else people)


class BulkPublishForm(BulkSelectionForm):
    """The list's other bulk action: publish the ticked commitments, or make them internal."""

    commitments = IdsField(error_messages={"required": _("Tick the commitments to publish first.")})
    published = forms.TypedChoiceField(
        choices=[("1", _("Publish")), ("0", _("Make internal"))],
        coerce=lambda value: value == "1",
        error_messages={"required": _("Choose whether to publish the ticked commitments or make them internal.")},
    )


class ProfileForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Where your digest and reminders go. Leave it empty to receive no e-mail."),
    )
    digest = forms.ChoiceField(
        label=_("E-mail digest"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "What changed on what you follow or look after: status updates, deadline changes, what became "
            "overdue or falls due soon, new suggestions for your ministers."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of your e-mails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=_("The interface follows the EN/NL switch in the header."),
    )
