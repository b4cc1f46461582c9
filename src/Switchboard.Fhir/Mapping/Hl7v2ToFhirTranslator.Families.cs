using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// Helpers shared by the order-like families (ORM/OML, RDE, SIU, MDM, REF, VXU): patient-level segments and the
/// ORC-delimited order groups.
/// </summary>
public static partial class Hl7v2ToFhirTranslator
{
    /// <summary>One order: its ORC (may be absent) and the segments up to the next ORC (or the next detail segment).</summary>
    internal sealed class OrderGroup
    {
        public Hl7Segment Orc { get; set; }

        public List<Hl7Segment> Segments { get; } = [];

        public Hl7Segment First(string id)
        {
            foreach (var segment in Segments)
            {
                if (segment.IdEquals(id))
                {
                    return segment;
                }
            }

            return default;
        }

        public IEnumerable<Hl7Segment> All(string id)
        {
            foreach (var segment in Segments)
            {
                if (segment.IdEquals(id))
                {
                    yield return segment;
                }
            }
        }
    }

    /// <summary>
    /// PV1/PV2 (Encounter), NK1, AL1 and IN1: the patient-level segments every family maps the same way. DG1 and OBX
    /// are left to the family (they belong to an order or to the patient depending on where they stand).
    /// </summary>
    private static Encounter? MapPatientContext(MappingSession s, Patient? patient)
    {
        var message = s.Message;
        var encounter = MapEncounter(s, message.Segment("PV1"), message.Segment("PV2"), message.TriggerEvent);
        if (patient is null)
        {
            return encounter;
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

        foreach (var in1 in message.SegmentsWithId("IN1"))
        {
            In1ToCoverageMapper.Map(s, in1);
        }

        return encounter;
    }

    /// <summary>
    /// The order groups of a message: each ORC starts one; a second detail segment (<paramref name="detailIds"/>, e.g.
    /// OBR) without its own ORC starts another. Segments before the first ORC/detail are not in any group.
    /// </summary>
    internal static List<OrderGroup> OrderGroups(Hl7Message message, params ReadOnlySpan<string> detailIds)
    {
        var groups = new List<OrderGroup>();
        OrderGroup? current = null;
        var detailSeen = false;
        for (var ordinal = 1; ordinal <= message.SegmentCount; ordinal++)
        {
            var segment = message[ordinal];
            if (segment.IdEquals("ORC"))
            {
                current = new OrderGroup { Orc = segment };
                groups.Add(current);
                detailSeen = false;
                continue;
            }

            var isDetail = false;
            foreach (var id in detailIds)
            {
                if (segment.IdEquals(id))
                {
                    isDetail = true;
                    break;
                }
            }

            if (isDetail)
            {
                if (current is null || detailSeen)
                {
                    current = new OrderGroup();
                    groups.Add(current);
                }

                detailSeen = true;
            }

            current?.Segments.Add(segment);
        }

        return groups;
    }

    /// <summary>The NTE segments directly following <paramref name="anchor"/> inside <paramref name="segments"/>.</summary>
    internal static List<Hl7Segment> NotesAfter(IReadOnlyList<Hl7Segment> segments, Hl7Segment anchor)
    {
        var notes = new List<Hl7Segment>();
        var found = false;
        foreach (var segment in segments)
        {
            if (found)
            {
                if (!segment.IdEquals("NTE"))
                {
                    break;
                }

                notes.Add(segment);
            }
            else if (segment == anchor)
            {
                found = true;
            }
        }

        return notes;
    }

    /// <summary>The NTE segments directly following <paramref name="anchor"/> in the whole message.</summary>
    internal static List<Hl7Segment> NotesAfter(Hl7Segment anchor)
    {
        var notes = new List<Hl7Segment>();
        var message = anchor.Message!;
        for (var ordinal = anchor.Ordinal + 1; ordinal <= message.SegmentCount && message[ordinal].IdEquals("NTE"); ordinal++)
        {
            notes.Add(message[ordinal]);
        }

        return notes;
    }

    /// <summary>Segments before the first ORC (the patient-level part of order messages).</summary>
    internal static IEnumerable<Hl7Segment> BeforeFirstOrder(Hl7Message message, string id, params ReadOnlySpan<string> orderStarts)
    {
        var result = new List<Hl7Segment>();
        for (var ordinal = 1; ordinal <= message.SegmentCount; ordinal++)
        {
            var segment = message[ordinal];
            foreach (var start in orderStarts)
            {
                if (segment.IdEquals(start))
                {
                    return result;
                }
            }

            if (segment.IdEquals(id))
            {
                result.Add(segment);
            }
        }

        return result;
    }
}
