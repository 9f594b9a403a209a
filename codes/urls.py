from django.urls import path, register_converter

from . import views
from .converters import CodeConverter, SystemConverter

register_converter(SystemConverter, "system")
register_converter(CodeConverter, "code")

app_name = "codes"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("api/suggest", views.suggest, name="suggest"),
    # /icd10cm/, /cpt/, /modifiers/: the first level of a code set
    path("<system:system>/", views.system_index, name="index"),
    # /cpt/group/surgery/, /hcpcs/group/J/: CPT sections and HCPCS letters
    path("<system:system>/group/<slug:key>/", views.group, name="group"),
    # /icd10cm/E11.9/, /cpt/97546/, /icd10pcs/0DT/, /modifiers/GP/
    path("<system:system>/<code:code>/", views.code_detail, name="detail"),
    path("<system:system>/<code:code>", views.code_detail),
]
