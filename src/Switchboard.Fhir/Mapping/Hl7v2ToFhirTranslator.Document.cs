using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// MDM^T01–T11 (IG message map MDM_T02, segment map TXA[DocumentReference]): one DocumentReference keyed by patient +
/// TXA-12 (the unique document number), content from OBX (ED → one attachment per repetition, TX/FT/ST → one text
/// attachment, lines joined by LF), ORC/OBR → ServiceRequest in <c>context.related</c>. T06 appends and T08/T10
/// replace the TXA-13 parent; T11 cancels (entered-in-error).
/// </summary>
public static partial class Hl7v2ToFhirTranslator
{
    private static void TranslateDocument(MappingSession s, Patient? patient, List<ResourceReference> focus)
    {
        var message = s.Message;
        MapPatientContext(s, patient);
        var txa = message.Segment("TXA");
        if (!txa.Exists)
        {
            s.Issue(MappingIssueCodes.MissingRequired, MappingSeverity.Warning, "TXA", "No TXA segment: no DocumentReference.");
            return;
        }

        s.Touch(txa);
        s.Take(txa, 1);
        var document = new DocumentReference { Subject = s.PatientReference, Status = DocumentReferenceStatus.Current };
        document.Type = s.Cwe(MappingSession.Field(txa, 2));
        var presentation = s.Text(txa, 3);
        var activity = s.DateTime(s.Take(txa, 4));
        foreach (var field in new[] { 5, 9 })
        {
            foreach (var rep in MappingSession.Field(txa, field).Repetitions)
            {
                if (s.Xcn(rep) is { } author)
                {
                    document.Author.Add(author);
                }
            }
        }

        if (s.Instant(s.Take(txa, 6)) is { } date)
        {
            document.DateElement = date;
        }

        foreach (var rep in MappingSession.Field(txa, 10).Repetitions)
        {
            document.Authenticator ??= s.Xcn(rep);
        }

        foreach (var rep in MappingSession.Field(txa, 22).Repetitions)
        {
            // PPN: an XCN with the authentication time in component 15.
            document.Authenticator ??= s.Xcn(rep);
            s.MarkComponents(rep, 15);
        }

        var unique = MappingSession.Field(txa, 12);
        if (unique.HasValue)
        {
            document.MasterIdentifier = s.Ei(unique.Repetition(1));
        }

        var fileName = s.Text(txa, 16);
        if (fileName.Length > 0)
        {
            document.Identifier.Add(new Identifier(s.LocalSystem("id", "document-file"), fileName));
        }

        var completion = s.Text(txa, 17);
        if (completion.Length > 0 && s.Lookup("DocumentStatus", completion, "TXA-17") is { } docStatus)
        {
            document.DocStatus = EnumUtility.ParseLiteral<CompositionStatus>(docStatus.Code);
        }

        var confidentiality = s.Text(txa, 18);
        if (confidentiality.Length > 0)
        {
            document.SecurityLabel.Add(new CodeableConcept(MappingSession.V2System + "0272", confidentiality));
        }

        var availability = s.Text(txa, 19);
        if (availability.Length > 0 && s.Lookup("DocumentAvailability", availability, "TXA-19") is { } status)
        {
            document.Status = EnumUtility.ParseLiteral<DocumentReferenceStatus>(status.Code) ?? DocumentReferenceStatus.Current;
        }

        var trigger = message.TriggerEvent;
        if (trigger == "T11")
        {
            document.Status = DocumentReferenceStatus.EnteredInError;
        }

        var parent = MappingSession.Field(txa, 13);
        if (parent.HasValue && s.Ei(parent.Repetition(1)) is { } parentId)
        {
            document.RelatesTo.Add(new DocumentReference.RelatesToComponent
            {
                Code = trigger == "T06" ? DocumentRelationshipType.Appends : DocumentRelationshipType.Replaces,
                Target = new ResourceReference { Identifier = parentId, Type = "DocumentReference" },
            });
        }

        var context = new DocumentReference.ContextComponent { Encounter = s.EncounterReference is { } e ? [e] : [] };
        if (activity is not null)
        {
            context.Period = new Period { StartElement = activity };
        }

        foreach (var group in OrderGroups(message, "OBR"))
        {
            var obr = group.First("OBR");
            context.Related.Add(OrcToServiceRequestMapper.Map(s, group.Orc, obr, obr.Exists ? NotesAfter(obr) : []));
        }

        foreach (var (field, type) in new[] { (14, "PLAC"), (15, "FILL") })
        {
            var order = MappingSession.Field(txa, field);
            if (context.Related.Count == 0 && order.HasValue && s.Ei(order.Repetition(1), type) is { } orderId)
            {
                context.Related.Add(new ResourceReference { Identifier = orderId, Type = "ServiceRequest" });
            }
            else
            {
                s.MarkComponents(order, 1, 2, 3, 4);
            }
        }

        if (context.Encounter.Count > 0 || context.Period is not null || context.Related.Count > 0)
        {
            document.Context = context;
        }

        var description = s.Text(txa, 25);
        if (description.Length > 0)
        {
            document.Description = description;
        }

        DocumentContent(s, txa, document, presentation);
        var key = document.MasterIdentifier is { } master ? "TXA-12|" + master.System + "|" + master.Value : "message|" + message.ControlId + "|" + txa.Ordinal;
        focus.Add(s.Add(document, s.ScopedKey("document", key)));
    }

