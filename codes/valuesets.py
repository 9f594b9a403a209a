"""Official indicator value sets: the stored value -> its meaning, in one place.

Values are the ones CMS publishes (see ../shared/cms-formats.md for sources); the
meanings are short paraphrases in our own words. Models use these mappings as
`choices=`, so the admin offers only official values and a page prints
"ZZZ – Code related to another service" without a join.
"""


def meaning(valueset: dict[str, str], value: str) -> str:
    """'value – meaning' for display; the bare value when it is not in the set."""
    label = valueset.get(value)
    return f"{value} – {label}" if label else value


# Medicare physician fee schedule (PPRRVU file, RVU documentation Attachment A)

PFS_STATUS = {
    "A": "Active code, paid separately under the fee schedule when covered",
    "B": "Bundled code, payment always included in another service",
    "C": "Carrier priced, the Medicare contractor sets the payment",
    "D": "Deleted code (historical)",
    "E": "Excluded from the fee schedule by regulation",
    "F": "Deleted or discontinued code with no grace period (historical)",
    "G": "Not valid for Medicare, another code is used (historical, with grace period)",
    "H": "Deleted modifier: the TC or 26 component was deleted (historical)",
    "I": "Not valid for Medicare, another code is used",
    "J": "Anesthesia service, no RVUs in this file",
    "M": "Measurement code, reported for quality programs only",
    "N": "Non-covered service",
    "P": "Bundled or excluded, no separate fee schedule payment",
    "R": "Restricted coverage, special coverage rules apply",
    "T": "Injection, paid only when no other fee schedule service is billed that day",
    "X": "Statutory exclusion, not a physician service under the fee schedule",
}

PFS_GLOBAL_DAYS = {
    "000": "Endoscopic or minor procedure, same-day pre- and post-operative care included",
    "010": "Minor procedure with a 10-day post-operative period",
    "090": "Major surgery: 1 day before and 90 days after included",
    "MMM": "Maternity code, the usual global period does not apply",
    "XXX": "Global period concept does not apply",
    "YYY": "Global period set by the Medicare contractor",
    "ZZZ": "Code related to another service, always inside that service's global period",
}

PFS_PCTC = {
    "0": "Physician service, no professional/technical split (26 and TC not allowed)",
    "1": "Diagnostic test with professional and technical components (26 and TC allowed)",
    "2": "Professional component only code",
    "3": "Technical component only code",
    "4": "Global test only code, separate PC and TC codes exist",
    "5": "Incident-to service under direct supervision",
    "6": "Laboratory physician interpretation code",
    "7": "Physical therapy service, payment may not be made when an independent PT/OT "
    "provides it to a hospital patient",
    "8": "Physician interpretation of an abnormal smear (hospital inpatient)",
    "9": "Professional/technical component concept does not apply",
}

PFS_MULTIPLE_PROCEDURE = {
    "0": "No payment adjustment for multiple procedures",
    "1": "Pre-1995 multiple procedure rule (100/50/25/25/25%)",
    "2": "Standard multiple procedure reduction (100% highest, 50% others)",
    "3": "Special rules for multiple endoscopic procedures",
    "4": "Multiple diagnostic imaging reduction",
    "5": "Therapy services: practice expense reduction (MPPR)",
    "6": "Reduction of the technical component of diagnostic cardiovascular services",
    "7": "Reduction of the technical component of diagnostic ophthalmology services",
    "9": "Multiple procedure concept does not apply",
}

PFS_BILATERAL = {
    "0": "150% bilateral adjustment does not apply",
    "1": "150% bilateral adjustment applies (modifier 50)",
    "2": "Already priced as bilateral, no adjustment",
    "3": "Each side paid at 100%, no bilateral adjustment",
    "9": "Bilateral concept does not apply",
}

PFS_ASSISTANT_SURGEON = {
    "0": "Assistant at surgery paid only with documentation of medical necessity",
    "1": "Assistant at surgery may not be paid (statutory restriction)",
    "2": "Assistant at surgery may be paid",
    "9": "Assistant at surgery concept does not apply",
}

PFS_CO_SURGEONS = {
    "0": "Co-surgeons not permitted",
    "1": "Co-surgeons permitted with documentation of medical necessity",
    "2": "Co-surgeons permitted, no documentation needed if specialties differ",
    "9": "Co-surgeon concept does not apply",
}

PFS_TEAM_SURGERY = {
    "0": "Team surgery not permitted",
    "1": "Team surgery permitted with documentation, paid by report",
    "2": "Team surgery permitted, paid by report",
    "9": "Team surgery concept does not apply",
}

