using System.Globalization;
using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>ADT (A01–A08, A11–A13, A17, A28, A31, A34/A40): IG message maps ADT_A01/ADT_A05/ADT_A11 and ours for merges.</summary>
public static partial class Hl7v2ToFhirTranslator
{
    private static PatientMerge? TranslateAdt(MappingSession s, Patient? patient, List<ResourceReference> focus)
    {
        var message = s.Message;
        var trigger = message.TriggerEvent;
        if (patient is null)
        {
            return null;
        }

        var encounter = MapEncounter(s, message.Segment("PV1"), message.Segment("PV2"), trigger);
        if (encounter is not null)
        {
            focus.Add(s.EncounterReference!);
        }

        var index = 0;
        foreach (var nk1 in message.SegmentsWithId("NK1"))
        {
            Nk1ToRelatedPersonMapper.Map(s, nk1, patient, ++index);
        }

        foreach (var al1 in message.SegmentsWithId("AL1"))
        {
            Al1ToAllergyIntoleranceMapper.Map(s, al1);
        }

        foreach (var dg1 in message.SegmentsWithId("DG1"))
        {
            Dg1ToConditionMapper.Map(s, dg1, encounter);
        }

        foreach (var in1 in message.SegmentsWithId("IN1"))
        {
            In1ToCoverageMapper.Map(s, in1);
        }

        foreach (var obx in message.SegmentsWithId("OBX"))
        {
            ObxToObservationMapper.Map(s, obx, default, "adt", []);
        }

        PatientMerge? merge = null;
        var mrgIndex = 0;
        foreach (var mrg in message.SegmentsWithId("MRG"))
        {
            mrgIndex++;
            merge ??= MrgToPatientLinkMapper.Map(s, mrg, patient);
        }

        focus.Insert(0, s.PatientReference!);
        _ = mrgIndex;
        return merge;
    }

    internal static Encounter? MapEncounter(MappingSession s, Hl7Segment pv1, Hl7Segment pv2, string trigger)
    {
        if (!pv1.Exists)
        {
            return null;
        }

        if (!Pv1ToEncounterMapper.HasVisit(pv1))
        {
            s.Touch(pv1);
            s.Take(pv1, 1);
            s.Take(pv1, 2);
            if (pv2.Exists)
            {
                s.Touch(pv2);
            }

            return null;
        }

        var encounter = Pv1ToEncounterMapper.Map(s, pv1, pv2, trigger, out var visitNumber);
        var start = encounter.Period?.Start ?? string.Empty;
        s.EncounterUrl = s.Add(encounter, s.ScopedKey("encounter", visitNumber?.Value ?? start, start.Length == 0 && visitNumber is null ? s.Message.ControlId : string.Empty), visitNumber).Reference;
        s.Text(pv1, 1);
        _ = CultureInfo.InvariantCulture;
        return encounter;
    }
}
