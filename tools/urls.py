from django.urls import path

from . import views

app_name = "tools"

urlpatterns = [
    # /tools/: the four text tools; /tools/redact-phi/: the page, form POST without script
    path("tools/", views.index, name="index"),
    path("tools/redact-phi/", views.redact_phi, name="redact-phi"),
    # The JSON API the page's script (and anyone with our CSRF token) calls
    path("api/redact-phi", views.api_redact_phi, name="api-redact-phi"),
    # The claim check: codes, units, modifiers and a date of service → findings
    path("tools/case2code/check/", views.claim_check, name="claim-check"),
    path("api/claim-check", views.api_claim_check, name="api-claim-check"),
    # CasePilot: the conversation page (form POST) and its JSON API
    path("tools/casepilot/", views.casepilot, name="casepilot"),
    path("api/casepilot", views.api_casepilot, name="api-casepilot"),
]
