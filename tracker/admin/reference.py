from django.contrib import admin

from tracker.models import Assembly, Government, Legislature, Party, Theme


@admin.register(Assembly)
class AssemblyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


@admin.register(Legislature)
class LegislatureAdmin(admin.ModelAdmin):
    list_display = ["name", "assembly", "start_date", "end_date"]
    list_filter = ["assembly"]
    list_select_related = ["assembly"]
    search_fields = ["name"]
    date_hierarchy = "start_date"


@admin.register(Government)
class GovernmentAdmin(admin.ModelAdmin):
    list_display = ["name", "start_date", "end_date"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "start_date"


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation"]
    search_fields = ["name", "abbreviation"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
