using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// ORC + OBR → ServiceRequest, IG sheets <c>ORC[ServiceRequest]</c> and <c>OBR[ServiceRequest]</c>: status from ORC-5
/// (OrderStatus) else ORC-1 (OrderControlCode), intent order (OBR-11 G → reflex-order), identifiers PLAC/FILL,
/// requester ORC-12 else OBR-16, priority from the timing, notes.
/// </summary>
internal static class OrcToServiceRequestMapper
{
    public static ResourceReference Map(MappingSession s, Hl7Segment orc, Hl7Segment obr, IReadOnlyList<Hl7Segment> notes)
    {
        var request = new ServiceRequest { Subject = s.PatientReference ?? new ResourceReference { Display = "unknown patient" }, Encounter = s.EncounterReference };
        request.Intent = RequestIntent.Order;
        var placer = obr.Exists ? Hl7v2ToFhirTranslator.OrderIdentifier(s, obr, 2, orc, "PLAC") : OrcIdentifier(s, orc, 2, "PLAC");
        var filler = obr.Exists ? Hl7v2ToFhirTranslator.OrderIdentifier(s, obr, 3, orc, "FILL") : OrcIdentifier(s, orc, 3, "FILL");
        if (placer is not null)
        {
            request.Identifier.Add(placer);
        }

        if (filler is not null)
        {
            request.Identifier.Add(filler);
        }

        request.Status = RequestStatus.Unknown;
        if (orc.Exists)
        {
            s.Touch(orc);
            var control = s.Text(orc, 1);
            var orderStatus = s.Text(orc, 5);
            if (orderStatus.Length > 0 && s.Lookup("OrderStatus", orderStatus, "ORC-5") is { } byStatus)
            {
                request.Status = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<RequestStatus>(byStatus.Code) ?? RequestStatus.Unknown;
            }
            else if (control.Length > 0 && s.Lookup("OrderControlStatus", control, "ORC-1") is { } byControl)
            {
                request.Status = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<RequestStatus>(byControl.Code) ?? RequestStatus.Unknown;
            }

            var group = MappingSession.Field(orc, 4);
            if (group.HasValue && s.Ei(group.Repetition(1), "PGN") is { } requisition)
            {
                request.Requisition = requisition;
            }

            var authored = s.DateTime(s.Take(orc, 9));
            if (authored is not null)
            {
                request.AuthoredOnElement = authored;
            }

            foreach (var rep in MappingSession.Field(orc, 12).Repetitions)
            {
                request.Requester ??= s.Xcn(rep);
            }

            foreach (var rep in MappingSession.Field(orc, 10).Repetitions)
            {
                s.Xcn(rep);
            }

            var timing = MappingSession.Field(orc, 7);
            Priority(s, request, timing.Component(6).Value, MappingSession.Position(timing, 6));
            s.MarkComponents(timing, 6);
        }

        if (obr.Exists)
        {
            s.Touch(obr);
            request.Code = s.Cwe(MappingSession.Field(obr, 4));
            var priority = s.Text(obr, 5);
            if (priority.Length > 0)
            {
                Priority(s, request, priority, "OBR-5");
            }

            var requested = s.DateTime(s.Take(obr, 6));
            if (requested is not null)
            {
                request.Occurrence = requested;
            }

            request.Intent = s.Text(obr, 11) == "G" ? RequestIntent.ReflexOrder : RequestIntent.Order;
            foreach (var rep in MappingSession.Field(obr, 16).Repetitions)
            {
                var orderer = s.Xcn(rep);
                request.Requester ??= orderer;
            }

            foreach (var rep in MappingSession.Field(obr, 31).Repetitions)
            {
                if (s.Cwe(rep) is { } reason)
                {
                    request.ReasonCode.Add(reason);
                }
            }

            var timing = MappingSession.Field(obr, 27);
            if (timing.HasValue && request.Priority is null)
            {
                Priority(s, request, timing.Component(6).Value, "OBR-27.6");
            }

            s.MarkComponents(timing, 6);
        }

        foreach (var nte in notes)
        {
            if (NteMapper.Map(s, nte) is { } note)
            {
                request.Note.Add(note);
            }
        }

        var key = s.ScopedKey("order", placer?.Value ?? string.Empty, filler?.Value ?? string.Empty, placer is null && filler is null ? s.Message.ControlId + "\u001f" + orc.Ordinal + "\u001f" + obr.Ordinal : string.Empty);
        return s.Add(request, key);
    }

    private static Identifier? OrcIdentifier(MappingSession s, Hl7Segment orc, int field, string type)
    {
        var value = orc.Exists ? MappingSession.Field(orc, field) : default;
        return value.HasValue ? s.Ei(value.Repetition(1), type) : null;
    }

    private static void Priority(MappingSession s, ServiceRequest request, string code, string position)
    {
        if (code.Length > 0 && s.Lookup("Priority", code, position) is { } mapped)
        {
            request.Priority = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<RequestPriority>(mapped.Code);
        }
    }
}
