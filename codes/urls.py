from django.urls import path, re_path, register_converter

from . import refviews, views
from .converters import CodeConverter, SystemConverter

register_converter(SystemConverter, "system")
register_converter(CodeConverter, "code")

app_name = "codes"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("api/suggest", views.suggest, name="suggest"),
    # Reference pages beside the code sets (before the code patterns they would match)
    path("ms-drg/", refviews.drg_index, name="ms_drg_index"),
    path("ms-drg/mdc/<str:mdc>/", refviews.mdc_detail, name="mdc"),
    path(
        "ms-drg/pdx-collection/<int:year>/<int:collection>/",
        refviews.pdx_collection,
        name="pdx_collection",
    ),
    re_path(r"^ms-drg/(?P<drg>[0-9]{1,3})/$", refviews.drg_detail, name="ms_drg"),
    path("icd10pcs/guidelines/", refviews.pcs_guidelines, name="pcs_guidelines"),
    re_path(
        r"^icd10pcs/guidelines/(?P<key>[A-Za-z][0-9.a-z]{0,8})/$",
        refviews.pcs_guideline,
        name="pcs_guideline",
    ),
    path("icd10pcs/index/", refviews.pcs_index, name="pcs_index"),
    re_path(r"^icd10pcs/index/(?P<letter>[A-Z0])/$", refviews.pcs_index, name="pcs_index_letter"),
    path("icd9-procedures/", refviews.icd9_procedures, name="icd9_procedures"),
    re_path(
        r"^icd9-procedures/(?P<code>[0-9]{2}\.[0-9]{1,2})/$",
        refviews.icd9_procedure,
        name="icd9_procedure",
    ),
    path("icd9-procedures/gem-flags/", refviews.gem_flags, name="gem_flags"),
    # /icd10cm/, /cpt/, /modifiers/: the first level of a code set
    path("<system:system>/", views.system_index, name="index"),
    # /cpt/group/surgery/, /hcpcs/group/J/: CPT sections and HCPCS letters
    path("<system:system>/group/<slug:key>/", views.group, name="group"),
    # /icd10cm/E11.9/, /cpt/97546/, /icd10pcs/0DT/, /modifiers/GP/
    path("<system:system>/<code:code>/", views.code_detail, name="detail"),
    path("<system:system>/<code:code>", views.code_detail),
]
