using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// SIU^S12–S26 (IG message map SIU_S12, segment maps SCH/AIS/AIP/AIL[Appointment]): one Appointment per message,
/// keyed by patient + SCH-2 (else SCH-1), so S13/S14 reschedules and S15/S26 status changes overwrite the S12 booking.
/// Status: S15/S16 cancelled, S17 entered-in-error, S26 noshow (the event wins); otherwise SCH-25, else the event.
/// </summary>
public static partial class Hl7v2ToFhirTranslator
{
    private static void TranslateScheduling(MappingSession s, Patient? patient, List<ResourceReference> focus)
    {
        var message = s.Message;
        var encounter = MapPatientContext(s, patient);
        var sch = message.Segment("SCH");
        if (!sch.Exists)
        {
            s.Issue(MappingIssueCodes.MissingRequired, MappingSeverity.Warning, "SCH", "No SCH segment: no Appointment.");
            return;
        }

        s.Touch(sch);
        var appointment = new Appointment();
        var placer = SchEi(s, sch, 1, "PLAC");
        var filler = SchEi(s, sch, 2, "FILL");
        if (placer is not null)
        {
            appointment.Identifier.Add(placer);
        }

        if (filler is not null)
        {
            appointment.Identifier.Add(filler);
        }

        appointment.Status = AppointmentStatus(s, sch, message.TriggerEvent);
        foreach (var rep in MappingSession.Field(sch, 7).Repetitions)
        {
            if (s.Cwe(rep) is { } reason)
            {
                appointment.ReasonCode.Add(reason);
            }
        }

        appointment.AppointmentType = s.Cwe(MappingSession.Field(sch, 8));
        var duration = Minutes(s, s.Take(sch, 9), MappingSession.Field(sch, 10));
        if (duration is > 0)
        {
            appointment.MinutesDuration = duration;
        }

        var timing = MappingSession.Field(sch, 11).Repetition(1);
        var start = timing.HasValue ? s.Instant(s.Comp(timing, 4)) : null;
        var end = timing.HasValue ? s.Instant(s.Comp(timing, 5)) : null;

        if (patient is not null)
        {
            appointment.Participant.Add(new Appointment.ParticipantComponent { Actor = s.PatientReference, Status = ParticipationStatus.Accepted });
        }

        foreach (var (field, role) in new[] { (12, "placer contact"), (16, "filler contact"), (20, "entered by") })
        {
            foreach (var rep in MappingSession.Field(sch, field).Repetitions)
            {
                if (s.Xcn(rep) is { } person)
                {
                    appointment.Participant.Add(new Appointment.ParticipantComponent
                    {
                        Actor = person,
                        Type = [new CodeableConcept { Text = role }],
                        Status = ParticipationStatus.Accepted,
                    });
                }
            }
        }

        foreach (var field in new[] { 26, 27 })
        {
            foreach (var rep in MappingSession.Field(sch, field).Repetitions)
            {
                if (s.Ei(rep, field == 26 ? "PLAC" : "FILL") is { } order)
                {
                    appointment.BasedOn.Add(new ResourceReference { Identifier = order, Type = "ServiceRequest" });
                }
            }
        }

        var comments = new List<string>();
        foreach (var segment in message.Segments)
        {
            switch (segment.Id)
            {
                case "RGS":
                    s.Touch(segment);
                    s.Take(segment, 1);
                    s.Take(segment, 2);
                    break;
                case "AIS":
                    s.Touch(segment);
                    s.Take(segment, 1);
                    s.Take(segment, 2);
                    if (s.Cwe(MappingSession.Field(segment, 3)) is { } service)
                    {
                        appointment.ServiceType.Add(service);
                    }

                    var serviceStart = s.Instant(s.Take(segment, 4));
                    start ??= serviceStart;
                    var serviceMinutes = Minutes(s, s.Take(segment, 7), MappingSession.Field(segment, 8));
                    if (appointment.MinutesDuration is null && serviceMinutes is > 0)
                    {
                        appointment.MinutesDuration = serviceMinutes;
                    }

                    ParticipantStatus(s, segment, 10);
                    break;
                case "AIP":
                    ResourceParticipant(s, appointment, segment, s.Xcn(MappingSession.Field(segment, 3).Repetition(1)));
                    break;
                case "AIL":
                    ResourceParticipant(s, appointment, segment, Pv1ToEncounterMapper.MapLocation(s, MappingSession.Field(segment, 3).Repetition(1)));
                    break;
                case "NTE":
                    s.Touch(segment);
                    s.Take(segment, 1);
                    s.Take(segment, 2);
                    var text = NteMapper.Text(s, segment);
                    if (text.Length > 0)
                    {
                        comments.Add(text);
                    }

                    break;
                case "DG1" when patient is not null:
                    Dg1ToConditionMapper.Map(s, segment, encounter);
                    break;
                case "OBX" when patient is not null:
                    ObxToObservationMapper.Map(s, segment, default, "appointment", NotesAfter(segment));
                    break;
                default:
                    break;
            }
        }

        if (comments.Count > 0)
        {
            appointment.Comment = string.Join('\n', comments);
        }

        // app-2: start and end together or neither; an end is derived from the duration. A start alone is kept as
        // the requested period (ours).
        if (start is not null && end is null && appointment.MinutesDuration is { } minutes && start.Value is { } from)
        {
            end = new Instant(from.AddMinutes(minutes));
        }

        if (start is not null && end is not null)
        {
            appointment.StartElement = start;
            appointment.EndElement = end;
        }
        else if (start is not null || end is not null)
        {
            appointment.RequestedPeriod.Add(new Period { StartElement = start?.Value is { } a ? new FhirDateTime(a) : null, EndElement = end?.Value is { } b ? new FhirDateTime(b) : null });
        }

        if (appointment.Participant.Count == 0)
        {
            appointment.Participant.Add(new Appointment.ParticipantComponent { Type = [new CodeableConcept { Text = "unknown" }], Status = ParticipationStatus.NeedsAction });
        }

        var key = filler is not null ? "FILL|" + filler.System + "|" + filler.Value
            : placer is not null ? "PLAC|" + placer.System + "|" + placer.Value
            : "message|" + message.ControlId;
        focus.Add(s.Add(appointment, s.ScopedKey("appointment", key)));
    }

