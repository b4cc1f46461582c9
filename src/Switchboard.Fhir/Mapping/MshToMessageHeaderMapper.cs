using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// MSH (+ EVN) → MessageHeader and the one Provenance per message, IG sheets <c>MSH[MessageHeader]</c>,
/// <c>MSH[Provenance-Source]</c>, <c>MSH[Provenance-Transformation]</c>, <c>EVN[Provenance]</c>. Times come from the
/// message (MSH-7), never from the clock, so replays produce the same bytes.
/// </summary>
internal static class MshToMessageHeaderMapper
{
    public const string MessageIdSystem = "urn:switchboard:message-control-id";
    public const string Sha256System = "urn:switchboard:sha256";

    public static MessageHeader MapHeader(MappingSession s, Hl7Segment msh)
    {
        s.Touch(msh);
        var header = new MessageHeader();
        var type = MappingSession.Field(msh, 9);
        var code = s.CompText(type, 1).Trim();
        var trigger = s.CompText(type, 2).Trim();
        var structure = s.CompText(type, 3);
        header.Event = new Coding(MappingSession.V2System + "0003", trigger.Length > 0 ? trigger : code.Length > 0 ? code : "unknown")
        {
            Display = MappingSession.Null(string.Join('^', new[] { code, trigger, structure }.Where(p => p.Length > 0))),
        };

        var application = MappingSession.Field(msh, 3);
        var appName = s.CompText(application, 1);
        var appId = s.CompText(application, 2);
        var appType = s.CompText(application, 3);
        header.Source = new MessageHeader.MessageSourceComponent
        {
            Name = MappingSession.Null(appName),
            Endpoint = Endpoint(s, appName, appId, appType),
        };
        var facility = MappingSession.Field(msh, 4);
        var facilityName = s.CompText(facility, 1);
        s.MarkComponents(facility, 2, 3);
        if (facility.HasValue)
        {
            var organization = new Organization { Name = MappingSession.Null(facilityName) };
            var system = s.IdentifierSystem(facility.Repetition(1), "MSH-4", "facility");
            organization.Identifier.Add(new Identifier("urn:ietf:rfc:3986", system));
            // Scoped by the sender role: MSH-4 = MSH-6 (the same code on both sides) must not merge two roles into one entry.
            header.Sender = s.Add(organization, "sender:" + system);
        }

        var receivingApp = MappingSession.Field(msh, 5);
        var receivingName = s.CompText(receivingApp, 1);
        var receivingId = s.CompText(receivingApp, 2);
        var receivingType = s.CompText(receivingApp, 3);
        var destination = new MessageHeader.MessageDestinationComponent
        {
            Name = MappingSession.Null(receivingName),
            Endpoint = Endpoint(s, receivingName, receivingId, receivingType),
        };
        var receivingFacility = MappingSession.Field(msh, 6);
        var receivingFacilityName = s.CompText(receivingFacility, 1);
        s.MarkComponents(receivingFacility, 2, 3);
        if (receivingFacility.HasValue)
        {
            var system = s.IdentifierSystem(receivingFacility.Repetition(1), "MSH-6", "facility");
            destination.Receiver = s.Add(
                new Organization { Name = MappingSession.Null(receivingFacilityName), Identifier = [new Identifier("urn:ietf:rfc:3986", system)] },
                "receiver:" + system);
        }

        header.Destination.Add(destination);
        var processing = s.Text(msh, 11);
        if (processing.Length > 0)
        {
            header.Meta = new Meta { Tag = [new Coding(MappingSession.V2System + "0103", processing.Split('^')[0])] };
        }

        foreach (var field in new[] { 1, 2, 7, 10, 12, 15, 16, 18 })
        {
            s.Take(msh, field);
        }

        var language = MappingSession.Field(msh, 19);
        s.MarkComponents(language, 1, 2, 3);
        return header;
    }

    private static string Endpoint(MappingSession s, string name, string id, string type) => type switch
    {
        "ISO" when MappingSession.IsOid(id) => "urn:oid:" + id,
        "UUID" when id.Length > 0 => "urn:uuid:" + id,
        "DNS" when id.Length > 0 => "urn:dns:" + id,
        "URI" when id.Length > 0 => id,
        _ => s.LocalSystem("application", name.Length > 0 ? name : id.Length > 0 ? id : "unknown"),
    };

    /// <summary>
    /// The one Provenance of the message: target = every resource of the Bundle, recorded = MSH-7 (EVN-2 when MSH-7 is
    /// absent), entity = the source message (MSH-10 and SHA-256), agent = the source system, policy = the mapping version.
    /// </summary>
    public static Provenance MapProvenance(MappingSession s, Hl7Segment msh, Hl7Segment evn, string sha256, string mappingVersion, IEnumerable<string> targets)
    {
        var provenance = new Provenance();
        foreach (var target in targets)
        {
            provenance.Target.Add(new ResourceReference(target));
        }

        var recorded = s.Instant(msh.Field(7));
        if (evn.Exists)
        {
            s.Touch(evn);
            recorded ??= s.Instant(s.Take(evn, 2));
            s.Take(evn, 1);
            s.Take(evn, 2);
            var occurred = s.DateTime(s.Take(evn, 6));
            if (occurred is not null)
            {
                provenance.Occurred = occurred;
            }

            var reason = MappingSession.Field(evn, 4);
            if (reason.HasValue && s.Cwe(reason) is { } r)
            {
                provenance.Reason.Add(r);
            }

            foreach (var rep in MappingSession.Field(evn, 5).Repetitions)
            {
                if (s.Xcn(rep) is { } operatorRef)
                {
                    provenance.Agent.Add(new Provenance.AgentComponent
                    {
                        Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "enterer"),
                        Who = operatorRef,
                    });
                }
            }

            s.Take(evn, 3);
            var facility = MappingSession.Field(evn, 7);
            s.MarkComponents(facility, 1, 2, 3);
        }

        provenance.RecordedElement = recorded ?? new Instant(DateTimeOffset.UnixEpoch);
        if (recorded is null)
        {
            s.Issue(MappingIssueCodes.MissingRequired, MappingSeverity.Warning, "MSH-7", "No message date/time: Provenance.recorded is the Unix epoch.");
        }

        provenance.Activity = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "UPDATE")
        {
            Text = "v2-fhir-transformation " + s.Message.MessageCode + "^" + s.Message.TriggerEvent,
        };
        provenance.Agent.Insert(0, new Provenance.AgentComponent
        {
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author"),
            Who = new ResourceReference { Identifier = new Identifier("urn:switchboard:source", s.Source), Display = s.Source },
        });
        provenance.Agent.Add(new Provenance.AgentComponent
        {
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler"),
            Who = new ResourceReference { Identifier = new Identifier("urn:switchboard:mapping", mappingVersion), Display = "Switchboard " + mappingVersion },
        });
        provenance.Entity.Add(new Provenance.EntityComponent
        {
            Role = Provenance.ProvenanceEntityRole.Source,
            What = new ResourceReference
            {
                Identifier = new Identifier(MessageIdSystem + ":" + Uri.EscapeDataString(s.Source), MappingSession.Null(s.Message.ControlId)),
                Display = "HL7 v2 " + s.Message.MessageCode + "^" + s.Message.TriggerEvent,
            },
            Extension = [new Extension("urn:switchboard:StructureDefinition:source-sha256", new FhirString(sha256))],
        });
        provenance.Policy = ["urn:switchboard:mapping:" + mappingVersion];
        return provenance;
    }
}