PFS_PHYSICIAN_SUPERVISION = {
    "01": "General supervision",
    "02": "Direct supervision",
    "03": "Personal supervision",
    "04": "General supervision unless done by a qualified psychologist",
    "05": "General supervision unless done by a qualified audiologist",
    "06": "Done by a physician or a certified electrophysiologic clinical specialist PT",
    "09": "Supervision concept does not apply",
    "21": "Certified technician under general supervision, otherwise direct supervision",
    "22": "Technician with real-time online contact with a physician",
    "66": "Done by a physician or a specialty-certified PT",
    "6A": "As 66; the certified PT may also supervise another PT",
    "77": "Certified PT, uncertified PT under direct supervision, or certified technician "
    "under general supervision",
    "7A": "As 77; the certified PT may also supervise another PT",
}

PFS_IMAGING_FAMILY = {
    "01": "Ultrasound: chest, abdomen, pelvis, non-obstetric (historical)",
    "02": "CT and CTA: chest, thorax, abdomen, pelvis (historical)",
    "03": "CT and CTA: head, brain, orbit, maxillofacial, neck (historical)",
    "04": "MRI and MRA: chest, abdomen, pelvis (historical)",
    "05": "MRI and MRA: head, brain, neck (historical)",
    "06": "MRI and MRA: spine (historical)",
    "07": "CT: spine (historical)",
    "08": "MRI and MRA: lower extremities (historical)",
    "09": "CT and CTA: lower extremities (historical)",
    "10": "MR and MRI: upper extremities and joints (historical)",
    "11": "CT and CTA: upper extremities (historical)",
    "88": "Subject to the multiple imaging reduction",
    "99": "Imaging family concept does not apply",
}

PFS_MODIFIER = {
    "": "Global (whole service)",
    "26": "Professional component",
    "TC": "Technical component",
    "53": "Discontinued procedure",
}

# Hospital outpatient prospective payment system (OPPS Addendum B)

OPPS_STATUS_INDICATOR = {
    "A": "Paid under a fee schedule or payment system other than OPPS",
    "B": "Not recognized by OPPS on outpatient bill types 12x/13x",
    "C": "Inpatient-only procedure, not paid under OPPS",
    "D": "Discontinued code, not paid",
    "E1": "Not covered by Medicare outpatient benefits, not paid",
    "E2": "No pricing or claims data, not paid",
    "F": "Paid at reasonable cost (corneal tissue, certain CRNA services, hepatitis B vaccines)",
    "G": "Pass-through drug or biological, separate APC payment",
    "H": "Pass-through device category, separate cost-based payment",
    "J1": "Paid through a comprehensive APC",
    "J2": "Paid through a comprehensive APC when criteria are met",
    "K": "Non-pass-through drug, biological or radiopharmaceutical, separate APC payment",
    "K1": "Non-opioid pain relief drug paid separately",
    "L": "Influenza or pneumococcal vaccine, paid at reasonable cost",
    "M": "Not billable to the Medicare contractor, not paid under OPPS",
    "N": "Packaged into other services, no separate payment",
    "P": "Partial hospitalization, per diem APC",
    "Q1": "Packaged when billed with an S, T or V code, otherwise paid separately",
    "Q2": "Packaged when billed with a T code, otherwise paid separately",
    "Q3": "Paid through a composite APC when criteria are met",
    "Q4": "Conditionally packaged laboratory test",
    "R": "Blood or blood product, separate APC payment",
    "S": "Significant procedure, no multiple procedure reduction",
    "T": "Significant procedure, multiple procedure reduction applies",
    "U": "Brachytherapy source, separate APC payment",
    "V": "Clinic or emergency department visit, separate APC payment",
    "Y": "Non-implantable durable medical equipment, not paid under OPPS",
}

# NCCI medically unlikely edits

MUE_ADJUDICATION = {
    "1": "Line edit: applied to each claim line",
    "2": "Date of service edit, policy: absolute daily limit",
    "3": "Date of service edit, clinical: daily limit that may be exceeded on appeal",
}

MUE_SETTING = {
    "practitioner": "Practitioner services",
    "outpatient": "Outpatient hospital services",
    "dme": "DME supplier services",
}

# NCCI procedure-to-procedure edits

NCCI_MODIFIER_INDICATOR = {
    "0": "No modifier allowed: never paid together",
    "1": "Modifier allowed when documentation supports a distinct service",
    "9": "Not applicable: edit deleted retroactively",
}

