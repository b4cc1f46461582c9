using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// RDE^O11 / RDE^O01 (ours, reference §3.15–3.17 and §4.7; the IG map is under construction): per ORC group a
/// MedicationRequest (intent order) from ORC + RXE + RXR + TQ1, based on a MedicationRequest (intent original-order)
/// from RXO when present. ORM^O01 pharmacy orders (RXO only) give the original-order request alone.
/// </summary>
public static partial class Hl7v2ToFhirTranslator
{
    private const string V2Table0167 = MappingSession.V2System + "0167";

    private static void TranslatePharmacy(MappingSession s, Patient? patient, List<ResourceReference> focus)
    {
        var encounter = MapPatientContext(s, patient);
        if (patient is not null)
        {
            foreach (var dg1 in BeforeFirstOrder(s.Message, "DG1", "ORC", "RXE", "RXO"))
            {
                Dg1ToConditionMapper.Map(s, dg1, encounter);
            }
        }

        foreach (var group in OrderGroups(s.Message, "RXE"))
        {
            MapMedicationOrder(s, group, focus);
        }
    }

    private static void MapMedicationOrder(MappingSession s, OrderGroup group, List<ResourceReference> focus)
    {
        var orc = group.Orc;
        var rxo = group.First("RXO");
        var rxe = group.First("RXE");
        Identifier? placer = null, filler = null;
        if (orc.Exists)
        {
            s.Touch(orc);
            placer = OrcEi(s, orc, 2, "PLAC");
            filler = OrcEi(s, orc, 3, "FILL");
        }

        var orderKey = placer?.Value ?? filler?.Value ?? s.Message.ControlId + "\u001f" + (orc.Exists ? orc.Ordinal : group.Segments[0].Ordinal);
        ResourceReference? original = null;
        if (rxo.Exists)
        {
            var request = NewMedicationRequest(s, orc, placer, filler, MedicationRequest.MedicationRequestIntent.OriginalOrder, mapOrc: !rxe.Exists);
            MapRxo(s, rxo, request);
            foreach (var rxr in SegmentsAfter(group.Segments, rxo, "RXR"))
            {
                Route(s, rxr, Dosage(request));
            }

            original = s.Add(request, s.ScopedKey("medication", orderKey, "original-order"));
        }

        if (rxe.Exists)
        {
            var request = NewMedicationRequest(s, orc, placer, filler, MedicationRequest.MedicationRequestIntent.Order, mapOrc: true);
            MapRxe(s, rxe, request);
            foreach (var rxr in SegmentsAfter(group.Segments, rxe, "RXR"))
            {
                Route(s, rxr, Dosage(request));
            }

            foreach (var tq1 in group.All("TQ1"))
            {
                Tq1Dosage(s, tq1, request);
            }

            if (original is not null)
            {
                request.BasedOn.Add(original);
            }

            foreach (var nte in group.All("NTE"))
            {
                if (NteMapper.Map(s, nte) is { } note)
                {
                    request.Note.Add(note);
                }
            }

            foreach (var obx in group.All("OBX"))
            {
                if (ObxToObservationMapper.Map(s, obx, default, "medication\u001f" + orderKey, NotesAfter(group.Segments, obx)) is { } observation)
                {
                    request.SupportingInformation.Add(observation);
                }
            }

            focus.Add(s.Add(request, s.ScopedKey("medication", orderKey, "order")));
        }
        else if (original is not null)
        {
            var request = s.Resource<MedicationRequest>(original);
            foreach (var tq1 in group.All("TQ1"))
            {
                Tq1Dosage(s, tq1, request);
            }

            foreach (var nte in group.All("NTE"))
            {
                if (NteMapper.Map(s, nte) is { } note)
                {
                    request.Note.Add(note);
                }
            }

            focus.Add(original);
        }
    }

