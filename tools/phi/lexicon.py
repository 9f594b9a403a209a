"""Word lists the recognizers and context rules read (data only, in our own words).

Kept apart from the patterns so a reviewer can extend a list without reading regexes.
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Two-letter codes of US states and territories, Canadian provinces and Australian
# states: a capitalised word before one of them ("Dayton, OH") is a city.
REGION_CODES = _words(
    """AL AK AZ AR CA CO CT DE DC FL GA HI IA IL IN KS KY LA ME MD MA MI MN MS MO MT NE
    NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI
    AB BC MB NB NL NS NT NU ON PE QC SK YT NSW VIC QLD TAS ACT"""
)
# Region codes that are also everyday words or labels: only with a comma before them
# and a postal code after, never on their own. ("ID" is left out: "Member ID".)
AMBIGUOUS_REGIONS = frozenset({"IN", "OR", "ME", "OK", "HI", "DE", "PA", "MA", "CO", "MD", "NT"})

# States, provinces and countries are not PHI (Safe Harbor keeps the state).
REGION_NAMES = _words(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
    Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio
    Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington
    Wisconsin Wyoming Alberta Manitoba Ontario Quebec Québec Saskatchewan Yukon Nunavut
    America USA US U.S. UK England Scotland Wales Ireland Canada Australia Mexico India
    China Japan Germany France Italy Spain Nigeria Ghana Kenya Philippines Vietnam Korea
    Brazil Russia Europe Africa Asia Columbia Carolina Dakota Jersey Hampshire York"""
)

# States and provinces of two words or more (a line is split on spaces above). New York
# is left out: it is a city too.
MULTI_WORD_REGIONS = frozenset(
    [
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "North Carolina",
        "North Dakota",
        "South Carolina",
        "South Dakota",
        "Rhode Island",
        "West Virginia",
        "Puerto Rico",
        "District of Columbia",
        "British Columbia",
        "Nova Scotia",
        "New Brunswick",
        "Prince Edward Island",
        "Northwest Territories",
        "Newfoundland and Labrador",
        "Northern Ireland",
        "New South Wales",
        "Western Australia",
        "South Australia",
        "Northern Territory",
        "Australian Capital Territory",
        "United States",
        "United Kingdom",
        "Great Britain",
        "U.S. Virgin Islands",
        "American Samoa",
    ]
)
# Words that end (or make) the name of a facility or workplace, which Safe Harbor
# treats as a place smaller than a state.
FACILITY_WORDS = _words(
    """Hospital Hospitals Clinic Clinics Clinique Center Centre Centers Medicine Medical
    Health Healthcare Pharmacy Laboratory Laboratories Lab Imaging Associates Institute
    Hospice Rehab Rehabilitation Dialysis Surgery Practice Pediatrics Geriatrics Neurology
    Cardiology Oncology Orthopedic Orthopaedic Spine Endocrine Respirology Pathology
    Radiology Dermatology Urology Psychiatry Behavioral EMS Unit School District University
    College Academy Facility Station Logistics Lines Supply Services Garage Brewing Respite
    House Living Gardens Home Care Group Partners Church Library Shelter Co. Co Company
    System Systems Inc Inc. LLC PLLC Ltd Corp Corporation Foods Farms Works Manufacturing Motors
    Market
    Store Bank Hotel Restaurant Campus Infirmary Sanatorium Surgical Wellness Therapy
    Lodge Manor Village Residence Residences Estate Tower Towers Plaza Mall Airport Prison
    Jail Penitentiary Depot Warehouse Plant Mill Farm Ranch Factory Yard Dock Marina Mosque
    Temple Synagogue Cathedral Chapel Mission YMCA YWCA Club Gym Fitness Salon Cafe Diner
    Bakery Grocery Supermarket Chemist Dental Dentistry Optometry Podiatry Physiotherapy
    Physio Chiropractic Audiology Counseling Counselling Recovery Detox Treatment Urgent
    Courthouse Precinct Barracks Base Shipyard Refinery Quarry Hall Halls Dormitory
    Kindergarten Preschool Daycare Nursery Creche Montessori Seminary Polytechnic GP
    Nursing Orthopaedics Orthopedics Rheumatology Gastroenterology Nephrology Endocrinology
    Pulmonology Hematology Haematology Ophthalmology Otolaryngology Obstetrics Gynecology
    Physicians Labs Drug Drugs Drugstore Elementary Schools Seafoods Laundry Laundromat
    Terminal Packers Packing Cooperative Co-op Institution CBOC VAMC Resort Commons
    Avionics Transport Transit Trucking Freight Construction Contractors Plumbing Roofing
    Lumber Hardware Dairy Cannery Foundry Mills Storage Industries Enterprises Apartments
    Outfitters Orchards Vineyards Winery Brewery Distillery Tavern Pub Grill Casino
    Cinema Theatre Theater Stadium Arena Fairgrounds Elevator Department Dept"""
)
# A capitalised run holding one of these names a payer, plan or programme, not a place.
PAYER_WORDS = _words(
    """Insurance Mutual PPO HMO EPO POS Medicare Medicaid Cross Shield Plan Plans
    Assurance Benefits Advantage Select Aetna Cigna Humana UnitedHealthcare Kaiser
    Package Program Programme Scheme Waiver"""
)