# Modifiers the NCCI policy manual lets bypass a procedure-to-procedure edit whose
# modifier indicator is 1, when the documentation supports a distinct service: the
# distinct-procedure modifiers, anatomic modifiers and a few global-surgery ones.
NCCI_ASSOCIATED_MODIFIERS = frozenset(
    {
        *("59", "XE", "XS", "XP", "XU", "24", "25", "27", "57", "58", "78", "79", "91"),
        *("E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9"),
        *("TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"),
        *("LT", "RT", "LC", "LD", "LM", "RC", "RI"),
    }
)

NCCI_SETTING = {
    "practitioner": "Practitioner",
    "hospital": "Outpatient hospital",
}

# CMS type of service (HCPCS file, table CMS_TYPE_SRVC_TB)

TYPE_OF_SERVICE = {
    "0": "Whole blood",
    "1": "Medical care",
    "2": "Surgery",
    "3": "Consultation",
    "4": "Diagnostic radiology",
    "5": "Diagnostic laboratory",
    "6": "Therapeutic radiology",
    "7": "Anesthesia",
    "8": "Assistant at surgery",
    "9": "Other medical items or services",
    "A": "Used durable medical equipment",
    "B": "High risk screening mammography (obsolete 1998)",
    "C": "Low risk screening mammography (obsolete 1998)",
    "D": "Ambulance",
    "E": "Enteral/parenteral nutrients and supplies",
    "F": "Ambulatory surgical center (facility)",
    "G": "Immunosuppressive drugs",
    "H": "Hospice services (discontinued 1995)",
    "I": "Purchase of DME on instalments (discontinued 1995)",
    "J": "Diabetic shoes",
    "K": "Hearing items and services",
    "L": "ESRD supplies",
    "M": "Monthly capitation payment for dialysis",
    "N": "Kidney donor",
    "P": "Lump-sum purchase of DME, prosthetics, orthotics",
    "Q": "Vision items or services",
    "R": "Rental of DME",
    "S": "Surgical dressings or other medical supplies",
    "T": "Outpatient mental health limitation",
    "U": "Occupational therapy",
    "V": "Pneumococcal/flu vaccine",
    "W": "Physical therapy",
    "Y": "Second opinion on elective surgery (obsolete 1997)",
    "Z": "Third opinion on elective surgery (obsolete 1997)",
}

# Berenson-Eggers type of service (HCPCS record layout, table BETOS_TB)