    private static MedicationRequest NewMedicationRequest(
        MappingSession s, Hl7Segment orc, Identifier? placer, Identifier? filler, MedicationRequest.MedicationRequestIntent intent, bool mapOrc)
    {
        var request = new MedicationRequest
        {
            Intent = intent,
            Status = MedicationRequest.MedicationrequestStatus.Unknown,
            Subject = s.PatientReference ?? new ResourceReference { Display = "unknown patient" },
            Encounter = s.EncounterReference,
        };
        if (placer is not null)
        {
            request.Identifier.Add(placer);
        }

        if (filler is not null)
        {
            request.Identifier.Add(filler);
        }

        if (!orc.Exists)
        {
            return request;
        }

        // ORC-5 (OrderStatusMedication) wins over ORC-1 (OrderControlMedicationStatus): reference §5.8.
        var control = orc.Field(1).Value;
        var orderStatus = orc.Field(5).Value;
        if (mapOrc)
        {
            s.Take(orc, 1);
            s.Take(orc, 5);
        }

        if (orderStatus.Length > 0 && s.Lookup("OrderStatusMedication", orderStatus, "ORC-5") is { } byStatus)
        {
            request.Status = EnumUtility.ParseLiteral<MedicationRequest.MedicationrequestStatus>(byStatus.Code) ?? MedicationRequest.MedicationrequestStatus.Unknown;
        }
        else if (control.Length > 0 && s.Lookup("OrderControlMedicationStatus", control, "ORC-1") is { } byControl)
        {
            request.Status = EnumUtility.ParseLiteral<MedicationRequest.MedicationrequestStatus>(byControl.Code) ?? MedicationRequest.MedicationrequestStatus.Unknown;
        }

        var authored = mapOrc ? s.DateTime(s.Take(orc, 9)) : s.DateTime(orc.Field(9));
        if (authored is not null)
        {
            request.AuthoredOnElement = authored;
        }

        foreach (var rep in (mapOrc ? MappingSession.Field(orc, 12) : default).Repetitions)
        {
            request.Requester ??= s.Xcn(rep);
        }

        return request;
    }

    private static Identifier? OrcEi(MappingSession s, Hl7Segment orc, int field, string type)
    {
        var value = MappingSession.Field(orc, field);
        return value.HasValue ? s.Ei(value.Repetition(1), type) : null;
    }

    private static IEnumerable<Hl7Segment> SegmentsAfter(List<Hl7Segment> segments, Hl7Segment anchor, string id)
    {
        var found = false;
        foreach (var segment in segments)
        {
            if (segment == anchor)
            {
                found = true;
                continue;
            }

            if (!found)
            {
                continue;
            }

            if (segment.IdEquals(id))
            {
                yield return segment;
            }
            else if (segment.IdEquals("RXE") || segment.IdEquals("RXO"))
            {
                yield break;
            }
        }
    }

    private static Dosage Dosage(MedicationRequest request)
    {
        if (request.DosageInstruction.Count == 0)
        {
            request.DosageInstruction.Add(new Dosage());
        }

        return request.DosageInstruction[0];
    }

    private static CodeableConcept Medication(MappingSession s, Hl7Segment segment, int field) =>
        s.Cwe(MappingSession.Field(segment, field)) ?? new CodeableConcept { Text = "unknown" };

    /// <summary>RXO (reference §3.15): medication, dose range, dispense quantity, refills, requester, substitution.</summary>
    private static void MapRxo(MappingSession s, Hl7Segment rxo, MedicationRequest request)
    {
        s.Touch(rxo);
        request.Medication = Medication(s, rxo, 1);
        Dose(s, rxo, 2, 3, 4, request);
        foreach (var field in new[] { 6, 7 })
        {
            foreach (var rep in MappingSession.Field(rxo, field).Repetitions)
            {
                if (s.Cwe(rep) is { } instruction)
                {
                    Dosage(request).AdditionalInstruction.Add(instruction);
                }
            }
        }

        Substitution(s, rxo, 9, request);
        DispenseQuantity(s, rxo, 11, 12, request);
        Refills(s, rxo, 13, request);
        foreach (var rep in MappingSession.Field(rxo, 14).Repetitions)
        {
            request.Requester ??= s.Xcn(rep);
        }
    }

