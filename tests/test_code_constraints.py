"""Catalogue invariants the database itself enforces."""

import pytest
from django.db import IntegrityError, transaction

from codes.models import Code, CodeNote, CodeRelation


@pytest.mark.django_db
def test_duplicate_system_and_code_is_rejected():
    Code.objects.create(system="icd10cm", code="E11.9")
    with pytest.raises(IntegrityError), transaction.atomic():
        Code.objects.create(system="icd10cm", code="E11.9")
    # The same characters in another code set are a different code.
    Code.objects.create(system="hcpcs", code="E11.9")


@pytest.mark.django_db
def test_relation_to_itself_is_rejected():
    code = Code.objects.create(system="cpt", code="97546")
    with pytest.raises(IntegrityError), transaction.atomic():
        CodeRelation.objects.create(source=code, target=code, kind="addon_of")


@pytest.mark.django_db
def test_termination_before_effective_date_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        Code.objects.create(
            system="hcpcs", code="G0008", effective_date="2020-01-01", termination_date="2019-12-31"
        )


@pytest.mark.django_db
def test_seventh_character_definition_needs_its_character():
    code = Code.objects.create(system="icd10cm", code="S72", kind="category")
    with pytest.raises(IntegrityError), transaction.atomic():
        CodeNote.objects.create(code=code, kind="seventh_character", text="initial encounter")
    CodeNote.objects.create(code=code, kind="seventh_character", character="A", text="initial")
    with pytest.raises(IntegrityError), transaction.atomic():
        CodeNote.objects.create(code=code, kind="excludes1", character="A", text="x", position=2)
