from django.urls import path

from . import views

app_name = "tools"

urlpatterns = [
    # /tools/: the four text tools; /tools/redact-phi/: the page, form POST without script
    path("tools/", views.index, name="index"),
    path("tools/redact-phi/", views.redact_phi, name="redact-phi"),
    # The JSON API the page's script (and anyone with our CSRF token) calls
    path("api/redact-phi", views.api_redact_phi, name="api-redact-phi"),
    # Case2Code: a case → candidate codes, ticked ones sent on to the claim check
    path("tools/case2code/", views.case2code_page, name="case2code"),
    path("api/case2code", views.api_case2code, name="api-case2code"),
    # DetectICD10CM: the page (form POST without script) and its JSON API
    path("tools/detect-icd10cm/", views.detect_icd10cm, name="detect-icd10cm"),
    path("api/detect-icd10cm", views.api_detect_icd10cm, name="api-detect-icd10cm"),
    # The claim check: codes, units, modifiers and a date of service → findings
    path("tools/case2code/check/", views.claim_check, name="claim-check"),
    path("api/claim-check", views.api_claim_check, name="api-claim-check"),
    # A member's saved code lists (codes, units, modifiers, date; never the case text)
    path("tools/case2code/lists/", views.code_lists, name="code-lists"),
    path(
        "tools/case2code/lists/<int:pk>/delete/",
        views.delete_code_list,
        name="delete-code-list",
    ),
    # CasePilot: the conversation page (form POST) and its JSON API
    path("tools/casepilot/", views.casepilot, name="casepilot"),
    path("api/casepilot", views.api_casepilot, name="api-casepilot"),
]
