#!/usr/bin/env python3
"""Writes src/Switchboard.Fhir/Vocabulary/ConceptMaps/*.json: FHIR R4 ConceptMaps for the v2-to-FHIR vocabulary
maps Switchboard applies (HL7/v2-to-fhir mappings/codesystems, condensed in shared/reference/v2-to-fhir-mappings.md
section 5; rows marked 'ours' are Switchboard decisions, see docs/mapping-differences.md). Run after editing a table:
    python3 eng/gen-conceptmaps.py
The JSON files are the source of truth at run time; this script only keeps them consistent."""
import json, os

V2 = "http://terminology.hl7.org/CodeSystem/v2-"
TH = "http://terminology.hl7.org/CodeSystem/"
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "Switchboard.Fhir", "Vocabulary", "ConceptMaps")

def cm(id, title, ig, groups):
    return {
        "resourceType": "ConceptMap", "id": id, "url": f"urn:switchboard:conceptmap:{id}", "version": "1",
        "name": id, "title": title, "status": "active",
        "description": f"v2 to FHIR R4 vocabulary map. Source: HL7 v2-to-FHIR IG concept map '{ig}'; rows beyond the IG are Switchboard decisions.",
        "group": [{"source": s, "target": t, "element": [
            {"code": c, "target": [{"code": v, "equivalence": "equivalent"}]} for c, v in rows]} for s, t, rows in groups],
    }

def simple(id, title, ig, table, target, mapping):
    return cm(id, title, ig, [(V2 + table, target, list(mapping.items()))])

