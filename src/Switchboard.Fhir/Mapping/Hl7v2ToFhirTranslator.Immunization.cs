using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// VXU^V04 (IG message map VXU_V04, segment maps RXA/RXR/ORC[Immunization]): per ORDER (ORC + RXA + RXR) an
/// Immunization keyed by patient + ORC-3 (else vaccine code + RXA-3); ORDER.OBX → Observation partOf the
/// Immunization; OBX before the first ORC (PERSON_OBSERVATION) → patient Observations.
/// </summary>
public static partial class Hl7v2ToFhirTranslator
{
    private static void TranslateImmunization(MappingSession s, Patient? patient, List<ResourceReference> focus)
    {
        var message = s.Message;
        MapPatientContext(s, patient);
        foreach (var obx in BeforeFirstOrder(message, "OBX", "ORC", "RXA"))
        {
            ObxToObservationMapper.Map(s, obx, default, "person", NotesAfter(obx));
        }

        foreach (var group in OrderGroups(message, "RXA"))
        {
            var rxa = group.First("RXA");
            if (!rxa.Exists)
            {
                // An ORC without RXA: nothing to record (the IG creates an Immunization only from RXA).
                if (group.Orc.Exists)
                {
                    s.Touch(group.Orc);
                }

                continue;
            }

            var immunization = MapRxa(s, group.Orc, rxa, out var key);
            foreach (var rxr in group.All("RXR"))
            {
                s.Touch(rxr);
                immunization.Route = s.Cwe(MappingSession.Field(rxr, 1));
                immunization.Site = s.Cwe(MappingSession.Field(rxr, 2));
            }

            var reference = s.Add(immunization, s.ScopedKey("immunization", key));
            foreach (var obx in group.All("OBX"))
            {
                if (ObxToObservationMapper.Map(s, obx, default, "immunization\u001f" + key, NotesAfter(group.Segments, obx)) is { } observation)
                {
                    s.Resource<Observation>(observation).PartOf.Add(new ResourceReference(reference.Reference));
                }
            }

            foreach (var nte in group.All("NTE"))
            {
                if (!s.Tracker.IsTouched(nte.Ordinal) && NteMapper.Map(s, nte) is { } note)
                {
                    immunization.Note.Add(note);
                }
            }

            focus.Add(reference);
        }
    }

