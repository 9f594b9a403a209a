from django.urls import path, register_converter

from . import views
from .converters import CodeConverter, SystemConverter

register_converter(SystemConverter, "system")
register_converter(CodeConverter, "code")

app_name = "codes"

urlpatterns = [
    path("", views.home, name="home"),
    # /icd10cm/E11.9/, /cpt/97546/, /modifiers/GP/
    path("<system:system>/<code:code>/", views.code_detail, name="detail"),
    path("<system:system>/<code:code>", views.code_detail),
]
