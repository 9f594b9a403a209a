"""The account page and account deletion; everything else is allauth's."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import allowance
from .models import Profile


class AuthenticatedRequest(HttpRequest):
    """A request behind @login_required: its user is a member."""

    user: AbstractBaseUser  # type: ignore[assignment]


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    member = Profile.objects.filter(user_id=request.user.pk)
    plan = member.values_list("plan", flat=True).first()
    context = {
        "plan": Profile.Plan(plan or Profile.Plan.FREE).label,
        "decision": allowance.status(request),
        "unlocks": allowance.unlocked_codes(request.user),
    }
    return render(request, "accounts/home.html", context)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput, help_text="Your current password.")

    def __init__(self, user: AbstractBaseUser, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: AuthenticatedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, "Your account and its data are deleted.")
        return redirect("codes:home")
    return render(request, "accounts/delete.html", {"form": form})
