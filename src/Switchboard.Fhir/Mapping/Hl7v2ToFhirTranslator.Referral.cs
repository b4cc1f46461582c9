using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// REF^I12 (ours, reference §3.24 and §4.8; the IG has no map): RF1 → a referral ServiceRequest (category SNOMED
/// 3457005) and a Task that asks the referred-to provider to fulfil it; PRD RP → requester, RT → performer/owner,
/// PP → Patient.generalPractitioner; DG1 → reasonReference; OBR/OBX (clinical history) → DiagnosticReport in
/// supportingInfo; NTE → note.
/// </summary>
public static partial class Hl7v2ToFhirTranslator
{
    private static void TranslateReferral(MappingSession s, Patient? patient, List<ResourceReference> focus)
    {
        var message = s.Message;
        var encounter = MapPatientContext(s, patient);
        var rf1 = message.Segment("RF1");
        var request = new ServiceRequest
        {
            Intent = RequestIntent.Order,
            Status = RequestStatus.Unknown,
            Subject = s.PatientReference ?? new ResourceReference { Display = "unknown patient" },
            Encounter = s.EncounterReference,
            Category = [new CodeableConcept("http://snomed.info/sct", "3457005", "Patient referral")],
        };
        Identifier? key = null;
        if (rf1.Exists)
        {
            s.Touch(rf1);
            var status = MappingSession.Field(rf1, 1);
            var statusCode = s.CompText(status, 1);
            s.MarkComponents(status, 2, 3);
            if (statusCode.Length > 0 && s.Lookup("ReferralStatus", statusCode, "RF1-1") is { } mappedStatus)
            {
                request.Status = EnumUtility.ParseLiteral<RequestStatus>(mappedStatus.Code) ?? RequestStatus.Unknown;
            }

            var priority = MappingSession.Field(rf1, 2);
            var priorityCode = s.CompText(priority, 1);
            s.MarkComponents(priority, 2, 3);
            if (priorityCode.Length > 0 && s.Lookup("ReferralPriority", priorityCode, "RF1-2") is { } mappedPriority)
            {
                request.Priority = EnumUtility.ParseLiteral<RequestPriority>(mappedPriority.Code);
            }

            foreach (var field in new[] { 3, 5 })
            {
                if (s.Cwe(MappingSession.Field(rf1, field)) is { } category)
                {
                    request.Category.Add(category);
                }
            }

            if (s.Cwe(MappingSession.Field(rf1, 4)) is { } disposition)
            {
                request.OrderDetail.Add(disposition);
            }

            var originating = MappingSession.Field(rf1, 6);
            if (originating.HasValue && s.Ei(originating.Repetition(1), "PLAC") is { } placer)
            {
                request.Identifier.Add(placer);
                key = placer;
            }

            if (s.DateTime(s.Take(rf1, 7)) is { } effective)
            {
                request.AuthoredOnElement = effective;
            }

            if (s.DateTime(s.Take(rf1, 8)) is { } expiration)
            {
                request.Occurrence = new Period { EndElement = expiration };
            }

            foreach (var rep in MappingSession.Field(rf1, 10).Repetitions)
            {
                if (s.Cwe(rep) is { } reason)
                {
                    request.ReasonCode.Add(reason);
                }
            }

            foreach (var rep in MappingSession.Field(rf1, 11).Repetitions)
            {
                if (s.Ei(rep) is { } external)
                {
                    request.Identifier.Add(external);
                    key ??= external;
                }
            }
        }
        else
        {
            s.Issue(MappingIssueCodes.MissingRequired, MappingSeverity.Warning, "RF1", "No RF1 segment: the referral has no status or identifier.");
        }

        ResourceReference? owner = null;
        foreach (var prd in message.SegmentsWithId("PRD"))
        {
            s.Touch(prd);
            var role = MappingSession.Field(prd, 1).Repetition(1);
            var roleCode = s.CompText(role, 1);
            s.MarkComponents(role, 2, 3);
            var practitioner = ProviderPractitioner(s, prd);
            if (practitioner is null)
            {
                continue;
            }

            switch (roleCode)
            {
                case "RP":
                    request.Requester ??= practitioner;
                    break;
                case "RT":
                    request.Performer.Add(practitioner);
                    owner ??= practitioner;
                    break;
                case "PP" when patient is not null:
                    patient.GeneralPractitioner.Add(practitioner);
                    break;
                default:
                    request.Performer.Add(practitioner);
                    s.Issue(MappingIssueCodes.UnmappedCode, MappingSeverity.Warning, "PRD-1", "Provider role not RP/RT/PP: the provider is added as a performer.");
                    break;
            }
        }

        foreach (var segment in message.Segments)
        {
            switch (segment.Id)
            {
                case "DG1" when patient is not null:
                    request.ReasonReference.Add(Dg1ToConditionMapper.Map(s, segment, encounter));
                    break;
                case "NTE" when !s.Tracker.IsTouched(segment.Ordinal) && PreviousIsNotOrder(segment):
                    if (NteMapper.Map(s, segment) is { } note)
                    {
                        request.Note.Add(note);
                    }

                    break;
                default:
                    break;
            }
        }

        // Clinical history: each OBR with its OBX/NTE as a DiagnosticReport (the ORU shape).
        foreach (var group in OrderGroups(message, "OBR"))
        {
            var obr = group.First("OBR");
            if (!obr.Exists)
            {
                continue;
            }

            var observations = new List<(Hl7Segment, IReadOnlyList<Hl7Segment>)>();
            foreach (var obx in group.All("OBX"))
            {
                observations.Add((obx, NotesAfter(group.Segments, obx)));
            }

            request.SupportingInfo.Add(MapReport(s, group.Orc, obr, NotesAfter(group.Segments, obr), observations, []));
        }

        var referralKey = key is not null ? "RF1|" + key.System + "|" + key.Value : "message|" + message.ControlId;
        var requestReference = s.Add(request, s.ScopedKey("referral", referralKey));
        var task = new Hl7.Fhir.Model.Task
        {
            Status = TaskStatus(request.Status),
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            Code = new CodeableConcept("http://hl7.org/fhir/CodeSystem/task-code", "fulfill"),
            Focus = requestReference,
            For = s.PatientReference,
            Encounter = s.EncounterReference,
            BasedOn = [new ResourceReference(requestReference.Reference)],
            Requester = request.Requester is { } requester ? new ResourceReference(requester.Reference) : null,
            Owner = owner is null ? null : new ResourceReference(owner.Reference),
            AuthoredOnElement = request.AuthoredOnElement is { } authored ? new FhirDateTime(authored.Value) : null,
        };
        if (request.Priority is { } taskPriority)
        {
            task.Priority = taskPriority;
        }

        focus.Add(requestReference);
        focus.Add(s.Add(task, s.ScopedKey("referral-task", referralKey)));
    }