STREET_WORDS = (
    r"Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Circle|Cir"
    r"|Place|Pl|Way|Terrace|Ter|Parkway|Pkwy|Pike|Highway|Hwy|Mews|Close|Crescent|Cres"
    r"|Row|Hollow|Trail|Trl|Square|Sq|Loop|Alley|Path|Walk|Gardens|Grove|Plaza|Run"
    r"|Crossing|Point|Ridge|Heights|Green|Park|Expressway|Expy|Freeway|Fwy|Turnpike"
    # British, Irish and Australian street words
    r"|Rise|Vale|Gate|Quay|Parade|Pde|Esplanade|Circuit|Cct|Tce|Wynd|Drove|Chase|Hill"
    r"|Boulevarde|Wharf|Broadway|Causeway|Promenade|Strand|Avenida|Calle"
    r"|Spur|Pass|Bend|Bypass|Cove|Crest|Glen|Landing|Trace|Vista|Knoll|Xing|Yard"
)
UNIT_WORDS = (
    r"Suite|Ste|Apt|Apartment|Unit|Lot|Bldg|Building|Floor|Fl|Room|Rm|Flat|Box|Bay|Shop"
    r"|Level|Lvl|app|#"
)

# Titles and roles that put a person's name right after them.
TITLES = (
    r"Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Officer|Deputy|Detective|Sgt"
    r"|Chaplain|Pastor|Rev|Father|Sister|Brother|Judge|Coach|Captain|Capt|Lt"
    r"|SSgt|SFC|MSgt|Cpl|Pvt|PFC|SPC|Maj|Col|Cmdr|CDR|PO[123]|Ens"
)
# Labels on a line that a name follows ("Patient: ...", "Signed by ...").
NAME_LABELS = (
    r"Patient(?: name)?|Pt|Name|Former name|Also known as|AKA|PCP|Attending|Resident|Intern"
    r"|Fellow|Surgeon|Assistant|Anesthesia|Anesthesiologist|Anaesthetist|Referring"
    r"|Referred by|Referral from|Ordering|Provider|Prescriber|Coordinator|Site PI|PI"
    r"|PI review|Caller|Signed|Signed by|Electronically signed(?: by)?|Dictated by"
    r"|Transcribed by|Reviewed by|Verified by|Entered by|Co-?sign(?:ed)?(?: by)?|cc|To|From"
    r"|Attn|attn\.|Witness|Physician|Consultant|Examiner|Medical examiner|Pharmacist"
    r"|Technician|Clinician|Therapist|Dietitian|Screener|Scribe|Interpreter|Guardian"
    r"|Next of kin|NOK|Emergency contact|Contact|Crew|Driver|Infant|Mother|Father"
    r"|Submitting|Pathologist|Radiologist|Accepting physician|Sending physician|RN|MD|NP"
    r"|Case manager|Social worker|Chaperone|Student|Requester|Requested by|Guarantor"
    r"|Guarantor/Patient|Subscriber|Insured|Member|Employee|Officer|Rep|Representative"
    r"|Laboratory Director|Director|Supervisor|Manager|Device physician|Device specialist"
    r"|Support person|Pediatrician of record|Treating surgeon|Re|Dear|Spoke with|Seen by"
    r"|Report given(?: RN-to-RN)?|Released by|Authorized by|Housing navigator|Navigator"
)
# Relatives and others a note names after the relation ("her son, Rui").
RELATIONS = (
    r"(?:son|daughter|mother|father|brother|sister)-in-law"
    r"|wife|husband|spouse|partner|son|daughter|dtr|mother|mom|mum|father|dad|sister"
    r"|brother|niece|nephew|aunt|uncle|cousin|grandson|granddaughter|grandmother"
    r"|grandfather|grandchild|great-granddaughter|great-grandson|friend|neighbour"
    r"|neighbor|caregiver|carer|boyfriend|girlfriend|fiancé|fiancée|roommate|landlord"
    r"|child|stepson|stepdaughter|sibling|godmother|guardian|employer|coworker|colleague"
    # Roles written in running text ("facility nurse Odessa Grant").
    r"|nurse|officer|chaplain|dietitian|coordinator|navigator|pharmacist|therapist"
    r"|physician|doctor|aide|technician|interpreter|caseworker|social worker|surgeon"
    r"|midwife|paramedic|specialist|counsel(?:l)?or|manager|director|rep|clerk|volunteer"
    r"|EMT|medic|scribe|coder|tech"
)
# Credentials after a name ("Anil Varghese, MD"): the words before them are a person.
CREDENTIALS = (
    r"MD|DO|RN|NP|PA-C|PA|LPN|LVN|CNA|CCDS|CCRC|PharmD|RPh|PT|DPT|OT|OTR|SLP|MLS|MT|RD"
    r"|NRP|EMT|EMT-P|Paramedic|FP-C|FRCPC|FRCP|MBChB|MBBS|MRCGP|LCSW|LICSW|MSW|CNM"
    r"|CRNA|BSN|MSN|DNP|PhD|FACC|FACP|FACS|FCAP|CPhT|CDCES|CDE|CWS|LMFT|LPC|PsyD|DDS"
    r"|DMD|OD|DC|DPM|ARNP|APRN|CNS|RRT|RT|CCS|CPC|RHIA|RHIT|MA|CMA|HIM"
)

