using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// PV1 (+ PV2) → Encounter, IG sheets <c>PV1[Encounter]</c> and <c>PV2[Encounter]</c>. Written by conditional update
/// on the visit number (PV1-19, type VN) when there is one, otherwise by an id scoped to the patient and message.
/// Status: PV1-45 → finished; else the trigger event (Event[EncounterStatus]); else the patient class.
/// </summary>
internal static class Pv1ToEncounterMapper
{
    private const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /// <summary>True when PV1 describes a visit (A28/A31 often send an empty PV1 or class N without a visit number).</summary>
    public static bool HasVisit(Hl7Segment pv1) =>
        pv1.Exists && (pv1.Field(19).HasValue || (pv1.Field(2).HasValue && pv1.Field(2).Value != "N") || pv1.Field(3).HasValue || pv1.Field(44).HasValue);

    public static Encounter Map(MappingSession s, Hl7Segment pv1, Hl7Segment pv2, string trigger, out Identifier? visitNumber)
    {
        s.Touch(pv1);
        var encounter = new Encounter { Subject = s.PatientReference };
        var patientClass = s.Text(pv1, 2);
        encounter.Class = s.MapCoding("PatientClass", "0004", patientClass, "PV1-2")
            ?? new Coding("http://terminology.hl7.org/CodeSystem/v3-NullFlavor", "UNK");

        visitNumber = null;
        var vn = MappingSession.Field(pv1, 19);
        if (vn.HasValue && s.Cx(vn.Repetition(1), "VN") is { } id)
        {
            id.Type = new CodeableConcept(MappingSession.V2System + "0203", "VN");
            encounter.Identifier.Add(id);
            visitNumber = id;
        }

        var alternate = MappingSession.Field(pv1, 50);
        if (alternate.HasValue && s.Cx(alternate.Repetition(1)) is { } alt)
        {
            encounter.Identifier.Add(alt);
        }

        var preAdmit = MappingSession.Field(pv1, 5);
        encounter.Hospitalization = new Encounter.HospitalizationComponent();
        if (preAdmit.HasValue && s.Cx(preAdmit.Repetition(1)) is { } pre)
        {
            encounter.Hospitalization.PreAdmissionIdentifier = pre;
        }

        AddLocation(s, encounter, MappingSession.Field(pv1, 3), patientClass == "P" ? Encounter.EncounterLocationStatus.Planned : Encounter.EncounterLocationStatus.Active);
        AddLocation(s, encounter, MappingSession.Field(pv1, 6), Encounter.EncounterLocationStatus.Completed);
        AddLocation(s, encounter, MappingSession.Field(pv1, 11), Encounter.EncounterLocationStatus.Active);
        AddLocation(s, encounter, MappingSession.Field(pv1, 42), Encounter.EncounterLocationStatus.Reserved);

        var admissionType = MappingSession.Field(pv1, 4);
        if (admissionType.HasValue && s.Cwe(admissionType) is { } type)
        {
            encounter.Type.Add(type);
        }

        foreach (var (field, code) in new[] { (7, "ATND"), (8, "REF"), (9, "CON"), (17, "ADM"), (52, "PART") })
        {
            foreach (var rep in MappingSession.Field(pv1, field).Repetitions)
            {
                if (s.Xcn(rep) is { } practitioner)
                {
                    encounter.Participant.Add(new Encounter.ParticipantComponent
                    {
                        Type = [new CodeableConcept(ParticipationType, code)],
                        Individual = practitioner,
                    });
                }
            }
        }

        var service = MappingSession.Field(pv1, 10);
        if (service.HasValue)
        {
            encounter.ServiceType = s.Cwe(service);
        }

        Concept(s, pv1, 13, c => encounter.Hospitalization.ReAdmission = c);
        Concept(s, pv1, 14, c => encounter.Hospitalization.AdmitSource = c);
        Concept(s, pv1, 15, c => encounter.Hospitalization.SpecialArrangement.Add(c));
        Concept(s, pv1, 16, c => encounter.Hospitalization.SpecialCourtesy.Add(c));
        Concept(s, pv1, 36, c => encounter.Hospitalization.DischargeDisposition = c);
        Concept(s, pv1, 38, c => encounter.Hospitalization.DietPreference.Add(c));

        var start = s.DateTime(s.Take(pv1, 44));
        var end = s.DateTime(s.Take(pv1, 45));
        if (start is not null || end is not null)
        {
            encounter.Period = new Period { StartElement = start, EndElement = end };
        }

        encounter.Status = Status(s, patientClass, trigger, end is not null);
        if (pv2.Exists)
        {
            s.Touch(pv2);
            var reason = MappingSession.Field(pv2, 3);
            if (reason.HasValue && s.Cwe(reason) is { } r)
            {
                encounter.ReasonCode.Add(r);
            }

            AddLocation(s, encounter, MappingSession.Field(pv2, 1), Encounter.EncounterLocationStatus.Planned);
            var mode = MappingSession.Field(pv2, 38);
            if (mode.HasValue && s.Cwe(mode) is { Coding.Count: > 0 } arrival)
            {
                encounter.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/encounter-modeOfArrival", arrival.Coding[0]));
            }
        }

        if (!encounter.Hospitalization.EnumerateElements().Any())
        {
            encounter.Hospitalization = null;
        }

        return encounter;
    }

