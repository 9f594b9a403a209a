"""ICD-10-CM importers through `load_codes`, on small files in the official layouts."""

import shutil
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from codes.models import Code, CodeHistory, ComorbidityLevel
from tests.importing import FIXTURES, snapshot

CM = FIXTURES / "icd10cm"
OCT = date(2025, 10, 1)
APR = date(2026, 4, 1)


def load(capsys=None, **options):
    call_command("load_codes", verbosity=0, **options)
    return capsys.readouterr().out if capsys else None


def load_billable(path=CM / "icd10cm_codes_2025.txt"):
    load(icd10cm_billable=str(path), effective=OCT, release_name="ICD-10-CM FY2025 test")


def load_tabular(
    path=CM / "tabular.xml", day=APR, code_list=CM / "code-list.txt", capsys=None, **options
):
    return load(
        capsys,
        icd10cm_tabular=str(path),
        icd10cm_code_list=str(code_list),
        effective=day,
        release_name=f"ICD-10-CM {day} test",
        **options,
    )


def code(value):
    return Code.objects.get(system="icd10cm", code=value)


def notes(value, kind):
    return list(code(value).notes.filter(kind=kind).values_list("text", flat=True))


def events(value):
    return list(code(value).history.values_list("date", "action", "notes"))


@pytest.fixture
def both_releases(db):
    load_billable()
    # The tabular drops E11.69, 1 of the list's 7 codes: over the deletion guard's share.
    load_tabular(allow_deletions=True)


def test_hierarchy_from_chapter_to_code(both_releases):
    assert code("E00-E89").kind == "chapter"
    assert code("E08-E13").parent == code("E00-E89")
    assert code("E11").parent == code("E08-E13")
    assert code("E11").kind == "category" and not code("E11").billable
    assert code("E11.62").kind == "subcategory"
    assert code("E11.621").parent == code("E11.62")
    assert code("E11.9").billable
    assert code("E11.9").long_description == "Type 2 diabetes mellitus without complications"
    assert code("E11").position < code("E11.6").position < code("E11.9").position


def test_blocks_that_hold_other_blocks_become_their_parent(both_releases):
    assert code("T14-T14").parent == code("T07-T88")
    assert code("T07-T88").parent == code("S00-T88")
    # A one-category block keeps its own entry beside the category of the same name.
    assert code("R99-R99").kind == "block"
    assert code("R99").parent == code("R99-R99") and code("R99").billable


def test_every_note_kind_is_kept_in_order_at_its_level(both_releases):
    assert notes("E11", "includes") == [
        "diabetes (mellitus) due to insulin secretory defect",
        "diabetes NOS",
    ]
    assert notes("E11", "use_additional_code") == [
        "code to identify control using:",
        "insulin (Z79.4)",
    ]
    assert notes("E11", "excludes1") == [
        "gestational diabetes (O24.4-)",
        "type 1 diabetes mellitus (E10.-)",
    ]
    assert notes("S70-S79", "excludes2") == ["burns and corrosions (T20-T32)"]
    assert notes("R99", "inclusion_term") == [
        "Death (unexplained) NOS",
        "Unspecified cause of mortality",
    ]
    assert notes("R99", "code_also") == ["any known conditions"]
    assert notes("S72.0", "code_first") == ["any associated injury"]
    assert notes("S72", "note") == [
        "A fracture not indicated as open or closed should be coded to closed"
    ]
    assert notes("E00-E89", "excludes1") == [
        "transitory endocrine and metabolic disorders specific to newborn (P70-P74)"
    ]
    # A <note> among the 7th-character definitions is a note of the table, not part of
    # the meaning of the character before it (B).
    assert notes("S72", "seventh_character_note") == [
        "The appropriate 7th character is to be added to all codes from category S72",
        "initial encounter for open fracture NOS",
    ]
    seventh = list(
        code("S72").notes.filter(kind="seventh_character").values_list("character", "text")
    )
    assert seventh == [
        ("A", "initial encounter for closed fracture"),
        ("B", "initial encounter for open fracture type I or II"),
        ("D", "subsequent encounter for closed fracture with routine healing"),
    ]


def test_seventh_character_expansions_are_billable_codes(both_releases):
    assert not code("S72.001").billable
    expanded = code("S72.001A")
    assert expanded.billable and expanded.parent == code("S72.001")
    assert expanded.long_description == (
        "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture"
    )
    # Short codes take the placeholder X.
    assert {c.code for c in code("T14.8").children.all()} == {"T14.8XXA", "T14.8XXD", "T14.8XXS"}
    # The release's code list rules out S72.002D.
    assert not Code.objects.filter(code="S72.002D").exists()
    assert Code.objects.filter(code="S72.002B", billable=True).exists()


