using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// HL7 v2 message → FHIR R4 transaction Bundle, following the HL7 v2-to-FHIR IG (see
/// <c>shared/reference/v2-to-fhir-mappings.md</c> and <c>docs/mapping-differences.md</c>). Pure: same message and
/// context → same Bundle bytes. The Patient is the first entry (<c>PUT Patient?identifier=system|value</c>), then the
/// MessageHeader, the content resources, and one Provenance last.
/// </summary>
public static partial class Hl7v2ToFhirTranslator
{
    /// <summary>The mapping version recorded in every Provenance and report; bump it when output changes.</summary>
    public const string MappingVersion = "switchboard-v2-fhir/1.0.0";

    /// <summary>Translates a message, hashing its text as UTF-8 for the Provenance.</summary>
    public static TranslationResult Translate(Hl7Message message, TranslationContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Translate(message, context, Encoding.UTF8.GetBytes(message.ToString()));
    }

    /// <summary>Translates a message; <paramref name="raw"/> are the bytes as received (their SHA-256 goes in the Provenance).</summary>
    public static TranslationResult Translate(Hl7Message message, TranslationContext context, ReadOnlySpan<byte> raw)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(raw));
        var s = new MappingSession(message, context);
        var msh = message.Segment("MSH");
        var header = MshToMessageHeaderMapper.MapHeader(s, msh);
        var structure = message.Structure;
        var pid = message.Segment("PID");
        Patient? patient = null;
        if (pid.Exists)
        {
            patient = PidToPatientMapper.Map(s, pid, NextSibling(structure, pid, "PD1"));
            AddPatient(s, patient);
        }

        PatientMerge? merge = null;
        var focus = new List<ResourceReference>();
        switch (message.MessageCode)
        {
            case "ADT":
                merge = TranslateAdt(s, patient, focus);
                break;
            case "ORU":
                TranslateOru(s, patient, focus);
                break;
            case "ORM":
            case "OML":
                TranslateOrders(s, patient, focus);
                break;
            case "RDE":
                TranslatePharmacy(s, patient, focus);
                break;
            case "SIU":
                TranslateScheduling(s, patient, focus);
                break;
            case "MDM":
                TranslateDocument(s, patient, focus);
                break;
            case "REF":
                TranslateReferral(s, patient, focus);
                break;
            case "VXU":
                TranslateImmunization(s, patient, focus);
                break;
            default:
                s.Issue(MappingIssueCodes.UnsupportedMessage, MappingSeverity.Warning, "MSH-9",
                    "No mapping for this message type: only the patient, MessageHeader and Provenance are produced.");
                break;
        }

        if (s.PatientReference is { } patientRef && focus.Count == 0)
        {
            focus.Add(patientRef);
        }

        header.Focus = focus;
        var headerRef = s.Add(header, "message:" + message.ControlId + "\u001f" + sha256);
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Identifier = new Identifier(MshToMessageHeaderMapper.MessageIdSystem + ":" + Uri.EscapeDataString(context.Source), MappingSession.Null(message.ControlId)),
        };
        if (s.Instant(msh.Field(7)) is { } timestamp)
        {
            bundle.TimestampElement = timestamp;
        }

        // Provenance first (EVN-5 may add a Practitioner), its targets once every entry exists.
        var provenance = MshToMessageHeaderMapper.MapProvenance(s, msh, message.Segment("EVN"), sha256, MappingVersion, []);
        var entries = s.Entries.ToList();
        // Patient first (the pipeline's per-patient ordering finds it there), MessageHeader second.
        var headerEntry = entries.Single(e => e.FullUrl == headerRef.Reference);
        entries.Remove(headerEntry);
        entries.Insert(patient is null ? 0 : 1, headerEntry);
        provenance.Target = entries.Select(e => new ResourceReference(e.FullUrl)).ToList();
        var provenanceId = DeterministicIds.For(context.Source, "Provenance", message.ControlId + "\u001f" + sha256).ToString();
        provenance.Id = provenanceId;
        entries.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + provenanceId,
            Resource = provenance,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Provenance/" + provenanceId },
        });
        bundle.Entry = entries;

        var report = ConversionReportBuilder.Build(s, MappingVersion);
        return new TranslationResult(bundle, report, merge);
    }

    private static void AddPatient(MappingSession s, Patient patient)
    {
        var key = patient.Identifier.FirstOrDefault(i => i.System is not null && i.Value is not null);
        if (key is null)
        {
            s.Issue(MappingIssueCodes.NoPatientIdentifier, MappingSeverity.Warning, "PID-3", "No patient identifier: the Patient is written by an id scoped to this message.");
            s.PatientKey = "message:" + s.Message.ControlId;
        }
        else
        {
            s.PatientKey = key.System + "|" + key.Value;
        }

        s.PatientUrl = s.Add(patient, "patient:" + s.PatientKey, key, first: true).Reference;
    }

    /// <summary>The segment with <paramref name="id"/> that directly follows <paramref name="anchor"/>'s position in its group.</summary>
    internal static Hl7Segment NextSibling(Hl7v2.Structure.Hl7Group root, Hl7Segment anchor, string id)
    {
        var message = anchor.Message!;
        for (var ordinal = anchor.Ordinal + 1; ordinal <= message.SegmentCount; ordinal++)
        {
            var segment = message[ordinal];
            if (segment.IdEquals(id))
            {
                return segment;
            }

            if (segment.IdEquals("PID") || segment.IdEquals("PV1") || segment.IdEquals("ORC") || segment.IdEquals("OBR") || segment.IdEquals("OBX"))
            {
                break;
            }
        }

        _ = root;
        return default;
    }
}