    private static Encounter.EncounterStatus Status(MappingSession s, string patientClass, string trigger, bool ended)
    {
        if (ended)
        {
            return Encounter.EncounterStatus.Finished;
        }

        if (s.Context.Vocabulary.TryTranslate("EventEncounterStatus", trigger, out var byEvent) && Parse(byEvent.Code) is { } eventStatus)
        {
            return eventStatus;
        }

        if (s.Context.Vocabulary.TryTranslate("PatientClassStatus", patientClass, out var byClass) && Parse(byClass.Code) is { } classStatus)
        {
            return classStatus;
        }

        return Encounter.EncounterStatus.Unknown;
    }

    private static Encounter.EncounterStatus? Parse(string code) =>
        Hl7.Fhir.Utility.EnumUtility.ParseLiteral<Encounter.EncounterStatus>(code);

    private static void Concept(MappingSession s, Hl7Segment segment, int field, Action<CodeableConcept> set)
    {
        var value = MappingSession.Field(segment, field);
        if (value.HasValue && s.Cwe(value) is { } concept)
        {
            set(concept);
        }
    }

    /// <summary>PL → Location: one Location for the most granular named level (bed, room, point of care), partOf the facility.</summary>
    private static void AddLocation(MappingSession s, Encounter encounter, Hl7Value pl, Encounter.EncounterLocationStatus status)
    {
        if (MapLocation(s, pl) is { } reference)
        {
            encounter.Location.Add(new Encounter.LocationComponent { Location = reference, Status = status });
        }
    }

    /// <summary>PL → Location (also AIL-3 in SIU): the most granular named level, partOf the facility; null when empty.</summary>
    internal static ResourceReference? MapLocation(MappingSession s, Hl7Value pl)
    {
        if (!pl.HasValue)
        {
            return null;
        }

        var pointOfCare = s.CompText(pl, 1);
        var room = s.CompText(pl, 2);
        var bed = s.CompText(pl, 3);
        var facility = s.Comp(pl, 4).SubComponent(1).Value;
        var building = s.CompText(pl, 7);
        var floor = s.CompText(pl, 8);
        var description = s.CompText(pl, 9);
        s.MarkComponents(pl, 5, 6);
        var parts = new[] { facility, building, floor, pointOfCare, room, bed };
        var name = string.Join('/', parts.Where(p => p.Length > 0));
        if (name.Length == 0)
        {
            return null;
        }

        var location = new Location
        {
            Name = name,
            Description = MappingSession.Null(description),
            Mode = Location.LocationMode.Instance,
            PhysicalType = new CodeableConcept("http://terminology.hl7.org/CodeSystem/location-physical-type",
                bed.Length > 0 ? "bd" : room.Length > 0 ? "ro" : floor.Length > 0 ? "lvl" : building.Length > 0 ? "bu" : pointOfCare.Length > 0 ? "wa" : "si"),
        };
        if (facility.Length > 0 && name != facility)
        {
            var site = new Location { Name = facility, Mode = Location.LocationMode.Instance, PhysicalType = new CodeableConcept("http://terminology.hl7.org/CodeSystem/location-physical-type", "si") };
            location.PartOf = s.Add(site, "location:" + facility);
        }

        return s.Add(location, "location:" + string.Join('\u001f', parts));
    }
}
