"""Writers for small files in the official CMS / AMA layouts (see ../shared/cms-formats.md)."""

import textwrap
from pathlib import Path

DISCLAIMER = (
    "***Disclaimers"
    + "\t" * 45
    + "\r\n"
    + "\t" * 45
    + "\r\n*Inclusion or exclusion of a procedure does not imply coverage.\xa0\r\n\r\n"
)


def hcpcs_record(
    code,
    seq,
    ric,
    long,
    short="",
    price="",
    mult="",
    cov="",
    betos="",
    tos="",
    added="",
    act_eff="",
    term="",
    action="",
    xref="",
):
    """One 320-character contractor record (positions 1-based as in the record layout)."""
    line = [" "] * 320

    def put(start, text, width):
        text = text[:width].ljust(width)
        line[start - 1 : start - 1 + width] = list(text)

    put(1, code.rjust(5) if len(code) == 2 else code, 5)
    put(6, f"{seq:05d}", 5)
    put(11, ric, 1)
    put(12, long, 80)
    if ric in "37":
        put(92, short, 28)
        put(120, price, 8)
        put(128, mult, 1)
        put(205, xref, 25)
        put(230, cov, 1)
        put(257, betos, 3)
        put(261, tos, 5)
        put(266, "  0", 3)
        put(269, added, 8)
        put(277, act_eff, 8)
        put(285, term, 8)
        put(293, action, 1)
    return "".join(line)


def write_hcpcs(path: Path, codes) -> Path:
    """codes: dicts of hcpcs_record fields; a long text over 80 characters continues on RIC 4/8."""
    lines = []
    for fields in codes:
        long = fields.pop("long")
        modifier = len(fields["code"]) == 2
        parts = textwrap.wrap(long, 80) or [""]  # CMS breaks lines between words
        lines.append(hcpcs_record(long=parts[0], seq=100, ric="7" if modifier else "3", **fields))
        for number, part in enumerate(parts[1:], start=2):
            lines.append(hcpcs_record(fields["code"], number * 100, "8" if modifier else "4", part))
    path.write_bytes((DISCLAIMER + "\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


PPRRVU_PREAMBLE = [
    ",,2026 National Physician Fee Schedule Relative Value File January Release" + "," * 28,
    ",,CPT codes and descriptions only are copyright 2025 American Medical Association." + "," * 28,
    ",,Dental codes (D codes) are copyright 2025 American Dental Association." + "," * 28,
    ",, " + "," * 28,
    ",,RELEASED 12/01/2025" + "," * 28,
    ",, , ,,,,,,,,,,,,,,,,,,,,,,,,,NON-FACILITY,FACILITY,",
    ",,,,NOT USED,,,,,,,,,,,,,,,,,,,,,PHYSICIAN,,DIAGNOSTIC,PE USED,PE USED,MP USED",
    ",,,,FOR,,,NON-FAC,,FACILITY ,,,,,,,,,,,,,,,,SUPERVISION OF,,IMAGING,FOR OPPS,FOR OPPS,FOR OPPS",
    ",,,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,PAYMENT,PAYMENT,PAYMENT",
    "HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT",
]


def write_pprrvu(path: Path, rows) -> Path:
    path.write_text("\r\n".join([*PPRRVU_PREAMBLE, *rows]) + "\r\n", encoding="latin-1")
    return path