BETOS = {
    "M1A": "Office visits - new",
    "M1B": "Office visits - established",
    "M2A": "Hospital visit - initial",
    "M2B": "Hospital visit - subsequent",
    "M2C": "Hospital visit - critical care",
    "M3": "Emergency room visit",
    "M4A": "Home visit",
    "M4B": "Nursing home visit",
    "M5A": "Specialist - pathology",
    "M5B": "Specialist - psychiatry",
    "M5C": "Specialist - ophthalmology",
    "M5D": "Specialist - other",
    "M6": "Consultations",
    "P0": "Anesthesia",
    "P1A": "Major procedure - breast",
    "P1B": "Major procedure - colectomy",
    "P1C": "Major procedure - cholecystectomy",
    "P1D": "Major procedure - TURP",
    "P1E": "Major procedure - hysterectomy",
    "P1F": "Major procedure - explor/decompr/excisdisc",
    "P1G": "Major procedure - other",
    "P2A": "Major procedure, cardiovascular - CABG",
    "P2B": "Major procedure, cardiovascular - aneurysm repair",
    "P2C": "Major procedure, cardiovascular - thromboendarterectomy",
    "P2D": "Major procedure, cardiovascular - coronary angioplasty (PTCA)",
    "P2E": "Major procedure, cardiovascular - pacemaker insertion",
    "P2F": "Major procedure, cardiovascular - other",
    "P3A": "Major procedure, orthopedic - hip fracture repair",
    "P3B": "Major procedure, orthopedic - hip replacement",
    "P3C": "Major procedure, orthopedic - knee replacement",
    "P3D": "Major procedure, orthopedic - other",
    "P4A": "Eye procedure - corneal transplant",
    "P4B": "Eye procedure - cataract removal/lens insertion",
    "P4C": "Eye procedure - retinal detachment",
    "P4D": "Eye procedure - treatment of retinal lesions",
    "P4E": "Eye procedure - other",
    "P5A": "Ambulatory procedures - skin",
    "P5B": "Ambulatory procedures - musculoskeletal",
    "P5C": "Ambulatory procedures - inguinal hernia repair",
    "P5D": "Ambulatory procedures - lithotripsy",
    "P5E": "Ambulatory procedures - other",
    "P6A": "Minor procedures - skin",
    "P6B": "Minor procedures - musculoskeletal",
    "P6C": "Minor procedures - other (Medicare fee schedule)",
    "P6D": "Minor procedures - other (non-Medicare fee schedule)",
    "P7A": "Oncology - radiation therapy",
    "P7B": "Oncology - other",
    "P8A": "Endoscopy - arthroscopy",
    "P8B": "Endoscopy - upper gastrointestinal",
    "P8C": "Endoscopy - sigmoidoscopy",
    "P8D": "Endoscopy - colonoscopy",
    "P8E": "Endoscopy - cystoscopy",
    "P8F": "Endoscopy - bronchoscopy",
    "P8G": "Endoscopy - laparoscopic cholecystectomy",
    "P8H": "Endoscopy - laryngoscopy",
    "P8I": "Endoscopy - other",
    "P9A": "Dialysis services (Medicare fee schedule)",
    "P9B": "Dialysis services (non-Medicare fee schedule)",
    "I1A": "Standard imaging - chest",
    "I1B": "Standard imaging - musculoskeletal",
    "I1C": "Standard imaging - breast",
    "I1D": "Standard imaging - contrast gastrointestinal",
    "I1E": "Standard imaging - nuclear medicine",
    "I1F": "Standard imaging - other",
    "I2A": "Advanced imaging - CAT/CT/CTA: brain/head/neck",
    "I2B": "Advanced imaging - CAT/CT/CTA: other",
    "I2C": "Advanced imaging - MRI/MRA: brain/head/neck",
    "I2D": "Advanced imaging - MRI/MRA: other",
    "I3A": "Echography/ultrasonography - eye",
    "I3B": "Echography/ultrasonography - abdomen/pelvis",
    "I3C": "Echography/ultrasonography - heart",
    "I3D": "Echography/ultrasonography - carotid arteries",
    "I3E": "Echography/ultrasonography - prostate, transrectal",
    "I3F": "Echography/ultrasonography - other",
    "I4A": "Imaging/procedure - heart including cardiac catheterization",
    "I4B": "Imaging/procedure - other",
    "T1A": "Lab tests - routine venipuncture (non-Medicare fee schedule)",
    "T1B": "Lab tests - automated general profiles",
    "T1C": "Lab tests - urinalysis",
    "T1D": "Lab tests - blood counts",
    "T1E": "Lab tests - glucose",
    "T1F": "Lab tests - bacterial cultures",
    "T1G": "Lab tests - other (Medicare fee schedule)",
    "T1H": "Lab tests - other (non-Medicare fee schedule)",
    "T2A": "Other tests - electrocardiograms",
    "T2B": "Other tests - cardiovascular stress tests",
    "T2C": "Other tests - EKG monitoring",
    "T2D": "Other tests - other",
    "D1A": "Medical/surgical supplies",
    "D1B": "Hospital beds",
    "D1C": "Oxygen and supplies",
    "D1D": "Wheelchairs",
    "D1E": "Other DME",
    "D1F": "Prosthetic/orthotic devices",
    "D1G": "Drugs administered through DME",
    "O1A": "Ambulance",
    "O1B": "Chiropractic",
    "O1C": "Enteral and parenteral",
    "O1D": "Chemotherapy",
    "O1E": "Other drugs",
    "O1F": "Hearing and speech services",
    "O1G": "Immunizations/vaccinations",
    "Y1": "Other - Medicare fee schedule",
    "Y2": "Other - non-Medicare fee schedule",
    "Z1": "Local codes",
    "Z2": "Undefined codes",
}

# ICD-10-PCS first character

PCS_SECTION = {
    "0": "Medical and Surgical",
    "1": "Obstetrics",
    "2": "Placement",
    "3": "Administration",
    "4": "Measurement and Monitoring",
    "5": "Extracorporeal or Systemic Assistance and Performance",
    "6": "Extracorporeal or Systemic Therapies",
    "7": "Osteopathic",
    "8": "Other Procedures",
    "9": "Chiropractic",
    "B": "Imaging",
    "C": "Nuclear Medicine",
    "D": "Radiation Therapy",
    "F": "Physical Rehabilitation and Diagnostic Audiology",
    "G": "Mental Health",
    "H": "Substance Abuse Treatment",
    "X": "New Technology",
}

# Browse groups. CPT: the code book's sections by code range (E/M before Medicine,
# whose range surrounds it); Category II, III and PLA codes by their last character.