maps = [
    simple("AdministrativeSex", "Administrative sex (0001) to administrative-gender", "AdministrativeSex", "0001",
           "http://hl7.org/fhir/administrative-gender", {"F": "female", "M": "male", "O": "other", "U": "unknown", "A": "other", "N": "other"}),
    cm("PatientClass", "Patient class (0004) to Encounter.class", "PatientClass[EncounterClass]", [
        (V2 + "0004", "http://terminology.hl7.org/CodeSystem/v3-ActCode", [("E", "EMER"), ("I", "IMP"), ("O", "AMB"), ("P", "PRENC")]),
        (V2 + "0004", V2 + "0004", [("R", "R"), ("B", "B"), ("C", "C"), ("N", "N"), ("U", "U")])]),
    simple("PatientClassStatus", "Patient class (0004) to Encounter.status", "PatientClass[EncounterStatus]", "0004",
           "http://hl7.org/fhir/encounter-status", {"E": "in-progress", "I": "in-progress", "O": "in-progress", "P": "planned", "R": "in-progress",
                                                     "B": "in-progress", "C": "in-progress", "N": "in-progress", "U": "unknown"}),
    simple("EventEncounterStatus", "Trigger event (0003) to Encounter.status", "Event[EncounterStatus]", "0003",
           "http://hl7.org/fhir/encounter-status", {"A01": "in-progress", "A02": "in-progress", "A03": "finished", "A04": "planned", "A05": "planned",
                                                     "A11": "cancelled", "A13": "in-progress", "A38": "cancelled"}),
    simple("MaritalStatus", "Marital status (0002) to v3-MaritalStatus", "MaritalStatus", "0002",
           TH + "v3-MaritalStatus", {"A": "L", "D": "D", "M": "M", "S": "S", "W": "W", "C": "C", "G": "T", "P": "T", "R": "T", "E": "L",
                                     "N": "A", "I": "I", "B": "U"}),
    simple("MaritalStatusNull", "Marital status (0002) null flavours", "MaritalStatus", "0002",
           TH + "v3-NullFlavor", {"U": "UNK", "O": "OTH", "T": "NAVU"}),
    simple("InterpretationCodes", "Abnormal flags (0078) to v3-ObservationInterpretation", "InterpretationCodes", "0078",
           TH + "v3-ObservationInterpretation", {c: c for c in "< > A AA B CAR D DET E EX EXP H HH HU I IE IND L LL LU MS N NCL ND NEG NR NS POS R RR S SDD SYN-R SYN-S U UNE VS W WR".split()}),
    simple("ObservationResultStatus", "Observation result status (0085) to observation-status", "ObservationResultStatusCodesInterpretation", "0085",
           "http://hl7.org/fhir/observation-status", {"A": "amended", "C": "corrected", "D": "entered-in-error", "F": "final", "P": "preliminary",
                                                       "W": "entered-in-error", "X": "cancelled", "I": "registered", "O": "registered", "R": "preliminary",
                                                       "S": "preliminary", "U": "final", "V": "final", "B": "amended", "N": "unknown"}),
    simple("DiagnosticReportStatus", "Result status (0123) to diagnostic-report-status", "ResultStatus", "0123",
           "http://hl7.org/fhir/diagnostic-report-status", {"O": "registered", "I": "registered", "S": "registered", "P": "preliminary", "C": "corrected",
                                                             "R": "partial", "F": "final", "X": "cancelled", "A": "partial", "M": "corrected", "N": "final"}),
    simple("OrderControlStatus", "Order control (0119) to request-status", "OrderControlCode[ServiceRequest.status]", "0119",
           "http://hl7.org/fhir/request-status", {**{c: "active" for c in "NW OK CA AF HD PR PY RL RO RQ SC".split()},
                                                   **{c: "revoked" for c in "CR DC DF DR OC OD".split()}, "HR": "on-hold", "OH": "on-hold", "FU": "completed"}),
    simple("OrderStatus", "Order status (0038) to request-status", "OrderStatus", "0038",
           "http://hl7.org/fhir/request-status", {"CA": "revoked", "CM": "completed", "DC": "revoked", "ER": "entered-in-error", "HD": "on-hold",
                                                   "IP": "active", "RP": "revoked", "SC": "active", "A": "active"}),
    simple("OrderControlMedicationStatus", "Order control (0119) to medicationrequest-status", "ours", "0119",
           "http://hl7.org/fhir/CodeSystem/medicationrequest-status", {**{c: "active" for c in "NW OK SC IP RL RO PY AF HD CA XO XX RE".split()},
                                                                       "HR": "on-hold", "OH": "on-hold", "OC": "cancelled", "CR": "cancelled",
                                                                       **{c: "stopped" for c in "DC OD DR DF".split()}, "FU": "completed"}),
    simple("OrderStatusMedication", "Order status (0038) to medicationrequest-status", "ours", "0038",
           "http://hl7.org/fhir/CodeSystem/medicationrequest-status", {"HD": "on-hold", "CA": "cancelled", "DC": "stopped", "RP": "stopped",
                                                                       "CM": "completed", "ER": "entered-in-error", "IP": "active", "SC": "active"}),
    simple("AppointmentStatus", "Filler status (0278) to appointmentstatus", "FillerStatusCodes[Appointment]", "0278",
           "http://hl7.org/fhir/appointmentstatus", {"Pending": "pending", "Waitlist": "waitlist", "Booked": "booked", "Started": "checked-in",
                                                      "Complete": "fulfilled", "Cancelled": "cancelled", "Deleted": "entered-in-error", "Noshow": "noshow",
                                                      "Discontinued": "cancelled", "Overbook": "booked"}),
    simple("EventAppointmentStatus", "SIU trigger (0003) to appointmentstatus", "ours", "0003",
           "http://hl7.org/fhir/appointmentstatus", {"S12": "booked", "S13": "booked", "S14": "booked", "S15": "cancelled", "S16": "cancelled",
                                                      "S17": "entered-in-error", "S26": "noshow"}),
    simple("NameUse", "Name type (0200) to name-use", "NameType", "0200", "http://hl7.org/fhir/name-use",
           {"L": "official", "R": "official", "D": "usual", "M": "maiden", "N": "nickname", "BAD": "old", "MSK": "anonymous", "NAV": "temp",
            "TEMP": "temp", "NOUSE": "old"}),
    simple("AddressUse", "Address type (0190) to address-use", "AddressType[Use]", "0190", "http://hl7.org/fhir/address-use",
           {"H": "home", "B": "work", "O": "work", "C": "temp", "BA": "old", "BI": "billing"}),
    simple("AddressType", "Address type (0190) to address-type", "AddressType[Type]", "0190", "http://hl7.org/fhir/address-type",
           {"M": "postal", "SH": "postal"}),
    simple("TelecomUse", "Telecommunication use (0201) to contact-point-use", "TelecommunicationUseCode", "0201",
           "http://hl7.org/fhir/contact-point-use", {"PRN": "home", "WPN": "work", "PRS": "mobile", "ORN": "home", "VHN": "home"}),
    simple("TelecomEquipment", "Telecommunication equipment (0202) to contact-point-system", "TelecommunicationEquipmentType", "0202",
           "http://hl7.org/fhir/contact-point-system", {"PH": "phone", "FX": "fax", "CP": "phone", "BP": "pager", "Internet": "email",
                                                         "X.400": "email", "MD": "other", "SAT": "other", "TDD": "other", "TTY": "other"}),
    cm("Relationship", "Relationship (0063) to v3-RoleCode", "Relationship", [
        (V2 + "0063", TH + "v3-RoleCode", [("SEL", "ONESELF"), ("SPO", "SPS"), ("DOM", "SIGOTHR"), ("CHD", "CHILD"), ("PAR", "PRN"), ("MTH", "MTH"),
                                            ("FTH", "FTH"), ("SIB", "SIB"), ("GRP", "GRPRN"), ("BRO", "BRO"), ("SIS", "SIS"), ("FND", "FRND"),
                                            ("EMC", "ECON"), ("UNK", "UNK")]),
        (V2 + "0063", V2 + "0063", [("DEP", "DEP"), ("WRD", "WRD"), ("CGV", "CGV"), ("GRD", "GRD"), ("OTH", "OTH")])]),
    simple("AllergenCategory", "Allergen type (0127) to allergy-intolerance-category", "AllergenType[AllergyIntolerance.category]", "0127",
           "http://hl7.org/fhir/allergy-intolerance-category", {"DA": "medication", "FA": "food", "EA": "environment", "PA": "environment",
                                                                 "LA": "environment", "AA": "biologic"}),
    simple("AllergySeverity", "Allergy severity (0128) to reaction severity", "AllergySeverity[AllergyIntolerance.reaction.severity]", "0128",
           "http://hl7.org/fhir/reaction-event-severity", {"SV": "severe", "MO": "moderate", "MI": "mild"}),
    simple("AllergyCriticality", "Allergy severity (0128) to allergy-intolerance-criticality", "AllergySeverity[AllergyIntolerance.criticality]", "0128",
           "http://hl7.org/fhir/allergy-intolerance-criticality", {"SV": "high", "MI": "low"}),
    simple("ImmunizationStatus", "Completion status (0322) to event-status", "CompletionStatus", "0322",
           "http://hl7.org/fhir/event-status", {"CP": "completed", "PA": "completed", "RE": "not-done", "NA": "not-done"}),
    simple("Priority", "Priority (0485) to request-priority", "ExtendedPriorityCodes", "0485", "http://hl7.org/fhir/request-priority",
           {"S": "stat", "A": "asap", "R": "routine", "P": "urgent", "C": "urgent", "T": "urgent", "PRN": "routine"}),
    simple("DiagnosisType", "Diagnosis type (0052) to diagnosis-role", "DiagnosisType", "0052", TH + "diagnosis-role", {"A": "AD", "F": "DD", "W": "CC"}),
    simple("DocumentStatus", "Document completion status (0271) to composition-status", "ours", "0271", "http://hl7.org/fhir/composition-status",
           {"AU": "final", "LA": "final", "DI": "preliminary", "DO": "preliminary", "IN": "preliminary", "IP": "preliminary", "PA": "preliminary"}),
    simple("DocumentAvailability", "Document availability (0273) to document-reference-status", "ours", "0273",
           "http://hl7.org/fhir/document-reference-status", {"AV": "current", "OB": "superseded", "CA": "entered-in-error", "UN": "current"}),
    simple("ReferralStatus", "Referral status (0283) to request-status", "ours", "0283", "http://hl7.org/fhir/request-status",
           {"A": "active", "P": "draft", "R": "revoked", "E": "completed"}),
    simple("ReferralPriority", "Referral priority (0280) to request-priority", "ours", "0280", "http://hl7.org/fhir/request-priority",
           {"S": "stat", "A": "asap", "R": "routine"}),
    simple("CodingSystems", "Coding system names (0396) to FHIR system URIs", "ours (HL7 terminology NamingSystems)", "0396", "urn:ietf:rfc:3986", {
        "LN": "http://loinc.org", "LOINC": "http://loinc.org", "SCT": "http://snomed.info/sct", "SNM": "http://snomed.info/sct",
        "SNOMED": "http://snomed.info/sct", "SNOMEDCT": "http://snomed.info/sct", "SCTUS": "http://snomed.info/sct",
        "I10": "http://hl7.org/fhir/sid/icd-10", "ICD10": "http://hl7.org/fhir/sid/icd-10", "I10C": "http://hl7.org/fhir/sid/icd-10-cm",
        "ICD10CM": "http://hl7.org/fhir/sid/icd-10-cm", "I10-CM": "http://hl7.org/fhir/sid/icd-10-cm", "I9C": "http://hl7.org/fhir/sid/icd-9-cm",
        "I9": "http://hl7.org/fhir/sid/icd-9-cm", "ICD9": "http://hl7.org/fhir/sid/icd-9-cm", "I9CM": "http://hl7.org/fhir/sid/icd-9-cm",
        "UCUM": "http://unitsofmeasure.org", "ANSI+": "http://unitsofmeasure.org", "CVX": "http://hl7.org/fhir/sid/cvx",
        "MVX": "http://terminology.hl7.org/CodeSystem/MVX", "NDC": "http://hl7.org/fhir/sid/ndc", "RXNORM": "http://www.nlm.nih.gov/research/umls/rxnorm",
        "RXN": "http://www.nlm.nih.gov/research/umls/rxnorm", "C4": "http://www.ama-assn.org/go/cpt", "CPT": "http://www.ama-assn.org/go/cpt",
        "CPT4": "http://www.ama-assn.org/go/cpt", "HCPCS": "urn:oid:2.16.840.1.113883.6.285", "NUCC": "http://nucc.org/provider-taxonomy",
        "CDCREC": "urn:oid:2.16.840.1.113883.6.238", "ISO3166_1": "urn:iso:std:iso:3166", "ISO+": "urn:iso:std:iso:11073:10101",
        "NPI": "http://hl7.org/fhir/sid/us-npi", "HL70001": V2 + "0001", "HL70004": V2 + "0004", "HL70063": V2 + "0063",
        "HL70078": V2 + "0078", "HL70127": V2 + "0127", "HL70128": V2 + "0128", "HL70136": V2 + "0136", "HL70162": V2 + "0162",
        "HL70163": V2 + "0163", "HL70189": V2 + "0189", "HL70203": V2 + "0203", "HL70292": TH + "../../fhir/sid/cvx",
        "HL70301": V2 + "0301", "HL70396": V2 + "0396", "HL70487": V2 + "0487", "HL70005": V2 + "0005"}),
]
# HL70292 is the v2 name of CVX.
maps[-1]["group"][0]["element"] = [e if e["code"] != "HL70292" else {"code": "HL70292", "target": [{"code": "http://hl7.org/fhir/sid/cvx", "equivalence": "equivalent"}]}
                                   for e in maps[-1]["group"][0]["element"]]
os.makedirs(OUT, exist_ok=True)
for m in maps:
    with open(os.path.join(OUT, m["id"] + ".json"), "w", newline="\n") as f:
        json.dump(m, f, indent=2)
        f.write("\n")
print(len(maps), "concept maps")
