from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import Profile, Unlock


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    verbose_name_plural = "plan"


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class MemberAdmin(UserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "email", "is_staff", "date_joined", "last_login"]


@admin.register(Unlock)
class UnlockAdmin(admin.ModelAdmin):
    list_display = ["window", "subject", "code", "slot", "created_at"]
    list_filter = ["window"]
    list_select_related = ["code"]
    raw_id_fields = ["code"]
    search_fields = ["subject"]
    show_full_result_count = False