    private static Immunization MapRxa(MappingSession s, Hl7Segment orc, Hl7Segment rxa, out string key)
    {
        s.Touch(rxa);
        var immunization = new Immunization
        {
            Patient = s.PatientReference ?? new ResourceReference { Display = "unknown patient" },
            Encounter = s.EncounterReference,
        };
        Identifier? filler = null;
        if (orc.Exists)
        {
            s.Touch(orc);
            s.Take(orc, 1);
            if (OrcEi(s, orc, 2, "PLAC") is { } placer)
            {
                immunization.Identifier.Add(placer);
            }

            filler = OrcEi(s, orc, 3, "FILL");
            if (filler is not null)
            {
                immunization.Identifier.Add(filler);
            }

            foreach (var rep in MappingSession.Field(orc, 12).Repetitions)
            {
                if (s.Xcn(rep) is { } orderer)
                {
                    immunization.Performer.Add(new Immunization.PerformerComponent
                    {
                        Function = new CodeableConcept(MappingSession.V2System + "0443", "OP", "Ordering Provider"),
                        Actor = orderer,
                    });
                }
            }

            foreach (var rep in MappingSession.Field(orc, 10).Repetitions)
            {
                s.Xcn(rep);
            }
        }

        s.Take(rxa, 1);
        s.Take(rxa, 2);
        var occurrence = s.DateTime(s.Take(rxa, 3));
        s.Take(rxa, 4);
        immunization.Occurrence = occurrence is null ? new FhirString("unknown") : occurrence;
        if (occurrence is null)
        {
            s.Issue(MappingIssueCodes.MissingRequired, MappingSeverity.Warning, "RXA-3", "No administration date: occurrence is 'unknown'.");
        }

        var vaccine = MappingSession.Field(rxa, 5);
        immunization.VaccineCode = s.Cwe(vaccine) ?? new CodeableConcept { Text = "unknown" };
        var amount = s.Take(rxa, 6);
        var units = MappingSession.Field(rxa, 7);
        if (amount.HasValue && amount.Value != "999" && s.Number(amount) is { } dose)
        {
            var quantity = ObxToObservationMapper.Quantity(s, dose, units);
            immunization.DoseQuantity = new Quantity { Value = quantity.Value, Unit = quantity.Unit, System = quantity.System, Code = quantity.Code };
        }
        else
        {
            s.MarkComponents(units, 1, 2, 3);
        }

        // RXA-9 information source (NIP001): 00 = new record (primary source), anything else = historical.
        var source = MappingSession.Field(rxa, 9).Repetition(1);
        var sourceCode = s.CompText(source, 1);
        s.MarkComponents(source, 2, 3);
        if (sourceCode.Length > 0)
        {
            immunization.PrimarySource = sourceCode == "00";
            if (sourceCode != "00")
            {
                immunization.ReportOrigin = new CodeableConcept("urn:oid:2.16.840.1.114222.4.5.274", sourceCode, MappingSession.Null(source.Component(2).Value));
            }
        }

        foreach (var rep in MappingSession.Field(rxa, 10).Repetitions)
        {
            if (s.Xcn(rep) is { } administrator)
            {
                immunization.Performer.Add(new Immunization.PerformerComponent
                {
                    Function = new CodeableConcept(MappingSession.V2System + "0443", "AP", "Administering Provider"),
                    Actor = administrator,
                });
            }
        }

        var lot = MappingSession.Field(rxa, 15).Repetition(1).Value;
        s.Take(rxa, 15);
        if (lot.Length > 0)
        {
            immunization.LotNumber = lot;
        }

        if (s.Date(s.Take(rxa, 16)) is { } expiration)
        {
            immunization.ExpirationDateElement = expiration;
        }

        var manufacturer = MappingSession.Field(rxa, 17).Repetition(1);
        var mvx = s.CompText(manufacturer, 1);
        var mvxName = s.CompText(manufacturer, 2);
        s.MarkComponents(manufacturer, 3);
        if (mvx.Length > 0 || mvxName.Length > 0)
        {
            var organization = new Organization { Name = MappingSession.Null(mvxName) };
            Identifier? mvxId = null;
            if (mvx.Length > 0)
            {
                mvxId = new Identifier("http://hl7.org/fhir/sid/mvx", mvx);
                organization.Identifier.Add(mvxId);
            }

            immunization.Manufacturer = s.Add(organization, "manufacturer:" + mvx + "\u001f" + mvxName, mvxId);
        }

        var refusal = MappingSession.Field(rxa, 18).Repetition(1);
        immunization.StatusReason = s.Cwe(refusal);
        foreach (var rep in MappingSession.Field(rxa, 19).Repetitions)
        {
            if (s.Cwe(rep) is { } indication)
            {
                immunization.ReasonCode.Add(indication);
            }
        }

        var completion = s.Text(rxa, 20);
        immunization.Status = Immunization.ImmunizationStatusCodes.Completed;
        if (completion.Length > 0 && s.Lookup("ImmunizationStatus", completion, "RXA-20") is { } mapped)
        {
            immunization.Status = EnumUtility.ParseLiteral<Immunization.ImmunizationStatusCodes>(mapped.Code) ?? Immunization.ImmunizationStatusCodes.Completed;
        }

        if (completion == "PA")
        {
            immunization.IsSubpotent = true;
        }

        var action = s.Text(rxa, 21);
        if (action == "D")
        {
            immunization.Status = Immunization.ImmunizationStatusCodes.EnteredInError;
        }

        if (s.DateTime(s.Take(rxa, 22)) is { } recorded)
        {
            immunization.RecordedElement = recorded;
        }
        else if (orc.Exists && s.DateTime(s.Take(orc, 9)) is { } entered)
        {
            immunization.RecordedElement = entered;
        }

        var codeKey = immunization.VaccineCode.Coding.FirstOrDefault() is { } c ? c.System + "|" + c.Code : immunization.VaccineCode.Text ?? string.Empty;
        key = filler is not null ? "FILL|" + filler.System + "|" + filler.Value : "RXA|" + codeKey + "|" + (occurrence?.Value ?? s.Message.ControlId + "|" + rxa.Ordinal);
        return immunization;
    }
}
