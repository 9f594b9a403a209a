"""The account page and account deletion; everything else is allauth's."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import allowance
from .models import Profile


@login_required
def home(request):
    plan = Profile.objects.filter(user=request.user).values_list("plan", flat=True).first()
    context = {
        "plan": Profile.Plan(plan or Profile.Plan.FREE).label,
        "decision": allowance.status(request),
        "unlocks": allowance.unlocked_codes(request.user),
    }
    return render(request, "accounts/home.html", context)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput, help_text="Your current password.")

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, "Your account and its data are deleted.")
        return redirect("codes:home")
    return render(request, "accounts/delete.html", {"form": form})
