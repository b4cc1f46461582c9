using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// ORM^O01 / OML^O21 (IG message maps ORM_O01, OML_O21): per ORC group a ServiceRequest (ORC + OBR, NTE notes), DG1 →
/// Condition in <c>reasonReference</c>, OBX → Observation in <c>supportingInfo</c> (ask-at-order-entry answers), SPM →
/// Specimen, TQ1 → occurrence and priority. A pharmacy order (RXO, no OBR) becomes a MedicationRequest instead.
/// </summary>
public static partial class Hl7v2ToFhirTranslator
{
    private static void TranslateOrders(MappingSession s, Patient? patient, List<ResourceReference> focus)
    {
        var message = s.Message;
        var encounter = MapPatientContext(s, patient);
        if (patient is not null)
        {
            foreach (var dg1 in BeforeFirstOrder(message, "DG1", "ORC", "OBR"))
            {
                Dg1ToConditionMapper.Map(s, dg1, encounter);
            }
        }

        foreach (var group in OrderGroups(message, "OBR"))
        {
            var obr = group.First("OBR");
            if (!obr.Exists && (group.First("RXO").Exists || group.First("RXE").Exists))
            {
                MapMedicationOrder(s, group, focus);
                continue;
            }

            var notes = NotesAfter(group.Segments, obr.Exists ? obr : default);
            if (!obr.Exists && group.Orc.Exists)
            {
                notes = NotesAfter(group.Orc);
            }

            if (obr.Exists)
            {
                s.Take(obr, 1);
            }

            var reference = OrcToServiceRequestMapper.Map(s, group.Orc, obr, notes);
            var request = s.Resource<ServiceRequest>(reference);
            var tq1 = group.First("TQ1");
            if (tq1.Exists)
            {
                Tq1Timing(s, tq1, request);
            }

            var orderKey = request.Identifier.Count > 0 ? request.Identifier[0].Value : s.Message.ControlId + "\u001f" + group.Orc.Ordinal;
            for (var i = 0; i < group.Segments.Count; i++)
            {
                var segment = group.Segments[i];
                switch (segment.Id)
                {
                    case "DG1" when patient is not null:
                        request.ReasonReference.Add(Dg1ToConditionMapper.Map(s, segment, encounter));
                        break;
                    case "OBX":
                        if (ObxToObservationMapper.Map(s, segment, obr, "order\u001f" + orderKey, NotesAfter(group.Segments, segment)) is { } observation)
                        {
                            request.SupportingInfo.Add(observation);
                        }

                        break;
                    case "SPM":
                        request.Specimen.Add(SpmToSpecimenMapper.Map(s, segment, "order\u001f" + orderKey));
                        break;
                    default:
                        break;
                }
            }

            focus.Add(reference);
        }
    }

    /// <summary>TQ1 (2.5+) on a ServiceRequest: TQ1-7/8 → occurrence (when OBR-6 gave none), TQ1-9 → priority, TQ1-3 → timing code.</summary>
    private static void Tq1Timing(MappingSession s, Hl7Segment tq1, ServiceRequest request)
    {
        s.Touch(tq1);
        s.Take(tq1, 1);
        var start = s.DateTime(s.Take(tq1, 7));
        var end = s.DateTime(s.Take(tq1, 8));
        if (request.Occurrence is null && (start is not null || end is not null))
        {
            request.Occurrence = end is null ? start : new Period { StartElement = start, EndElement = end };
        }

        var priority = MappingSession.Field(tq1, 9);
        var code = s.CompText(priority, 1);
        s.MarkComponents(priority, 2, 3);
        if (request.Priority is null && code.Length > 0 && s.Lookup("Priority", code, "TQ1-9") is { } mapped)
        {
            request.Priority = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<RequestPriority>(mapped.Code);
        }
    }
}