# Capitalised words that are clinical or administrative, never a person or place
# on their own (the model sometimes calls them one).
NOT_NAMES = _words(
    """CBC BMP CMP BID TID QID PRN NKDA HPI ROS PMH PSH FH SH ECG EKG MRI CT CXR ICU ED ER
    OR PACU SNF ADL ADLs IADL INR PT PTT HbA1c A1c LDL HDL TSH BNP eGFR GFR UACR COPD CHF
    CKD DM HTN AF AFib CAD MI TIA CVA DVT PE UTI GERD OSA BMI SpO2 RA GCS NSVT ICD CPT
    HCPCS DRG NPI DEA MBI SSN DOB MRN DOS LMP EDD GCT HIPAA PHI ROI HIM IRB EDC IWRS EMS
    NYHA LVEF HFmrEF HFrEF HFpEF AKI ESRD HD CRRT IV IM PO SC SL PR NPO KVO NS LR
    Assessment Plan History Exam Impression Diagnosis Diagnoses Medications Allergies
    Vitals Labs Results Findings Procedure Indication Indications Disposition Follow-up
    Patient Provider Physician Nurse Pharmacist Signed Dictated Reviewed Referring
    Foley Beers Parkinson Alzheimer Crohn Hodgkin Cushing Addison Hashimoto Raynaud
    Sjogren Sjögren Tourette Apgar Glasgow Braden Wagner Berg Katz Barthel Lawton Folstein
    Caprini Tinetti Romberg Babinski Homan Murphy McMurray Lachman Phalen Tinel Kernig
    Brudzinski Allen Trendelenburg Valsalva Epley Dix Hallpike Snellen Weber Rinne
    PI Dear Director Scribe PharmD Vitamin Replete Troponin Sigmoid Mottling Funeral
    Repeat X-ray Phone Request Dr Mr Mrs Ms SSgt Sgt
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur
    Thurs Fri Sat Sun Today Tomorrow Yesterday Tonight Continue Start Stop Hold Return
    Metformin Lisinopril Insulin Warfarin Apixaban Heparin Aspirin Tylenol Lasix Coumadin
    Medicare Medicaid Tricare Aetna Cigna Humana Dexcom Tandem Omnipod Medtronic Abbott
    Boston Scientific Philips ResMed Epic Cerner MyChart Zoom Teams Doxy"""
)

MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?"
    r"|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
FULL_MONTHS = r"January|February|March|April|June|July|August|September|October|November|December"
ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|twenty-first|twenty-second|twenty-third|twenty-fourth|twenty-fifth"
    r"|twenty-sixth|twenty-seventh|twenty-eighth|twenty-ninth|thirtieth|thirty-first"
)

# Words that say what kind of service a heading or unit is ("WOUND CARE CLINIC",
# "5 North Medical"): a facility's name needs one word that is none of these.
GENERIC_WORDS = _words(
    """Cardiac Cardiology Device Wound Diabetes Technology Correctional Occupational
    Prehospital Clinical Clinic Inpatient Outpatient Emergency Department Intake Nursing
    Family Internal Pain Sleep Heart Eye Senior Women's Children's Adult Pediatric Baby
    Mother Newborn Medical Health Care Pharmacy Psychiatry Psychiatric Behavioral Mental
    Financial Patient Patients Services Service Physical Therapy Rehab Rehabilitation
    Home Hospice Dialysis Hemodialysis Nephrology Goals Protected Release Authorization
    Dear North South East West Main General Regional Community Public Primary Urgent
    Sending Receiving Facility Unit Ward Floor DOT Hospital Center Centre Surgical
    Surgery Operating Recovery Anesthesia Labor Delivery Maternity Obstetric Oncology
    Cancer Infusion Imaging Radiology Laboratory Lab Reference Specialty Transplant
    Medication Management Safety Compliance Privacy Quality Billing Business Central
    Skilled Admission Discharge Pending Repeat Morning Baseline Recent Outside Urine
    Serum Blood Stool Lipid Liver Renal Thyroid Panel Screen Drug Drugs Routine Fasting
    Record Records Report Summary Note Notes Form Request Treatment Flowsheet Log
    Appeals Grievances Claims Utilization Review Member Members Customer Provider Relations
    Advanced Rendering Referring Ordering Transient Individualized Outreach Aged"""
)