CPT_SECTIONS = [
    # (key, name, first, last, last character)
    ("evaluation-management", "Evaluation and Management", "99202", "99499", ""),
    ("anesthesia", "Anesthesia", "00100", "01999", ""),
    ("surgery", "Surgery", "10004", "69990", ""),
    ("radiology", "Radiology", "70010", "79999", ""),
    ("pathology-laboratory", "Pathology and Laboratory", "80047", "89398", ""),
    ("medicine", "Medicine", "90281", "99607", ""),
    ("category-ii", "Category II (performance measurement)", "0001F", "9999F", "F"),
    ("category-iii", "Category III (emerging technology)", "0001T", "9999T", "T"),
    ("pla", "Proprietary Laboratory Analyses", "0001U", "9999U", "U"),
]

HCPCS_LETTERS = {
    "A": "Transportation, medical and surgical supplies, miscellaneous",
    "B": "Enteral and parenteral therapy",
    "C": "Outpatient prospective payment system (temporary)",
    "D": "Dental procedures",
    "E": "Durable medical equipment",
    "G": "Procedures and professional services (temporary)",
    "H": "Alcohol and drug abuse treatment and behavioral health services",
    "J": "Drugs administered other than oral method, chemotherapy drugs",
    "K": "Durable medical equipment for DME MACs (temporary)",
    "L": "Orthotic and prosthetic procedures and devices",
    "M": "Other medical services",
    "P": "Pathology and laboratory services",
    "Q": "Miscellaneous services (temporary)",
    "R": "Diagnostic radiology services",
    "S": "Commercial payer codes (temporary national, non-Medicare)",
    "T": "State Medicaid agency codes",
    "U": "Coronavirus diagnostic panel tests",
    "V": "Vision, hearing and speech-language pathology services",
}

# ICD-10-CM notes, in the order a page shows them.
ICD10CM_NOTE_ORDER = [
    "inclusion_term",
    "includes",
    "excludes1",
    "excludes2",
    "code_first",
    "use_additional_code",
    "code_also",
    "note",
    "seventh_character_note",
]

# HCPCS Level II annual/quarterly file

HCPCS_PRICING = {
    "00": "Not separately priced by Part B",
    "11": "Priced from national RVUs (physician fee schedule)",
    "12": "Priced from national anesthesia base units",
    "13": "Priced by the Medicare contractor (physician fee schedule)",
    "21": "Clinical lab fee schedule: subject to the national limitation amount",
    "22": "Clinical lab fee schedule: priced by the Medicare contractor",
    "31": "DMEPOS: frequently serviced DME",
    "32": "DMEPOS: inexpensive or routinely purchased DME",
    "33": "DMEPOS: oxygen and oxygen equipment",
    "34": "DMEPOS: DME supplies",
    "35": "DMEPOS: surgical dressings",
    "36": "DMEPOS: capped rental DME",
    "37": "DMEPOS: ostomy, tracheostomy and urological supplies",
    "38": "DMEPOS: orthotics, prosthetics, prosthetic devices and vision services",
    "39": "DMEPOS: parenteral and enteral nutrition",
    "40": "Lymphedema compression treatment items",
    "45": "DMEPOS: customized DME items",
    "46": "DMEPOS: priced by the Medicare contractor",
    "51": "Drugs",
    "52": "Reasonable charge",
    "53": "Statute",
    "54": "Vaccinations",
    "55": "Splints and casts",
    "56": "Intraocular lenses inserted in a physician's office",
    "57": "Other items priced by the Medicare contractor",
    "99": "Value not established",
}

HCPCS_MULTIPLE_PRICING = {
    "9": "Not applicable: not separately priced or no established value",
    "A": "Not applicable: priced under one method",
    "B": "Professional component priced with RVUs; technical and global priced by the contractor",
    "C": "Physician interpretation priced with RVUs; the lab test under the lab fee schedule",
    "D": "Obsolete since 1998",
    "E": "Obsolete since 1998",
    "F": "Obsolete since 1998",
    "G": "Reasonable charge with blood products, lab fee schedule otherwise",
}

HCPCS_COVERAGE = {
    "C": "Carrier judgment",
    "D": "Special coverage instructions apply",
    "I": "Not payable by Medicare (another code is used)",
    "M": "Non-covered by Medicare",
    "S": "Non-covered by Medicare statute",
}

HCPCS_ACTION = {
    "A": "Added",
    "B": "Long description and an administrative field changed",
    "C": "Long description changed",
    "D": "Discontinued",
    "F": "Administrative field changed",
    "N": "No change",
    "P": "Payment change",
    "R": "Reactivated",
    "S": "Short description changed",
    "T": "Miscellaneous change (BETOS, type of service)",
}
