"""Writers for small files in the official CMS / AMA layouts (see ../shared/cms-formats.md)."""

import textwrap
from pathlib import Path

import pytest

# Real CMS files (HCPCS 2019, PFS 2025) kept beside the checkouts, not in the repository.
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "cms"
real_files = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/cms is not present")

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


# Small releases in those layouts, shared by the importer tests.

J0129_LONG = (
    "Injection, abatacept, 10 mg (code may be used for medicare when drug administered under "
    "the direct supervision of a physician, not for use when drug is self administered)"
)


def jan_codes():
    return [
        {
            "code": "A0428",
            "long": "Ambulance service, basic life support, non-emergency transport, (bls)",
            "short": "Bls",
            "price": "52",
            "mult": "A",
            "cov": "C",
            "betos": "O1A",
            "tos": "D",
            "added": "20010101",
            "act_eff": "20010101",
            "action": "N",
        },
        {
            "code": "J0129",
            "long": J0129_LONG,
            "short": "Abatacept injection",
            "price": "51",
            "mult": "A",
            "cov": "D",
            "betos": "O1E",
            "tos": "1",
            "added": "20070101",
            "act_eff": "20070101",
            "action": "N",
        },
        {
            "code": "G0102",
            "long": "Prostate cancer screening; digital rectal examination",
            "short": "Prostate ca screening; dre",
            "price": "11",
            "mult": "A",
            "cov": "D",
            "betos": "Y1",
            "tos": "1",
            "added": "20000101",
            "act_eff": "20000101",
            "action": "N",
        },
        {
            "code": "Q0091",
            "long": "Screening papanicolaou smear; obtaining, preparing and conveyance of cervical or vaginal smear to laboratory",
            "short": "Obtaining screen pap smear",
            "price": "11",
            "mult": "A",
            "cov": "D",
            "betos": "P6C",
            "tos": "1",
            "added": "19920101",
            "act_eff": "19920101",
            "action": "N",
        },
        {
            "code": "A4550",
            "long": "Surgical trays",
            "short": "Surgical trays",
            "price": "00",
            "mult": "9",
            "cov": "D",
            "added": "19820101",
            "act_eff": "19820101",
            "action": "N",
        },  # no BETOS, no type of service
        {
            "code": "GP",
            "long": "Services delivered under an outpatient physical therapy plan of care",
            "short": "Op pt services",
            "cov": "C",
            "added": "19990101",
            "act_eff": "19990101",
            "action": "N",
        },
    ]


def apr_codes():
    codes = jan_codes()
    codes[2].update(
        long="Prostate cancer screening; digital rectal examination, by a physician",
        action="C",
        act_eff="20260401",
    )
    codes[3].update(action="D", act_eff="20260401", term="20260331")
    codes.append(
        {
            "code": "G0568",
            "long": "Home health care visit for a newly added service",
            "short": "Home visit new service",
            "price": "13",
            "mult": "A",
            "cov": "C",
            "betos": "M4A",
            "tos": "1",
            "added": "20260401",
            "act_eff": "20260401",
            "action": "A",
        }
    )
    return codes


PFS_ROWS = [
    "97546,,Work hardening add-on,R,,0.00,0.00,,0.00,,0.00,0.00,0.00,7,ZZZ,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00",
    "70450,,Ct head/brain w/o dye,A,,0.85,2.35,,2.35,NA,0.05,3.25,3.25,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,09,0,88,3.58,3.58,0.06",
    "70450,26,Ct head/brain w/o dye,A,,0.85,0.31,,0.31,,0.04,1.20,1.20,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,09,0,88,0.00,0.00,0.00",
    "70450,TC,Ct head/brain w/o dye,A,,0.00,2.04,,2.04,NA,0.01,2.05,2.05,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,01,0,88,3.27,3.27,0.02",
    "G0008,,Admin influenza virus vac,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00",
    "0001F,,Heart failure composite,I,+,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00",
]


NCCI = (
    "CPT codes and descriptions only are copyright 2025 American Medical Association.\r\n"
    "Column1/Column2 Edits\r\n\r\n"
    "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\t"
    "Modifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\r\n"
    "29881\t29870\t*\t19960101\t*\t1\tMisuse of column two code with column one code\r\n"
    "29881\t20610\t\t20020101\t*\t1\tStandards of medical / surgical practice\r\n"
    "97546\t97545\t\t20090101\t20100101\t9\tMutually exclusive procedures\r\n"
)


MUE = (
    '"CPT codes, descriptions and other data only are copyright 2025 American Medical Association.\n'
    'All Rights Reserved."\r\n\r\n'
    '"HCPCS/\nCPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"\r\n'
    '97546,2,"2 Date of Service Edit: Policy",CMS Policy\r\n'
    '70450,1,"3 Date of Service Edit: Clinical",Nature of Service/Procedure\r\n'
)


OPPS = (
    "Addendum B.-Final OPPS Payment by HCPCS Code for CY 2026,,,,,,,\r\n"
    "CPT codes and descriptions only are copyright 2025 American Medical Association.,,,,,,,\r\n\r\n"
    "HCPCS Code,Short Descriptor,SI,APC,Relative Weight,Payment Rate,National Unadjusted Copayment,Minimum Unadjusted Copayment\r\n"
    '70450,Ct head/brain w/o dye,S,5522,1.6839,"$1,117.49",.,"$23.50"\r\n'
    "97546,Work hardening add-on,A,,,,,\r\n"
)


def cpt_folder(tmp_path):
    folder = tmp_path / "cpt2026"
    folder.mkdir()
    (folder / "LONGULT.txt").write_text(
        "97545\tWork hardening/conditioning; initial 2 hours\r\n"
        "97546\tWork hardening/conditioning; each additional hour (List separately in addition to code for primary procedure)\r\n"
    )
    (folder / "MEDU.txt").write_text(
        "97545\tWORK HARDENING/CONDITIONING INITIAL 2 HOURS\r\n97546\tWORK HARDENING/CONDITIONING EACH HOUR\r\n"
    )
    (folder / "SHORTU.txt").write_text("97545\tWORK HARDENING\r\n97546\tWORK HARDENING ADD-ON\r\n")
    (folder / "ConsumerDescriptor.txt").write_text(
        "Concept Id\tCPT Code\tConsumer Friendly Descriptor\r\n1023001\t97546\tTest consumer text for an extra hour\r\n"
    )
    (folder / "addon_codes.txt").write_text("Add-on code\tPrimary code\r\n97546\t97545\r\n")
    return folder