    // An NTE that follows OBR/OBX/NTE belongs to the clinical-history report, not to the referral.
    private static bool PreviousIsNotOrder(Hl7Segment nte)
    {
        var message = nte.Message!;
        for (var ordinal = nte.Ordinal - 1; ordinal >= 1; ordinal--)
        {
            var previous = message[ordinal];
            if (!previous.IdEquals("NTE"))
            {
                return !(previous.IdEquals("OBR") || previous.IdEquals("OBX"));
            }
        }

        return true;
    }

    private static Hl7.Fhir.Model.Task.TaskStatus TaskStatus(RequestStatus? status) => status switch
    {
        RequestStatus.Draft => Hl7.Fhir.Model.Task.TaskStatus.Draft,
        RequestStatus.Revoked => Hl7.Fhir.Model.Task.TaskStatus.Cancelled,
        RequestStatus.Completed => Hl7.Fhir.Model.Task.TaskStatus.Completed,
        RequestStatus.OnHold => Hl7.Fhir.Model.Task.TaskStatus.OnHold,
        RequestStatus.EnteredInError => Hl7.Fhir.Model.Task.TaskStatus.EnteredInError,
        _ => Hl7.Fhir.Model.Task.TaskStatus.Requested,
    };

    /// <summary>PRD → Practitioner: PRD-2 name, PRD-3 address, PRD-5 telecom, PRD-7 identifier (PI.1 value, PI.2 type).</summary>
    private static ResourceReference? ProviderPractitioner(MappingSession s, Hl7Segment prd)
    {
        var practitioner = new Practitioner();
        var name = MappingSession.Field(prd, 2).Repetition(1);
        var human = name.HasValue ? s.Xpn(name) : null;
        if (human is not null)
        {
            practitioner.Name.Add(human);
        }

        foreach (var rep in MappingSession.Field(prd, 3).Repetitions)
        {
            if (s.Xad(rep) is { } address)
            {
                practitioner.Address.Add(address);
            }
        }

        foreach (var rep in MappingSession.Field(prd, 5).Repetitions)
        {
            if (s.Xtn(rep, ContactPoint.ContactPointUse.Work) is { } telecom)
            {
                practitioner.Telecom.Add(telecom);
            }
        }

        Identifier? identifier = null;
        foreach (var rep in MappingSession.Field(prd, 7).Repetitions)
        {
            var value = s.CompText(rep, 1);
            var type = s.CompText(rep, 2);
            if (value.Length == 0)
            {
                continue;
            }

            var id = new Identifier(s.LocalSystem("id", type.Length > 0 ? type : "provider"), value);
            practitioner.Identifier.Add(id);
            identifier ??= id;
        }

        if (human is null && identifier is null)
        {
            return null;
        }

        var reference = s.Add(practitioner, "name:" + human?.Family + "\u001f" + string.Join(' ', human?.Given ?? []), identifier);
        reference.Display = human is null ? null : string.Join(' ', (human.Given ?? []).Append(human.Family ?? string.Empty)).Trim();
        return reference;
    }
}