    /// <summary>RXE (reference §3.16): give code, dose, instructions, dispense, refills, prescription number, rate, indication.</summary>
    private static void MapRxe(MappingSession s, Hl7Segment rxe, MedicationRequest request)
    {
        s.Touch(rxe);
        TqDosage(s, MappingSession.Field(rxe, 1), request);
        request.Medication = Medication(s, rxe, 2);
        Dose(s, rxe, 3, 4, 5, request);
        foreach (var rep in MappingSession.Field(rxe, 7).Repetitions)
        {
            if (s.Cwe(rep) is { } instruction)
            {
                Dosage(request).AdditionalInstruction.Add(instruction);
            }
        }

        Substitution(s, rxe, 9, request);
        DispenseQuantity(s, rxe, 10, 11, request);
        Refills(s, rxe, 12, request);
        foreach (var rep in MappingSession.Field(rxe, 13).Repetitions)
        {
            request.Requester ??= s.Xcn(rep);
        }

        var prescription = s.Text(rxe, 15);
        if (prescription.Length > 0)
        {
            request.Identifier.Add(new Identifier(s.LocalSystem("id", "prescription"), prescription));
        }

        foreach (var rep in MappingSession.Field(rxe, 21).Repetitions)
        {
            if (s.Cwe(rep) is { } special)
            {
                Dosage(request).PatientInstruction = special.Text ?? special.Coding.FirstOrDefault()?.Display ?? special.Coding.FirstOrDefault()?.Code;
            }
        }

        var rate = s.Take(rxe, 23);
        if (rate.HasValue && s.Number(rate) is { } rateValue)
        {
            var doseAndRate = Dosage(request).DoseAndRate.Count > 0 ? Dosage(request).DoseAndRate[0] : new Dosage.DoseAndRateComponent();
            if (Dosage(request).DoseAndRate.Count == 0)
            {
                Dosage(request).DoseAndRate.Add(doseAndRate);
            }

            doseAndRate.Rate = ObxToObservationMapper.Quantity(s, rateValue, MappingSession.Field(rxe, 24));
        }

        foreach (var rep in MappingSession.Field(rxe, 27).Repetitions)
        {
            if (s.Cwe(rep) is { } indication)
            {
                request.ReasonCode.Add(indication);
            }
        }
    }

    private static void Dose(MappingSession s, Hl7Segment segment, int minField, int maxField, int unitsField, MedicationRequest request)
    {
        var min = s.Take(segment, minField);
        var max = s.Take(segment, maxField);
        var units = MappingSession.Field(segment, unitsField);
        var low = min.HasValue ? s.Number(min) : null;
        var high = max.HasValue ? s.Number(max) : null;
        if (low is null && high is null)
        {
            s.MarkComponents(units, 1, 2, 3, 4, 5, 6, 7, 9);
            return;
        }

        var doseAndRate = new Dosage.DoseAndRateComponent
        {
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/dose-rate-type", "ordered"),
        };
        if (high is null)
        {
            doseAndRate.Dose = ObxToObservationMapper.Quantity(s, low!.Value, units);
        }
        else
        {
            var range = new Hl7.Fhir.Model.Range { High = SimpleQuantity(ObxToObservationMapper.Quantity(s, high.Value, units)) };
            if (low is not null)
            {
                range.Low = SimpleQuantity(ObxToObservationMapper.Quantity(s, low.Value, units));
            }

            doseAndRate.Dose = range;
        }

        Dosage(request).DoseAndRate.Add(doseAndRate);
    }

    private static Quantity SimpleQuantity(Quantity quantity) => new() { Value = quantity.Value, Unit = quantity.Unit, System = quantity.System, Code = quantity.Code };

    private static void Substitution(MappingSession s, Hl7Segment segment, int field, MedicationRequest request)
    {
        var code = s.Text(segment, field);
        if (code.Length > 0)
        {
            request.Substitution = new MedicationRequest.SubstitutionComponent { Allowed = new CodeableConcept(V2Table0167, code) };
        }
    }

