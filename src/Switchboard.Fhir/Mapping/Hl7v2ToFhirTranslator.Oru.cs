using Hl7.Fhir.Model;
using Switchboard.Hl7v2;
using Switchboard.Hl7v2.Structure;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// ORU^R01 (IG message map ORU_R01): per ORDER_OBSERVATION a DiagnosticReport (OBR + ORC) with its Observations
/// (OBSERVATION groups; NTE → notes), ED results as presentedForm, SPM → Specimen. Ids are scoped by patient and
/// order number, so a filler number reused by another patient never overwrites a report.
/// </summary>
public static partial class Hl7v2ToFhirTranslator
{
    private static void TranslateOru(MappingSession s, Patient? patient, List<ResourceReference> focus)
    {
        var message = s.Message;
        MapEncounter(s, message.Segment("PV1"), message.Segment("PV2"), message.TriggerEvent);
        foreach (var nk1 in message.SegmentsWithId("NK1"))
        {
            if (patient is not null)
            {
                Nk1ToRelatedPersonMapper.Map(s, nk1, patient, nk1.Ordinal);
            }
        }

        var orders = message.Structure.Descendants("ORDER_OBSERVATION").ToList();
        if (orders.Count == 0)
        {
            // Unknown structure (no MSH-9.3 match): fall back to OBR-delimited order groups.
            MapFlatOrders(s, focus);
            return;
        }

        foreach (var order in orders)
        {
            var obr = order.Segment("OBR");
            var orc = order.Segment("ORC");
            var notes = order.SegmentsWithId("NTE").ToList();
            var observations = order.GroupsNamed("OBSERVATION").Select(g => (g.Segment("OBX"), (IReadOnlyList<Hl7Segment>)g.SegmentsWithId("NTE").ToList())).ToList();
            var specimens = order.GroupsNamed("SPECIMEN").Select(g => g.Segment("SPM")).Where(x => x.Exists).ToList();
            focus.Add(MapReport(s, orc, obr, notes, observations, specimens));
            foreach (var other in order.AllSegments().Where(x => x.IdEquals("OBX") && !s.Tracker.IsTouched(x.Ordinal)))
            {
                ObxToObservationMapper.Map(s, other, obr, "specimen", []);
            }
        }

        // Patient-level OBX/NTE (PATIENT group) are observations/notes about the patient.
        foreach (var group in message.Structure.Descendants("PATIENT"))
        {
            foreach (var obx in group.SegmentsWithId("OBX"))
            {
                ObxToObservationMapper.Map(s, obx, default, "patient", []);
            }
        }
    }

    private static void MapFlatOrders(MappingSession s, List<ResourceReference> focus)
    {
        var message = s.Message;
        Hl7Segment orc = default, obr = default;
        var notes = new List<Hl7Segment>();
        var observations = new List<(Hl7Segment, IReadOnlyList<Hl7Segment>)>();
        List<Hl7Segment>? currentNotes = notes;
        void Flush()
        {
            if (obr.Exists)
            {
                focus.Add(MapReport(s, orc, obr, notes, observations, []));
            }

            orc = default;
            obr = default;
            notes = [];
            observations = [];
            currentNotes = notes;
        }

        foreach (var segment in message.Segments)
        {
            switch (segment.Id)
            {
                case "ORC":
                    Flush();
                    orc = segment;
                    break;
                case "OBR":
                    if (obr.Exists)
                    {
                        Flush();
                    }

                    obr = segment;
                    break;
                case "OBX" when obr.Exists:
                    var obxNotes = new List<Hl7Segment>();
                    observations.Add((segment, obxNotes));
                    currentNotes = obxNotes;
                    break;
                case "NTE" when obr.Exists:
                    currentNotes?.Add(segment);
                    break;
                default:
                    break;
            }
        }

        Flush();
    }

