"""The one value set of RedactPHI: the 18 HIPAA Safe Harbor identifiers as 19 categories.

Names are those of the evaluation set (tests/eval/phi/), so the API, the page's legend,
the scorer and the annotated notes all speak the same words. Safe Harbor's "geographic
subdivisions" and "all elements of dates" are one category each; its catch-all "any
other unique identifying number" is ID.
"""

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    NAME = "NAME"
    LOCATION = "LOCATION"
    DATE = "DATE"
    AGE = "AGE"
    PHONE = "PHONE"
    FAX = "FAX"
    EMAIL = "EMAIL"
    SSN = "SSN"
    MRN = "MRN"
    HEALTH_PLAN = "HEALTH_PLAN"
    ACCOUNT = "ACCOUNT"
    LICENSE = "LICENSE"
    VEHICLE = "VEHICLE"
    DEVICE = "DEVICE"
    URL = "URL"
    IP = "IP"
    BIOMETRIC = "BIOMETRIC"
    PHOTO = "PHOTO"
    ID = "ID"


@dataclass(frozen=True)
class Meaning:
    label: str
    meaning: str


MEANINGS: dict[Category, Meaning] = {
    Category.NAME: Meaning("Name", "A person: patient, relative, clinician or anyone else."),
    Category.LOCATION: Meaning(
        "Location",
        "Anything smaller than a state: street, city, county, ZIP or postcode, a named facility.",
    ),
    Category.DATE: Meaning("Date", "Any date element but a lone year: day, month, full date."),
    Category.AGE: Meaning("Age over 89", "An age of 90 or more (younger ages may stay)."),
    Category.PHONE: Meaning("Phone", "A telephone or pager number, extension included."),
    Category.FAX: Meaning("Fax", "A fax number."),
    Category.EMAIL: Meaning("Email", "An email address."),
    Category.SSN: Meaning("SSN", "A Social Security number, even partly masked."),
    Category.MRN: Meaning("Record number", "A medical record, chart or patient number."),
    Category.HEALTH_PLAN: Meaning(
        "Health plan number", "A member, subscriber, group or policy number; MBI, NHS, OHIP."
    ),
    Category.ACCOUNT: Meaning("Account", "A billing, visit or guarantor account; a card or bank."),
    Category.LICENSE: Meaning(
        "Licence", "A certificate or licence number: NPI, DEA, state licence, driver's licence."
    ),
    Category.VEHICLE: Meaning("Vehicle", "A vehicle identification number or a licence plate."),
    Category.DEVICE: Meaning("Device", "A device serial or lot number, a UDI, an IMEI."),
    Category.URL: Meaning("Web address", "A URL, with or without its scheme."),
    Category.IP: Meaning("IP address", "An IPv4 or IPv6 address."),
    Category.BIOMETRIC: Meaning(
        "Biometric", "The identifier of a fingerprint, voiceprint, iris or face template."
    ),
    Category.PHOTO: Meaning("Photo", "A reference to a full-face or identity photograph."),
    Category.ID: Meaning(
        "Other identifier", "Any other unique number or code: accession, claim, case, badge."
    ),
}


@dataclass(frozen=True)
class Finding:
    """One stretch of the input that holds PHI: offsets into the text as submitted."""

    start: int
    end: int
    category: Category
    score: float

    def overlaps(self, other: "Finding") -> bool:
        return self.start < other.end and other.start < self.end
