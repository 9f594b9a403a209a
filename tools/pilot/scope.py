"""Questions outside what our data can answer: payment amounts of payers and places,
clinical or legal advice, documentation to write, a patient's claim, other code sets.
They are declined before anything is looked up, so a code they name is never answered."""

import re

OUT_OF_SCOPE = [
    (
        r"\b(aetna|bcbs|blue cross|cigna|humana|united ?health|anthem|kaiser|payers?)\b",
        "Private payers' rates and rules are not in our data.",
    ),
    (
        r"\breimburs|\ballowed amount|\bpayment rate|\bhow much\b|\bwhat will .{0,30}\bpay\b",
        "Payment amounts are not in our data: we hold the fee schedule's indicators and RVUs.",
    ),
    (
        r"\bconversion factor\b",
        "The fee schedule's conversion factor for that year is not in our data.",
    ),
    (
        r"\bdose\b|\bdosage\b|\bantibiotics?\b|\bshould i give\b|\btreat(ment)? for\b|\bprescri",
        "That is clinical advice, which a coding reference cannot give.",
    ),
    (
        r"\bsued\b|\blawsuit|\blegal(ly)?\b|\bliab(le|ility)\b|\bfraud\b",
        "That is a legal question, which a coding reference cannot answer.",
    ),
    (
        r"\bwrite\b|\bletter\b|\bappeal\b",
        "I do not write documentation or letters; I answer from our code data only.",
    ),
    (
        r"\bicd-?11\b|\bndcs?\b|\bsnomed\b|\bloinc\b|\bicd-?9-?cm diagnos",
        "That code set is not in our data.",
    ),
    (
        r"\bgroup(s)? to\b|\bgrouper\b|\bwhich drg will\b",
        "Grouping a stay to an MS-DRG needs a grouper and the whole record, which we do not run.",
    ),
    (
        r"\bmy claim\b|\bclaim .{0,40}\bpaid\b|\bwas .{0,30}\bpaid\b"
        r"|\bpatient [a-z]+ [a-z]+\b.*\bclaim",
        "A patient's claim or its status is not something our data holds.",
    ),
]


def out_of_scope(text: str) -> str | None:
    """Why our data cannot answer this, or None."""
    lower = text.lower()
    return next((why for pattern, why in OUT_OF_SCOPE if re.search(pattern, lower)), None)