    internal static ResourceReference MapReport(
        MappingSession s, Hl7Segment orc, Hl7Segment obr, IReadOnlyList<Hl7Segment> notes,
        IReadOnlyList<(Hl7Segment Obx, IReadOnlyList<Hl7Segment> Notes)> observations, IReadOnlyList<Hl7Segment> specimens)
    {
        s.Touch(obr);
        var report = new DiagnosticReport { Subject = s.PatientReference, Encounter = s.EncounterReference };
        var placer = OrderIdentifier(s, obr, 2, orc, "PLAC");
        var filler = OrderIdentifier(s, obr, 3, orc, "FILL");
        if (placer is not null)
        {
            report.Identifier.Add(placer);
        }

        if (filler is not null)
        {
            report.Identifier.Add(filler);
        }

        report.Code = s.Cwe(MappingSession.Field(obr, 4)) ?? new CodeableConcept { Text = "unknown" };
        var start = s.DateTime(s.Take(obr, 7));
        var end = s.DateTime(s.Take(obr, 8));
        report.Effective = end is null ? start : new Period { StartElement = start, EndElement = end };
        var issued = s.Instant(s.Take(obr, 22));
        if (issued is not null)
        {
            report.IssuedElement = issued;
        }

        var status = s.Text(obr, 25);
        if (status.Length == 0)
        {
            s.Issue(MappingIssueCodes.MissingRequired, MappingSeverity.Warning, "OBR-25", "No result status: DiagnosticReport.status is unknown.");
            report.Status = DiagnosticReport.DiagnosticReportStatus.Unknown;
        }
        else
        {
            report.Status = s.Lookup("DiagnosticReportStatus", status, "OBR-25") is { } mapped
                ? Hl7.Fhir.Utility.EnumUtility.ParseLiteral<DiagnosticReport.DiagnosticReportStatus>(mapped.Code) ?? DiagnosticReport.DiagnosticReportStatus.Unknown
                : DiagnosticReport.DiagnosticReportStatus.Unknown;
        }

        var section = s.Text(obr, 24);
        if (section.Length > 0)
        {
            report.Category.Add(new CodeableConcept(MappingSession.V2System + "0074", section));
        }

        foreach (var rep in MappingSession.Field(obr, 32).Repetitions)
        {
            if (NdlPractitioner(s, rep) is { } interpreter)
            {
                report.ResultsInterpreter.Add(interpreter);
            }
        }

        foreach (var field in new[] { 34, 35 })
        {
            foreach (var rep in MappingSession.Field(obr, field).Repetitions)
            {
                if (NdlPractitioner(s, rep) is { } performer)
                {
                    report.Performer.Add(performer);
                }
            }
        }

        var orderKey = filler?.Value ?? placer?.Value ?? s.Message.ControlId;
        var codeKey = report.Code.Coding.FirstOrDefault() is { } c ? c.System + "|" + c.Code : report.Code.Text ?? string.Empty;
        var reportKey = orderKey + "\u001f" + codeKey + "\u001f" + s.Text(obr, 1);

        if (orc.Exists || placer is not null)
        {
            var request = OrcToServiceRequestMapper.Map(s, orc, obr, []);
            report.BasedOn.Add(request);
        }

        foreach (var spm in specimens)
        {
            report.Specimen.Add(SpmToSpecimenMapper.Map(s, spm, reportKey));
        }

        var attachments = new List<Attachment>();
        foreach (var (obx, obxNotes) in observations)
        {
            if (ObxToObservationMapper.Map(s, obx, obr, reportKey, obxNotes, attachments) is { } result)
            {
                report.Result.Add(result);
            }
        }

        report.PresentedForm.AddRange(attachments);
        if (notes.Count > 0)
        {
            // R4 DiagnosticReport has no note: report-level NTE text becomes the conclusion (IG note, ours).
            report.Conclusion = string.Join('\n', notes.Select(n =>
            {
                s.Touch(n);
                s.Take(n, 1);
                s.Take(n, 2);
                return NteMapper.Text(s, n);
            }));
        }

        return s.Add(report, s.ScopedKey("OBR", reportKey));
    }

    internal static Identifier? OrderIdentifier(MappingSession s, Hl7Segment obr, int field, Hl7Segment orc, string type)
    {
        var value = MappingSession.Field(obr, field);
        if (value.HasValue)
        {
            if (orc.Exists)
            {
                // The same number in ORC is consumed by the OBR value.
                s.MarkComponents(orc.Field(field), 1, 2, 3, 4);
            }

            return s.Ei(value.Repetition(1), type);
        }

        return orc.Exists && orc.Field(field).HasValue ? s.Ei(orc.Field(field).Repetition(1), type) : null;
    }

    // NDL (OBR-32/34/35): component 1 is a CNN whose sub-components are the person's id and name.
    private static ResourceReference? NdlPractitioner(MappingSession s, Hl7Value ndl)
    {
        var name = s.Comp(ndl, 1);
        s.MarkComponents(ndl, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        var id = name.SubComponent(1).Value;
        var family = name.SubComponent(2).Value;
        var given = name.SubComponent(3).Value;
        if (id.Length == 0 && family.Length == 0)
        {
            return null;
        }

        var practitioner = new Practitioner();
        if (family.Length > 0 || given.Length > 0)
        {
            practitioner.Name.Add(new HumanName { Family = MappingSession.Null(family), Given = given.Length > 0 ? [given] : [] });
        }

        Identifier? identifier = null;
        if (id.Length > 0)
        {
            identifier = new Identifier(s.LocalSystem("id", "provider"), id);
            practitioner.Identifier.Add(identifier);
        }

        return s.Add(practitioner, "name:" + family + "\u001f" + given, identifier);
    }
}