    private static Identifier? SchEi(MappingSession s, Hl7Segment sch, int field, string type)
    {
        var value = MappingSession.Field(sch, field);
        return value.HasValue ? s.Ei(value.Repetition(1), type) : null;
    }

    private static Appointment.AppointmentStatus AppointmentStatus(MappingSession s, Hl7Segment sch, string trigger)
    {
        var filler = MappingSession.Field(sch, 25);
        var fillerCode = s.CompText(filler, 1);
        s.MarkComponents(filler, 2, 3);
        var eventWins = trigger is "S15" or "S16" or "S17" or "S26";
        if (!eventWins && fillerCode.Length > 0 && s.Lookup("AppointmentStatus", fillerCode, "SCH-25") is { } byFiller)
        {
            return EnumUtility.ParseLiteral<Appointment.AppointmentStatus>(byFiller.Code) ?? Appointment.AppointmentStatus.Booked;
        }

        if (s.Context.Vocabulary.TryTranslate("EventAppointmentStatus", trigger, out var byEvent))
        {
            return EnumUtility.ParseLiteral<Appointment.AppointmentStatus>(byEvent.Code) ?? Appointment.AppointmentStatus.Booked;
        }

        // S18–S25 (resource-level changes) keep the booking.
        return Appointment.AppointmentStatus.Booked;
    }

    /// <summary>A duration with CNE/CE units (MIN, H/HR, S, D): whole minutes, or null when the unit is unknown.</summary>
    private static int? Minutes(MappingSession s, Hl7Value amount, Hl7Value units)
    {
        var unit = s.CompText(units, 1).ToUpperInvariant();
        s.MarkComponents(units, 2, 3);
        if (!amount.HasValue || !amount.TryGetDecimal(out var value))
        {
            return null;
        }

        var factor = unit switch
        {
            "" or "MIN" or "M" => 1m,
            "H" or "HR" or "HOUR" or "HOURS" => 60m,
            "S" or "SEC" => 1m / 60m,
            "D" or "DAY" or "DAYS" => 1440m,
            _ => 0m,
        };
        return factor == 0m ? null : (int)Math.Round(value * factor);
    }

    private static void ResourceParticipant(MappingSession s, Appointment appointment, Hl7Segment segment, ResourceReference? actor)
    {
        s.Touch(segment);
        s.Take(segment, 1);
        s.Take(segment, 2);
        var role = s.Cwe(MappingSession.Field(segment, 4));
        var start = s.DateTime(s.Take(segment, 6));
        var minutes = Minutes(s, s.Take(segment, 9), MappingSession.Field(segment, 10));
        var status = ParticipantStatus(s, segment, 12);
        if (actor is null)
        {
            return;
        }

        var participant = new Appointment.ParticipantComponent { Actor = actor, Status = status };
        if (role is not null)
        {
            participant.Type.Add(role);
        }

        if (start is not null)
        {
            participant.Period = new Period { StartElement = start };
            if (minutes is > 0 && start.TryToDateTimeOffset(out var from))
            {
                participant.Period.End = new FhirDateTime(from.AddMinutes(minutes.Value)).Value;
            }
        }

        appointment.Participant.Add(participant);
    }

    /// <summary>AIx filler status (table 0278) → participant status: booked accepted, pending/waitlist tentative, cancelled/noshow/deleted declined.</summary>
    private static ParticipationStatus ParticipantStatus(MappingSession s, Hl7Segment segment, int field)
    {
        var value = MappingSession.Field(segment, field);
        var code = s.CompText(value, 1);
        s.MarkComponents(value, 2, 3);
        if (code.Length == 0 || s.Lookup("AppointmentStatus", code, MappingSession.At(value)) is not { } mapped)
        {
            return ParticipationStatus.Accepted;
        }

        return mapped.Code switch
        {
            "pending" or "waitlist" or "proposed" => ParticipationStatus.Tentative,
            "cancelled" or "noshow" or "entered-in-error" => ParticipationStatus.Declined,
            _ => ParticipationStatus.Accepted,
        };
    }
}
