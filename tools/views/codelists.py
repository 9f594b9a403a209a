"""A member's saved code lists (/tools/case2code/lists/): save a checked list from the
claim check, see them, check one again, delete one. Guests are sent to log in."""

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from .. import claims, codelists
from ..models import SavedCodeList


class SaveForm(forms.Form):
    name = forms.CharField(label="Name of the list", max_length=80)
    codes = forms.CharField(widget=forms.HiddenInput, max_length=4000)
    date_of_service = forms.DateField(widget=forms.HiddenInput)
    setting = forms.ChoiceField(choices=[(s, s) for s in claims.SETTINGS], widget=forms.HiddenInput)


def _member(request: HttpRequest) -> User:
    """The logged-in member (the views are behind login_required)."""
    return cast(User, request.user)


def save_form(lines: list[claims.Line], day: Any, setting: str) -> SaveForm:
    """The claim check page's "save this list" form for the codes it just checked."""
    initial = {"codes": codelists.as_text(lines), "date_of_service": day, "setting": setting}
    return SaveForm(initial=initial)


@sensitive_post_parameters("codes")
@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def code_lists(request: HttpRequest) -> HttpResponse:
    member = _member(request)
    context: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form = SaveForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            saved = codelists.save(
                member, data["name"], data["codes"], data["date_of_service"], data["setting"]
            )
            if isinstance(saved, SavedCodeList):
                messages.success(request, f"Saved “{saved.name}”.")
                return redirect("tools:code-lists")
            context["error"], status = saved, 400
        else:
            context["error"], status = "Give the list a name (up to 80 characters).", 400
    context["lists"] = SavedCodeList.objects.filter(user=member)
    return render(request, "tools/code_lists.html", context, status=status)


@never_cache
@login_required
@require_POST
def delete_code_list(request: HttpRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(SavedCodeList, pk=pk, user=_member(request))
    saved.delete()
    messages.success(request, f"Deleted “{saved.name}”.")
    return redirect("tools:code-lists")
