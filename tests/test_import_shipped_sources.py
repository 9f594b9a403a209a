"""Parsing the shipped reference files: layouts refused when damaged, the ICD-9-CM
description repair, the index's continued entries. No database needed."""

from pathlib import Path

import pytest

from codes.importers import ccexclusions, drglists, pcsref
from codes.importers.bundled import SOURCES
from codes.importers.errors import ImportFileError

TABLE_6K = SOURCES["cc-exclusions"].files["cc-exclusions"]

# Lines of the real Table 6K (FY2026), cut down to two codes and one collection.
EXCERPT = """TABLE 6K - COMPLETE LIST OF CC EXCLUSIONS\r
\r
K Part 1: List of CC and Major CC Codes\r
 I10 Dx  Lev PDX Exclusions   ICD-10-CM Description\r
 A000    CC  0002:3 codes     Cholera due to Vibrio cholerae 01, biovar cholerae\r
 D89833  CC  No Excl          Cytokine release syndrome, grade 3\r
\r
PDX collection 0002\r
  A000    Cholera due to Vibrio cholerae 01, biovar cholerae\r
  A001    Cholera due to Vibrio cholerae 01, biovar eltor\r
  A009    Cholera, unspecified\r
\r
K Part 2: Codes that are CC or Major CC only if patient discharged alive\r
\r
  I469    Cardiac arrest, cause unspecified\r
\r
K Part 3: Secondary Diagnosis CC/MCC Severity Exclusions in Select MS-DRGs\r
\r
MDC 01 DRGs 082-084 Traumatic Stupor and Coma >1 Hour\r
\r
  S061X3A Traumatic cerebral edema with loss of consciousness of 1 hour to 5 hours 59 minutes, initial encounter\r
"""


def write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "cc_exclusions.txt"
    path.write_bytes(content.encode("cp1252"))
    return path


def test_table_6k_parts(tmp_path):
    table = ccexclusions.parse(write(tmp_path, EXCERPT))
    assert table.rules == {"A000": ("cc", 2, 3), "D89833": ("cc", 0, 0)}
    assert table.collections[2] == ["A000", "A001", "A009"]
    assert table.alive_only == ["I469"]
    assert table.drg_groups == [
        ("01", "082", "084", "Traumatic Stupor and Coma >1 Hour", ["S061X3A"])
    ]


def test_table_6k_cut_short_is_refused(tmp_path):
    cut = EXCERPT.replace("  A009    Cholera, unspecified\r\n", "")
    with pytest.raises(ImportFileError, match="A000: collection 0002 says 3 codes, lists 2"):
        ccexclusions.parse(write(tmp_path, cut))


def test_table_6k_strange_line_is_refused(tmp_path):
    with pytest.raises(ImportFileError, match=r":6: not a Table 6K line"):
        ccexclusions.parse(write(tmp_path, EXCERPT.replace(" D89833  CC", " D89833  XX")))


def test_the_real_table_6k_parses():
    table = ccexclusions.parse(TABLE_6K())
    assert len(table.rules) == 18_432 and len(table.collections) == 1_994
    assert len(table.alive_only) == 8 and len(table.drg_groups) == 11


def test_ms_drg_list_rows(tmp_path):
    path = tmp_path / "ms_drg.csv"
    path.write_text(
        '"009","\\N","\\N","Bone marrow transplant","1","2010-10-01"\n'
        '"222","05","Surgical","Cardiac defibrillator implant","1","2023-10-01"\n'
        '"470","MDC 08","P","MAJOR HIP AND KNEE JOINT REPLACEMENT","0","\\N"\n'
    )
    rows = list(drglists.parse_drgs(path))
    assert [(r["drg"], r["mdc"], r["type"], r["retired"]) for r in rows] == [
        ("009", "", "", True),
        ("222", "05", "P", True),
        ("470", "08", "P", False),
    ]
    path.write_text('"47","MDC 08","P","X","0","\\N"\n')
    with pytest.raises(ImportFileError, match="not an MS-DRG row"):
        list(drglists.parse_drgs(path))


def test_icd9_description_repair():
    vocabulary = {"laparoscopic", "other", "local", "focal", "sequestrectomy"}
    assert pcsref.restore("aparoscopic appendectomy", vocabulary) == "Laparoscopic appendectomy"
    assert pcsref.restore("ther repair", vocabulary) == "Other repair"
    assert pcsref.restore("equestrectomy, skull", vocabulary) == "Sequestrectomy, skull"
    assert pcsref.restore("ocal excision", vocabulary) == ""  # local or focal: left out
    assert pcsref.restore("xyz thing", vocabulary) == ""  # no letter makes a word
    assert pcsref.restore("-ray", vocabulary) == ""


def test_index_joins_continued_entries():
    rows = [
        ("Epitrochlear lymph node", "use Lymphatic, Right Upper Extremity"),
        ("Epitrochlear lymph node ", "(continued)\nuse Lymphatic, Left Upper Extremity"),
        ("Other term", "(continued)\nsee Something"),  # no entry before it of that name
    ]
    assert pcsref.index_entries(rows) == [
        (
            "Epitrochlear lymph node",
            "use Lymphatic, Right Upper Extremity\nuse Lymphatic, Left Upper Extremity",
        ),
        ("Other term", "(continued)\nsee Something"),
    ]
