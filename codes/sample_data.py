"""The bundled sample set: a few dozen CPT, HCPCS Level II and modifier entries.

Every row is tied to the "sample" release, so pages showing it say "Sample data".
- CPT: only 97545/97546 carry official descriptors (given for the sample); the other
  CPT codes carry our plain-language text only, since CPT descriptors are licensed
  from the AMA and load through the CPT importers.
- HCPCS Level II and Level II modifier descriptors, BETOS, type of service and add
  dates: CMS HCPCS 2019 annual file (public domain).
- Fee schedule indicators and RVUs: CMS MPFS 2025 national RVU file, October release.
- Plain-language descriptions and page sections: written by CodeAhead.
"""

SAMPLE_RELEASE = {
    "key": "sample",
    "name": "Sample data (indicators from CMS MPFS 2025 October, HCPCS 2019)",
}
PFS_YEAR = 2025

# PPRRVU 2025 October, global rows. Fields: status|not-used|work|nonfac PE|nonfac NA|
# fac PE|fac NA|MP|nonfac total|fac total|PC/TC|global|mult proc|bilat|asst|co-surg|
# team|endo base|conv factor|phys supervision|imaging family
PFS_FIELDS = [
    "status",
    "not_used_for_payment",
    "work_rvu",
    "nonfacility_pe_rvu",
    "nonfacility_na",
    "facility_pe_rvu",
    "facility_na",
    "mp_rvu",
    "nonfacility_total",
    "facility_total",
    "pctc",
    "global_days",
    "multiple_procedure",
    "bilateral_surgery",
    "assistant_surgeon",
    "co_surgeons",
    "team_surgery",
    "endoscopic_base",
    "conversion_factor",
    "physician_supervision",
    "imaging_family",
]
PFS = {
    "10060": "A||1.22|2.49||1.89||0.13|3.84|3.24|0|010|2|0|1|0|0||32.3465|09|99",
    "11042": "A||1.01|2.73||0.68||0.13|3.87|1.82|0|000|2|0|1|0|0||32.3465|09|99",
    "20610": "A||0.79|1.04||0.44||0.13|1.96|1.36|0|000|2|1|1|0|0||32.3465|09|99",
    "29881": "A||7.03|8.22|NA|8.22||1.39|16.64|16.64|0|090|3|1|0|0|0|29870|32.3465|09|99",
    "36415": "X||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "43239": "A||2.39|8.36||1.42||0.29|11.04|4.10|0|000|3|0|1|0|0|43235|32.3465|09|99",
    "45378": "A||3.26|6.44||1.79||0.43|10.13|5.48|0|000|2|0|1|0|0||32.3465|09|99",
    "47562": "A||10.47|6.97|NA|6.97||2.62|20.06|20.06|0|090|2|0|2|1|0||32.3465|09|99",
    "70450": "A||0.85|2.35||2.35|NA|0.05|3.25|3.25|1|XXX|4|0|0|0|0||32.3465|09|88",
    "71046": "A||0.22|0.77||0.77|NA|0.02|1.01|1.01|1|XXX|0|0|0|0|0||32.3465|09|99",
    "73721": "A||1.35|4.75||4.75|NA|0.09|6.19|6.19|1|XXX|4|3|0|0|0||32.3465|09|88",
    "74177": "A||1.82|7.25||7.25|NA|0.12|9.19|9.19|1|XXX|4|0|9|0|0||32.3465|09|88",
    "80053": "X||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "85025": "X||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "90471": "A||0.17|0.44||0.44|NA|0.01|0.62|0.62|5|XXX|0|0|0|0|0||32.3465|09|99",
    "90834": "A||2.45|0.72||0.31||0.05|3.22|2.81|0|XXX|0|0|9|0|0||32.3465|09|99",
    "93000": "A||0.17|0.24||0.24|NA|0.02|0.43|0.43|4|XXX|6|0|0|0|0||32.3465|01|99",
    "93306": "A||1.46|4.28||4.28|NA|0.07|5.81|5.81|1|XXX|6|0|0|0|0||32.3465|09|99",
    "96372": "A||0.17|0.25||0.25|NA|0.01|0.43|0.43|5|XXX|0|0|0|0|0||32.3465|09|99",
    "97110": "A||0.45|0.43||0.43|NA|0.01|0.89|0.89|7|XXX|5|0|0|0|0||32.3465|09|99",
    "97140": "A||0.43|0.40||0.40|NA|0.01|0.84|0.84|7|XXX|5|0|0|0|0||32.3465|09|99",
    "97545": "R||0.00|0.00||0.00||0.00|0.00|0.00|7|XXX|0|0|0|0|0||32.3465|09|99",
    "97546": "R||0.00|0.00||0.00||0.00|0.00|0.00|7|ZZZ|0|0|0|0|0||32.3465|09|99",
    "99203": "A||1.60|1.61||0.69||0.16|3.37|2.45|0|XXX|0|0|0|0|0||32.3465|09|99",
    "99213": "A||1.30|1.35||0.57||0.10|2.75|1.97|0|XXX|0|0|0|0|0||32.3465|09|99",
    "99214": "A||1.92|1.80||0.83||0.15|3.87|2.90|0|XXX|0|0|0|0|0||32.3465|09|99",
    "99232": "A||1.59|0.64|NA|0.64||0.13|2.36|2.36|0|XXX|0|0|0|0|0||32.3465|09|99",
    "99285": "A||4.00|0.79|NA|0.79||0.43|5.22|5.22|0|XXX|0|0|0|0|0||32.3465|09|99",
    "A0428": "X||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "A4253": "P||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "A4550": "B||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "G0008": "X||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "G0009": "X||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "G0102": "A||0.18|0.51||0.07||0.01|0.70|0.26|0|XXX|9|9|9|9|9||32.3465|09|99",
    "G0121": "A||3.26|6.44||1.79||0.44|10.14|5.49|0|000|2|0|1|0|0||32.3465|09|99",
    "G0438": "A||2.60|2.20||2.20|NA|0.16|4.96|4.96|0|XXX|0|0|0|0|0||32.3465|09|99",
    "G0439": "A||1.92|1.86||1.86|NA|0.13|3.91|3.91|0|XXX|0|0|0|0|0||32.3465|09|99",
    "J0696": "E||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "J1100": "E||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "J1885": "E||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "J3301": "E||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "J7613": "E||0.00|0.00||0.00||0.00|0.00|0.00|9|XXX|9|9|9|9|9||32.3465|09|99",
    "Q0091": "A||0.37|0.95||0.15||0.02|1.34|0.54|0|XXX|0|0|0|0|0||32.3465|09|99",
}