    private static void DispenseQuantity(MappingSession s, Hl7Segment segment, int amountField, int unitsField, MedicationRequest request)
    {
        var amount = s.Take(segment, amountField);
        var units = MappingSession.Field(segment, unitsField);
        if (amount.HasValue && s.Number(amount) is { } value)
        {
            request.DispenseRequest ??= new MedicationRequest.DispenseRequestComponent();
            request.DispenseRequest.Quantity = SimpleQuantity(ObxToObservationMapper.Quantity(s, value, units));
        }
        else
        {
            s.MarkComponents(units, 1, 2, 3);
        }
    }

    private static void Refills(MappingSession s, Hl7Segment segment, int field, MedicationRequest request)
    {
        if (s.Take(segment, field).TryGetInt32(out var refills))
        {
            request.DispenseRequest ??= new MedicationRequest.DispenseRequestComponent();
            request.DispenseRequest.NumberOfRepeatsAllowed = refills;
        }
    }

    /// <summary>RXR: route, site, method (reference §3.17).</summary>
    private static void Route(MappingSession s, Hl7Segment rxr, Dosage dosage)
    {
        s.Touch(rxr);
        dosage.Route = s.Cwe(MappingSession.Field(rxr, 1));
        dosage.Site = s.Cwe(MappingSession.Field(rxr, 2));
        dosage.Method = s.Cwe(MappingSession.Field(rxr, 4));
    }

    /// <summary>TQ (RXE-1, ≤ 2.4): TQ.2 interval → timing code text, TQ.4/TQ.5 → bounds, TQ.6 priority, TQ.8 text.</summary>
    private static void TqDosage(MappingSession s, Hl7Value tq, MedicationRequest request)
    {
        if (!tq.HasValue)
        {
            return;
        }

        var interval = s.Comp(tq, 2).Component(1).Value;
        var start = s.DateTime(s.Comp(tq, 4));
        var end = s.DateTime(s.Comp(tq, 5));
        var priority = s.CompText(tq, 6);
        var text = s.CompText(tq, 8);
        SetTiming(s, request, interval.Length > 0 ? new CodeableConcept { Text = interval } : null, start, end, priority, text, MappingSession.Position(tq, 6));
    }

    /// <summary>TQ1 (2.5+): TQ1-3 repeat pattern → timing code, TQ1-7/8 → bounds, TQ1-9 priority, TQ1-11 text.</summary>
    private static void Tq1Dosage(MappingSession s, Hl7Segment tq1, MedicationRequest request)
    {
        s.Touch(tq1);
        s.Take(tq1, 1);
        var pattern = MappingSession.Field(tq1, 3);
        // RPT.1 (repeat pattern, table 0335): senders write it as a CWE at field level (QD^Once daily^HL70335).
        var code = pattern.HasValue ? s.Cwe(pattern.Repetition(1)) : null;
        var start = s.DateTime(s.Take(tq1, 7));
        var end = s.DateTime(s.Take(tq1, 8));
        var priority = MappingSession.Field(tq1, 9);
        var priorityCode = s.CompText(priority, 1);
        s.MarkComponents(priority, 2, 3);
        SetTiming(s, request, code, start, end, priorityCode, s.Text(tq1, 11), "TQ1-9");
    }

    private static void SetTiming(MappingSession s, MedicationRequest request, CodeableConcept? code, FhirDateTime? start, FhirDateTime? end, string priority, string text, string priorityPosition)
    {
        if (code is not null || start is not null || end is not null)
        {
            var timing = Dosage(request).Timing ??= new Timing();
            timing.Code ??= code;
            if (start is not null || end is not null)
            {
                timing.Repeat ??= new Timing.RepeatComponent();
                timing.Repeat.Bounds = new Period { StartElement = start, EndElement = end };
            }
        }

        if (text.Length > 0)
        {
            Dosage(request).Text = text;
        }

        if (priority.Length > 0 && request.Priority is null && s.Lookup("Priority", priority, priorityPosition) is { } mapped)
        {
            request.Priority = EnumUtility.ParseLiteral<RequestPriority>(mapped.Code);
        }
    }
}