    private static void DocumentContent(MappingSession s, Hl7Segment txa, DocumentReference document, string presentation)
    {
        var text = new StringBuilder();
        var title = document.Type?.Text ?? document.Type?.Coding.FirstOrDefault()?.Display;
        var message = s.Message;
        for (var ordinal = txa.Ordinal + 1; ordinal <= message.SegmentCount; ordinal++)
        {
            var segment = message[ordinal];
            if (segment.IdEquals("NTE") && s.Tracker.IsTouched(ordinal))
            {
                continue;
            }

            if (segment.IdEquals("OBX"))
            {
                s.Touch(segment);
                s.Take(segment, 1);
                s.Take(segment, 4);
                s.Take(segment, 11);
                var type = s.Text(segment, 2);
                var code = s.Cwe(MappingSession.Field(segment, 3));
                var values = s.Take(segment, 5);
                if (type is "ED" or "RP")
                {
                    foreach (var rep in values.Repetitions)
                    {
                        if (ObxToObservationMapper.Attachment(s, rep, type) is { } attachment)
                        {
                            attachment.Title = code?.Text ?? code?.Coding.FirstOrDefault()?.Display ?? title;
                            document.Content.Add(new DocumentReference.ContentComponent { Attachment = attachment });
                        }
                    }
                }
                else
                {
                    foreach (var rep in values.Repetitions)
                    {
                        text.Append(rep.GetText(Hl7TextFormat.Render)).Append('\n');
                    }
                }
            }
            else if (segment.IdEquals("NTE"))
            {
                s.Touch(segment);
                s.Take(segment, 1);
                s.Take(segment, 2);
                text.Append(NteMapper.Text(s, segment)).Append('\n');
            }
        }

        if (text.Length > 0)
        {
            document.Content.Insert(0, new DocumentReference.ContentComponent
            {
                Attachment = new Attachment
                {
                    ContentType = "text/plain; charset=utf-8",
                    Data = Encoding.UTF8.GetBytes(text.ToString(0, text.Length - 1)),
                    Title = title,
                },
            });
        }

        if (document.Content.Count == 0)
        {
            // Notification-only events (T01, T03, …) carry no content; content is 1..* in R4 (ours: a titled stub).
            document.Content.Add(new DocumentReference.ContentComponent
            {
                Attachment = new Attachment { ContentType = presentation is "TX" or "FT" or "" ? "text/plain" : null, Title = title ?? "document content not sent" },
            });
        }
    }
}