# CPT: code -> plain-language description (our words).
CPT = {
    "99203": "Office or outpatient visit for a new patient with low-complexity medical "
    "decision making, or at least 30 minutes of total time that day.",
    "99213": "Office or outpatient visit for an established patient with low-complexity "
    "medical decision making, or at least 20 minutes of total time that day.",
    "99214": "Office or outpatient visit for an established patient with moderate-complexity "
    "medical decision making, or at least 30 minutes of total time that day.",
    "99232": "Follow-up hospital inpatient or observation care on a later day, with "
    "moderate-complexity medical decision making or about 35 minutes of total time.",
    "99285": "Emergency department visit that needs high-complexity medical decision making.",
    "10060": "Incision and drainage (I&D) of a skin abscess, simple or single: cutting "
    "open and draining a boil or an infected cyst.",
    "11042": "Removing dead or unhealthy tissue down to the layer under the skin, for the "
    "first 20 square centimetres or less of wound surface.",
    "20610": "Arthrocentesis (aspiration or injection) of a major joint or bursa: drawing "
    "fluid from or injecting medicine into a large joint, such as the knee or shoulder, "
    "without ultrasound guidance.",
    "29881": "Knee arthroscopy with meniscectomy, medial or lateral: removal or trimming of "
    "torn meniscus cartilage on the inner or outer side, including any shaving of the joint "
    "lining.",
    "43239": "Upper endoscopy (EGD) with biopsy: a scope through the mouth to the oesophagus, "
    "stomach and duodenum, with one or more tissue samples taken.",
    "45378": "Diagnostic colonoscopy: a scope passed through the whole large bowel to look at "
    "it, with samples of material collected if needed.",
    "47562": "Removal of the gallbladder through small incisions with a laparoscope.",
    "70450": "CT scan of the head or brain without contrast material.",
    "71046": "Chest X-ray with two views.",
    "73721": "MRI of a leg joint, such as the knee or ankle, without contrast material.",
    "74177": "CT scan of the abdomen and pelvis with contrast material.",
    "36415": "Drawing blood from a vein with a needle for testing.",
    "80053": "Comprehensive metabolic panel: a standard group of blood chemistry tests "
    "covering kidney and liver function, electrolytes, glucose and proteins.",
    "85025": "Complete blood count (CBC) with platelet count and an automated differential: "
    "a machine count of each type of white cell.",
    "90471": "Giving one vaccine or toxoid by injection (the first one that day).",
    "90834": "Individual psychotherapy session with the patient, about 45 minutes (38 to 52 "
    "minutes of face-to-face time).",
    "93000": "Routine 12-lead electrocardiogram (ECG) with interpretation and report.",
    "93306": "Complete echocardiogram through the chest wall, with Doppler and colour flow "
    "imaging of the heart.",
    "96372": "Injection of a medicine under the skin or into a muscle for treatment, "
    "prevention or diagnosis.",
    "97110": "Therapeutic exercise to build strength, endurance, range of motion and "
    "flexibility, billed in 15-minute units.",
    "97140": "Hands-on manual therapy, such as mobilization or manipulation of joints and "
    "soft tissue, billed in 15-minute units.",
}