def test_history_between_two_releases(both_releases):
    assert events("S72.002A") == [(APR, "added", "")]
    assert events("E11.69") == [(APR, "deleted", "Removed from the code set.")]
    assert code("E11.69").status == "deleted" and not code("E11.69").billable
    assert code("E11.69").termination_date == date(2026, 3, 31)
    assert events("T14.8") == [
        (
            APR,
            "expanded",
            "No longer billable: now a heading; report one of its more specific codes.",
        )
    ]
    assert events("S72.001A") == [
        (
            APR,
            "revised",
            "Description was: Fracture of unsp part of neck of right femur, init for clos fx",
        )
    ]
    # Unchanged codes and new headings get no history.
    assert events("E11.9") == [] and events("E11") == []


def test_a_code_that_comes_back_is_reinstated(both_releases, tmp_path):
    xml = (CM / "tabular.xml").read_text()
    xml = xml.replace(
        "<name>E11.9</name>",
        "<name>E11.69</name>\n<desc>Type 2 diabetes mellitus with other specified complication</desc>"
        "\n</diag><diag><name>E11.9</name>",
    )
    (tmp_path / "next.xml").write_text(xml)
    (tmp_path / "list.txt").write_text((CM / "code-list.txt").read_text() + "\nE1169")
    load_tabular(tmp_path / "next.xml", date(2026, 10, 1), tmp_path / "list.txt")
    assert code("E11.69").status == "active" and code("E11.69").billable
    assert events("E11.69")[-1] == (date(2026, 10, 1), "reinstated", "Back in the code set.")
    assert code("E11.69").termination_date is None


def test_second_run_of_the_same_release_writes_nothing(both_releases, capsys):
    before = snapshot()
    out = load_tabular(capsys=capsys)
    assert "codes created: 0" in out and "codes updated: 0" in out
    assert "code history created: 0" in out and "code notes written: 0" in out
    assert snapshot() == before


def test_an_older_release_is_skipped(both_releases, capsys):
    before = snapshot()
    out = load(capsys, icd10cm_billable=str(CM / "icd10cm_codes_2025.txt"), effective=OCT)
    assert "skipped" in out and "older than the stored" in out
    assert snapshot() == before


@pytest.mark.parametrize("listing", ["icd10cm_codes_2025.txt", "billable.csv"])
def test_billable_list_in_either_layout(db, listing):
    load_billable(CM / listing)
    assert Code.objects.filter(system="icd10cm").count() == 7
    assert code("E11.621").long_description == "Type 2 diabetes mellitus with foot ulcer"
    assert code("S72.001A").billable


def test_truncated_xml_names_file_and_line_and_changes_nothing(both_releases, tmp_path):
    broken = tmp_path / "icd10cm_tabular_2027.xml"
    broken.write_text((CM / "tabular.xml").read_text()[:3000])
    before = snapshot()
    with pytest.raises(CommandError, match=r"icd10cm_tabular_2027\.xml:\d+: "):
        load_tabular(broken, date(2026, 10, 1))
    assert snapshot() == before


def test_bad_code_in_xml_is_reported_with_its_line(db, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text(
        (CM / "tabular.xml").read_text().replace("<name>E11.9</name>", "<name>E11.9!</name>")
    )
    with pytest.raises(CommandError, match=r"bad\.xml:\d+: .*not a valid code") as error:
        load_tabular(bad)
    line = int(str(error.value).split("bad.xml:")[1].split(":")[0])
    # The error points at the end of that <diag>, a line or two below its <name>.
    assert "E11.9!" in "".join(bad.read_text().splitlines()[line - 4 : line])
    assert not Code.objects.exists()


def test_not_a_tabular_file(db, tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<?xml version='1.0'?><something/>")
    with pytest.raises(CommandError, match="not an ICD-10-CM tabular file"):
        load_tabular(other)


def test_cc_and_mcc_levels(both_releases, capsys):
    options = {"cc": str(CM / "cc_list.txt"), "mcc": str(CM / "mcc_list.txt")}
    load(effective=OCT, **options)
    levels = dict(ComorbidityLevel.objects.values_list("code__code", "level"))
    assert levels == {"E11.621": "cc", "S72.001A": "cc", "S72.001B": "mcc"}
    out = load(capsys, effective=OCT, **options)
    assert "CC/MCC levels written: 0" in out


def test_cc_list_naming_an_unknown_code_fails_cleanly(both_releases, tmp_path):
    cc = tmp_path / "cc.txt"
    shutil.copy(CM / "cc_list.txt", cc)
    with cc.open("a") as stream:
        stream.write("Z99.89\tDependence on other enabling machines and devices\r\n")
    with pytest.raises(CommandError, match=r"cc\.txt:5: Z99\.89 is not in the ICD-10-CM catalogue"):
        load(cc=str(cc), mcc=str(CM / "mcc_list.txt"), effective=OCT)
    assert not ComorbidityLevel.objects.exists()


def test_history_rows_are_dated_and_tied_to_the_release(both_releases):
    event = CodeHistory.objects.get(code__code="S72.002A")
    assert event.release.effective_date == APR
