from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from tracker.models import Office, Person, PersonAlias


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    fields = ["name", "normalised"]
    readonly_fields = ["normalised"]
    verbose_name_plural = _("name variants (spellings used in documents)")


class OfficeInline(admin.TabularInline):
    model = Office
    fk_name = "person"
    extra = 0
    fields = ["title", "government", "start_date", "end_date", "successor"]
    autocomplete_fields = ["government", "successor"]
    show_change_link = True


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "party", "open_data_id", "commitment_count"]
    list_filter = ["party"]
    list_select_related = ["party"]
    search_fields = ["first_name", "last_name", "aliases__name", "open_data_id"]
    inlines = [PersonAliasInline, OfficeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(commitment_total=Count("commitments"))

    @admin.display(description=_("name"), ordering="last_name")
    def full_name(self, person: Person) -> str:
        return person.full_name

    @admin.display(description=_("commitments"), ordering="commitment_total")
    def commitment_count(self, person: Person) -> int:
        return person.commitment_total


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["title", "person", "government", "start_date", "end_date", "successor"]
    list_filter = ["government"]
    list_select_related = ["person", "government", "successor__person"]
    search_fields = ["title", "person__first_name", "person__last_name"]
    autocomplete_fields = ["person", "government", "successor"]
    date_hierarchy = "start_date"