WORK_HARDENING = {
    "97545": {
        "medium_description": "WORK HARDENING/CONDITIONING INITIAL 2 HOURS",
        "long_description": "Work hardening/conditioning; initial 2 hours",
        "plain_description": "The first two hours of a structured, job-focused rehabilitation "
        "programme that rebuilds the strength, endurance and work habits a patient needs to "
        "return to a specific job.",
    },
    "97546": {
        "short_description": "WORK HARDENING ADD-ON",
        "medium_description": "WORK HARDENING/CONDITIONING EACH HOUR",
        "long_description": "Work hardening/conditioning; each additional hour (List separately "
        "in addition to code for primary procedure)",
        "plain_description": "Each extra hour of a work hardening or conditioning programme "
        "beyond the first two hours. It is never reported alone: it goes on the same claim as "
        "97545, which covers the first two hours.",
    },
}

SECTIONS_97546 = [
    (
        "Indications",
        "Work hardening suits a patient who has finished the acute phase of care for an "
        "injury or illness but cannot yet meet the physical demands of a particular job. "
        "The programme is individualised and goal-directed, usually for workers' "
        "compensation or return-to-work cases, and is considered when ordinary therapy has "
        "plateaued.",
    ),
    (
        "Procedure",
        "After the first two hours reported with 97545, the therapist continues with "
        "simulated or real work tasks, graded conditioning, lifting and carrying practice, "
        "and education on body mechanics. Each further full hour of the session is reported "
        "with one unit of 97546; the time and activities are documented.",
    ),
    (
        "Post-Procedure",
        "Progress toward the job's physical demands is measured and recorded, the plan of "
        "care is updated, and the patient is discharged to work, to a modified-duty "
        "position, or to further care.",
    ),
]

# HCPCS Level II (CMS HCPCS 2019): code -> (long, short, BETOS, TOS, add date, plain text)
HCPCS = {
    "A0428": (
        "Ambulance service, basic life support, non-emergency transport, (bls)",
        "Bls",
        "O1A",
        "D",
        "2001-01-01",
        "A scheduled, non-emergency ambulance trip at the basic life support level.",
    ),
    "A4253": (
        "Blood glucose test or reagent strips for home blood glucose monitor, per 50 strips",
        "Blood glucose/reagent strips",
        "D1E",
        "P",
        "1986-01-01",
        "Test strips for a home blood sugar meter, billed per box of 50.",
    ),
    "A4550": (
        "Surgical trays",
        "Surgical trays",
        "Y1",
        "9",
        "1982-01-01",
        "A pre-packed tray of supplies used for a procedure.",
    ),
    "E0114": (
        "Crutches underarm, other than wood, adjustable or fixed, pair, with pads, tips and "
        "handgrips",
        "Crutch underarm pair no wood",
        "D1E",
        "APR",
        "1986-01-01",
        "A pair of underarm crutches made of metal or another non-wood material.",
    ),
    "E0601": (
        "Continuous positive airway pressure (cpap) device",
        "Cont airway pressure device",
        "D1E",
        "R",
        "1988-01-01",
        "A CPAP machine that keeps the airway open during sleep, usually for sleep apnoea.",
    ),
    "G0008": (
        "Administration of influenza virus vaccine",
        "Admin influenza virus vac",
        "O1G",
        "V",
        "1994-01-01",
        "Giving a flu shot to a Medicare patient (the vaccine itself is billed separately).",
    ),
    "G0009": (
        "Administration of pneumococcal vaccine",
        "Admin pneumococcal vaccine",
        "O1G",
        "V",
        "1994-01-01",
        "Giving a pneumococcal (pneumonia) vaccine to a Medicare patient.",
    ),
    "G0102": (
        "Prostate cancer screening; digital rectal examination",
        "Prostate ca screening; dre",
        "Y1",
        "1",
        "2000-01-01",
        "A screening rectal examination of the prostate for cancer.",
    ),
    "G0121": (
        "Colorectal cancer screening; colonoscopy on individual not meeting criteria for high risk",
        "Colon ca scrn not hi rsk ind",
        "I1D",
        "2",
        "1998-01-01",
        "A screening colonoscopy for a patient at average risk of colorectal cancer.",
    ),
    "G0438": (
        "Annual wellness visit; includes a personalized prevention plan of service (pps), "
        "initial visit",
        "Ppps, initial visit",
        "M5D",
        "1",
        "2011-01-01",
        "The first Medicare annual wellness visit, which sets up a personal prevention plan.",
    ),
    "G0439": (
        "Annual wellness visit, includes a personalized prevention plan of service (pps), "
        "subsequent visit",
        "Ppps, subseq visit",
        "M5D",
        "1",
        "2011-01-01",
        "A later yearly Medicare wellness visit that updates the prevention plan.",
    ),
    "J0696": (
        "Injection, ceftriaxone sodium, per 250 mg",
        "Ceftriaxone sodium injection",
        "O1E",
        "1P",
        "1990-01-01",
        "The antibiotic ceftriaxone given by injection, billed per 250 mg.",
    ),
    "J1030": (
        "Injection, methylprednisolone acetate, 40 mg",
        "Methylprednisolone 40 mg inj",
        "O1E",
        "1P",
        "1982-01-01",
        "The steroid methylprednisolone acetate given by injection, billed per 40 mg.",
    ),
    "J1100": (
        "Injection, dexamethasone sodium phosphate, 1 mg",
        "Dexamethasone sodium phos",
        "O1E",
        "1P",
        "1982-01-01",
        "The steroid dexamethasone given by injection, billed per 1 mg.",
    ),
    "J1885": (
        "Injection, ketorolac tromethamine, per 15 mg",
        "Ketorolac tromethamine inj",
        "O1E",
        "1P",
        "1993-01-01",
        "The anti-inflammatory pain reliever ketorolac given by injection, per 15 mg.",
    ),
    "J3301": (
        "Injection, triamcinolone acetonide, not otherwise specified, 10 mg",
        "Triamcinolone acet inj nos",
        "O1E",
        "1P",
        "1991-01-01",
        "The steroid triamcinolone acetonide given by injection, billed per 10 mg.",
    ),
    "J7613": (
        "Albuterol, inhalation solution, fda-approved final product, non-compounded, "
        "administered through dme, unit dose, 1 mg",
        "Albuterol non-comp unit",
        "D1G",
        "1P",
        "2005-01-01",
        "Ready-made albuterol solution for a home nebuliser, billed per 1 mg unit dose.",
    ),
    "K0001": (
        "Standard wheelchair",
        "Standard wheelchair",
        "D1D",
        "R",
        "1994-01-01",
        "A standard manual wheelchair.",
    ),
    "L3908": (
        "Wrist hand orthosis, wrist extension control cock-up, non molded, prefabricated, "
        "off-the-shelf",
        "Who cock-up nonmolde pre ots",
        "D1F",
        "P",
        "1986-01-01",
        "A ready-made wrist splint that holds the wrist bent slightly back, fitted without "
        "custom moulding.",
    ),
    "Q0091": (
        "Screening papanicolaou smear; obtaining, preparing and conveyance of cervical or "
        "vaginal smear to laboratory",
        "Obtaining screen pap smear",
        "P6C",
        "1",
        "1992-01-01",
        "Collecting a screening Pap smear and sending it to the laboratory.",
    ),
}

# Modifiers: code -> (official long, official short, add date, plain text). CPT (numeric)
# modifiers carry only our plain text: their descriptors are AMA copyright.
MODIFIERS = {
    "25": (
        "",
        "",
        None,
        "Significant, separately identifiable E/M service by the same clinician on the same "
        "day as a procedure or other service.",
    ),
    "26": ("", "", None, "Professional component only: the interpretation of a test."),
    "50": (
        "",
        "",
        None,
        "Bilateral procedure: the same procedure on both sides in one session.",
    ),
    "51": (
        "",
        "",
        None,
        "Multiple procedures by the same clinician in the same session.",
    ),
    "59": (
        "",
        "",
        None,
        "Distinct procedural service: a separate session, site, incision or injury. CMS "
        "prefers XE, XS, XP or XU where one fits.",
    ),
    "62": ("", "", None, "Two surgeons, each doing a distinct part of one procedure."),
    "66": (
        "",
        "",
        None,
        "Surgical team: several surgeons on one highly complex procedure.",
    ),
    "76": ("", "", None, "Repeat procedure or service by the same clinician."),
    "77": ("", "", None, "Repeat procedure or service by a different clinician."),
    "78": (
        "",
        "",
        None,
        "Unplanned return to the operating or procedure room for a related procedure during "
        "the post-operative period.",
    ),
    "79": (
        "",
        "",
        None,
        "Unrelated procedure by the same clinician during the post-operative period.",
    ),
    "80": ("", "", None, "Assistant surgeon."),
    "82": (
        "",
        "",
        None,
        "Assistant surgeon when no qualified resident surgeon was available.",
    ),
    "TC": (
        "Technical component; under certain circumstances, a charge may be made for the "
        "technical component alone; under those circumstances the technical component charge "
        "is identified by adding modifier 'tc' to the usual procedure number; technical "
        "component charges are institutional charges and not billed separately by physicians; "
        "however, portable x-ray suppliers only bill for technical component and should "
        "utilize modifier tc; the charge data from portable x-ray suppliers will then be used "
        "to build customary and prevailing profiles",
        "Technical component",
        "1984-01-01",
        "Technical component only: the equipment, staff and supplies part of a test.",
    ),
    "GP": (
        "Services delivered under an outpatient physical therapy plan of care",
        "Op pt services",
        "1999-01-01",
        "The service was given under an outpatient physical therapy plan of care.",
    ),
    "GO": (
        "Services delivered under an outpatient occupational therapy plan of care",
        "Op occupational therapy serv",
        "1999-01-01",
        "The service was given under an outpatient occupational therapy plan of care.",
    ),
    "GN": (
        "Services delivered under an outpatient speech language pathology plan of care",
        "Op speech language service",
        "1999-01-01",
        "The service was given under an outpatient speech-language pathology plan of care.",
    ),
    "XE": (
        "Separate encounter, a service that is distinct because it occurred during a separate "
        "encounter",
        "Separate encounter",
        "2015-01-01",
        "Distinct because it happened at a different encounter on the same day.",
    ),
    "XS": (
        "Separate structure, a service that is distinct because it was performed on a separate "
        "organ/structure",
        "Separate organ/structure",
        "2015-01-01",
        "Distinct because it was done on a different organ or structure.",
    ),
    "XP": (
        "Separate practitioner, a service that is distinct because it was performed by a "
        "different practitioner",
        "Separate practitioner",
        "2015-01-01",
        "Distinct because a different practitioner did it.",
    ),
    "XU": (
        "Unusual non-overlapping service, the use of a service that is distinct because it "
        "does not overlap usual components of the main service",
        "Unusual separate service",
        "2015-01-01",
        "Distinct because it does not overlap the usual parts of the main service.",
    ),
    "LT": (
        "Left side (used to identify procedures performed on the left side of the body)",
        "Left side",
        "1984-01-01",
        "Procedure done on the left side of the body.",
    ),
    "RT": (
        "Right side (used to identify procedures performed on the right side of the body)",
        "Right side",
        "1984-01-01",
        "Procedure done on the right side of the body.",
    ),
    "KX": (
        "Requirements specified in the medical policy have been met",
        "Documentation on file",
        "2002-07-01",
        "The requirements of the relevant medical policy are met and documentation is on file.",
    ),
}

# Which modifiers the sample attaches to which codes (from each code's fee schedule
# indicators: PC/TC 1 takes 26/TC, bilateral 1 takes 50, therapy codes take GP).
CODE_MODIFIERS = {
    "97545": ["GP"],
    "97546": ["GP"],
    "97110": ["GP", "GO"],
    "97140": ["GP", "GO"],
    "70450": ["26", "TC"],
    "71046": ["26", "TC"],
    "73721": ["26", "TC", "LT", "RT"],
    "74177": ["26", "TC"],
    "93306": ["26", "TC"],
    "20610": ["50", "LT", "RT"],
    "29881": ["50", "LT", "RT", "51"],
    "99203": ["25"],
    "99213": ["25"],
    "99214": ["25"],
}
