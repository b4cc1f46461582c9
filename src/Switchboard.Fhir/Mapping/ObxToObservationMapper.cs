using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// OBX (+ NTE) → Observation, IG sheet <c>OBX[Observation]</c> (components when OBX-5 repeats): value by OBX-2, UCUM
/// units, reference range (text, and low/high when unambiguous), interpretation, status, performer, notes. OBX-2 = ED
/// returns the attachment instead (a DiagnosticReport.presentedForm or DocumentReference.content).
/// </summary>
internal static class ObxToObservationMapper
{
    public const string SubIdExtension = "urn:switchboard:StructureDefinition:observation-v2-subid";

    public static ResourceReference? Map(MappingSession s, Hl7Segment obx, Hl7Segment obr, string reportKey, IReadOnlyList<Hl7Segment> notes, List<Attachment>? attachments = null)
    {
        s.Touch(obx);
        var valueType = s.Text(obx, 2);
        var code = s.Cwe(MappingSession.Field(obx, 3)) ?? new CodeableConcept { Text = "unknown" };
        var subId = s.Text(obx, 4);
        var setId = s.Text(obx, 1);
        var values = MappingSession.Field(obx, 5);
        if (valueType is "ED" or "RP" && attachments is not null)
        {
            foreach (var rep in values.Repetitions)
            {
                if (Attachment(s, rep, valueType) is { } attachment)
                {
                    attachment.Title = code.Text ?? code.Coding.FirstOrDefault()?.Display;
                    attachments.Add(attachment);
                }
            }

            s.Take(obx, 11);
            foreach (var nte in notes)
            {
                s.Touch(nte);
                s.Take(nte, 3);
            }

            return null;
        }

        var observation = new Observation { Code = code, Subject = s.PatientReference, Encounter = s.EncounterReference };
        var units = MappingSession.Field(obx, 6);
        var reps = values.RepetitionCount;
        if (reps <= 1)
        {
            observation.Value = Value(s, valueType, values.Repetition(1), units);
        }
        else
        {
            foreach (var rep in values.Repetitions)
            {
                observation.Component.Add(new Observation.ComponentComponent { Code = code, Value = Value(s, valueType, rep, units) });
            }
        }

        if (!values.HasValue)
        {
            s.Take(obx, 5);
        }

        var range = s.Text(obx, 7);
        if (range.Length > 0)
        {
            observation.ReferenceRange.Add(ReferenceRange(range, units, s));
        }

        foreach (var rep in MappingSession.Field(obx, 8).Repetitions)
        {
            var flag = s.CompText(rep, 1);
            s.MarkComponents(rep, 2, 3);
            if (s.MapCoding("InterpretationCodes", "0078", flag, "OBX-8") is { } interpretation)
            {
                observation.Interpretation.Add(new CodeableConcept { Coding = [interpretation] });
            }
        }

        var status = s.Text(obx, 11);
        if (status.Length == 0)
        {
            s.Issue(MappingIssueCodes.MissingRequired, MappingSeverity.Warning, "OBX-11", "No result status: Observation.status is unknown.");
            observation.Status = ObservationStatus.Unknown;
        }
        else if (s.Lookup("ObservationResultStatus", status, "OBX-11") is { } mapped)
        {
            observation.Status = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<ObservationStatus>(mapped.Code) ?? ObservationStatus.Unknown;
            if (status == "N")
            {
                observation.DataAbsentReason = new CodeableConcept("http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-asked");
            }
        }
        else
        {
            observation.Status = ObservationStatus.Unknown;
        }

        var effective = s.DateTime(s.Take(obx, 14));
        if (effective is null && obr.Exists)
        {
            effective = s.DateTime(obr.Field(7));
        }

        observation.Effective = effective;
        foreach (var rep in MappingSession.Field(obx, 16).Repetitions)
        {
            if (s.Xcn(rep) is { } performer)
            {
                observation.Performer.Add(performer);
            }
        }

        var producer = MappingSession.Field(obx, 15);
        var producerId = s.CompText(producer, 1);
        var producerName = s.CompText(producer, 2);
        s.MarkComponents(producer, 3);
        var lab = MappingSession.Field(obx, 23);
        var labName = s.CompText(lab, 1);
        var labId = s.CompText(lab, 10);
        s.MarkComponents(lab, 6, 7);
        if (labName.Length > 0 || producerName.Length > 0 || producerId.Length > 0)
        {
            var organization = new Organization { Name = labName.Length > 0 ? labName : MappingSession.Null(producerName) };
            var identifier = labId.Length > 0 ? labId : producerId;
            if (identifier.Length > 0)
            {
                organization.Identifier.Add(new Identifier(s.LocalSystem("lab", "id"), identifier));
            }

            foreach (var rep in MappingSession.Field(obx, 24).Repetitions)
            {
                if (s.Xad(rep) is { } address)
                {
                    organization.Address.Add(address);
                }
            }

            observation.Performer.Add(s.Add(organization, "lab:" + identifier + "\u001f" + organization.Name));
        }

        foreach (var rep in MappingSession.Field(obx, 25).Repetitions)
        {
            if (s.Xcn(rep) is { } director)
            {
                observation.Performer.Add(director);
            }
        }

        var method = MappingSession.Field(obx, 17);
        if (method.HasValue)
        {
            observation.Method = s.Cwe(method.Repetition(1));
        }

        var site = MappingSession.Field(obx, 20);
        if (site.HasValue)
        {
            observation.BodySite = s.Cwe(site.Repetition(1));
        }

        if (subId.Length > 0)
        {
            observation.Extension.Add(new Extension(SubIdExtension, new FhirString(subId)));
        }

        var analysis = s.DateTime(s.Take(obx, 19));
        if (analysis is not null)
        {
            observation.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/observation-analysis-date-time", analysis));
        }

        foreach (var nte in notes)
        {
            if (NteMapper.Map(s, nte) is { } note)
            {
                observation.Note.Add(note);
            }
        }

        var codeKey = code.Coding.FirstOrDefault() is { } c ? c.System + "|" + c.Code : code.Text ?? string.Empty;
        return s.Add(observation, s.ScopedKey("OBX", reportKey, codeKey, subId, setId));
    }

    private static DataType? Value(MappingSession s, string type, Hl7Value value, Hl7Value units)
    {
        if (!value.HasValue)
        {
            return null;
        }

        switch (type)
        {
            case "NM":
                s.MarkComponents(value, 1);
                if (s.Number(value) is { } number)
                {
                    return Quantity(s, number, units);
                }

                return new FhirString(value.Value);
            case "SN":
                return StructuredNumeric(s, value, units);
            case "CWE" or "CE" or "CNE" or "CF":
                return s.Cwe(value);
            case "IS" or "ID":
                s.MarkComponents(value, 1);
                return new CodeableConcept { Coding = [new Coding { Code = value.Value }] };
            case "DT" or "DTM" or "TS":
                s.MarkComponents(value, 1, 2);
                return s.DateTime(value) is { } dt ? dt : new FhirString(value.Value);
            case "TM":
                s.MarkComponents(value, 1);
                var tm = value.Value;
                return tm.Length >= 4 && tm.Length <= 6 && tm.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0
                    ? new Time(tm[..2] + ":" + tm.Substring(2, 2) + ":" + (tm.Length == 6 ? tm[4..6] : "00"))
                    : new FhirString(tm);
            case "NR":
                var low = s.Number(s.Comp(value, 1));
                var high = s.Number(s.Comp(value, 2));
                return new Hl7.Fhir.Model.Range { Low = low is null ? null : Quantity(s, low.Value, units), High = high is null ? null : Quantity(s, high.Value, units) };
            case "DR":
                return new Period { StartElement = s.DateTime(s.Comp(value, 1)), EndElement = s.DateTime(s.Comp(value, 2)) };
            default:
                s.MarkComponents(value, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
                return new FhirString(value.GetText(Hl7TextFormat.Render));
        }
    }

    private static DataType StructuredNumeric(MappingSession s, Hl7Value sn, Hl7Value units)
    {
        var comparator = s.CompText(sn, 1);
        var n1 = s.Number(s.Comp(sn, 2));
        var separator = s.CompText(sn, 3);
        var n2 = s.Number(s.Comp(sn, 4));
        if (separator.Length == 0 && n1 is not null)
        {
            var quantity = Quantity(s, n1.Value, units);
            quantity.Comparator = comparator switch
            {
                "<" => Hl7.Fhir.Model.Quantity.QuantityComparator.LessThan,
                "<=" => Hl7.Fhir.Model.Quantity.QuantityComparator.LessOrEqual,
                ">" => Hl7.Fhir.Model.Quantity.QuantityComparator.GreaterThan,
                ">=" => Hl7.Fhir.Model.Quantity.QuantityComparator.GreaterOrEqual,
                _ => null,
            };
            if (comparator is "" or "=" || quantity.Comparator is not null)
            {
                return quantity;
            }
        }
        else if (separator == "-" && n1 is not null && n2 is not null)
        {
            return new Hl7.Fhir.Model.Range { Low = Quantity(s, n1.Value, units), High = Quantity(s, n2.Value, units) };
        }
        else if (separator is ":" or "/" && n1 is not null && n2 is not null)
        {
            return new Ratio { Numerator = new Quantity { Value = n1 }, Denominator = new Quantity { Value = n2 } };
        }

        return new FhirString(string.Concat(comparator, sn.Component(2).Value, separator, sn.Component(4).Value));
    }

    /// <summary>CWE[Quantity]: UCUM (or another named system) code from OBX-6, unit text from CWE.2 or CWE.1.</summary>
    public static Quantity Quantity(MappingSession s, decimal value, Hl7Value units)
    {
        var quantity = new Quantity { Value = value };
        if (!units.HasValue)
        {
            return quantity;
        }

        var code = s.CompText(units, 1);
        var text = s.CompText(units, 2);
        var system = s.CompText(units, 3);
        s.MarkComponents(units, 4, 5, 6, 7, 9);
        quantity.Unit = text.Length > 0 ? text : MappingSession.Null(code);
        if (code.Length > 0)
        {
            if (system.Length > 0)
            {
                quantity.System = s.CodingSystem(system, MappingSession.At(units, 3));
                quantity.Code = code;
            }
            else if (LooksLikeUcum(code))
            {
                // OBX-6 without a system: senders mostly write UCUM; accepted only for codes made of UCUM characters.
                quantity.System = "http://unitsofmeasure.org";
                quantity.Code = code;
            }
        }

        return quantity;
    }

    private static bool LooksLikeUcum(string code)
    {
        foreach (var ch in code)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '/' or '.' or '%' or '[' or ']' or '{' or '}' or '*' or '^' or '-' or '(' or ')' or '\''))
            {
                return false;
            }
        }

        return true;
    }

    private static Observation.ReferenceRangeComponent ReferenceRange(string text, Hl7Value units, MappingSession s)
    {
        var range = new Observation.ReferenceRangeComponent { Text = text };
        var trimmed = text.Trim();
        var dash = trimmed.IndexOf('-', 1);
        if (dash > 0 && TryDecimal(trimmed[..dash], out var low) && TryDecimal(trimmed[(dash + 1)..], out var high))
        {
            range.Low = SimpleQuantity(s, low, units);
            range.High = SimpleQuantity(s, high, units);
        }
        else if (trimmed.StartsWith('<') && !trimmed.StartsWith("<=", StringComparison.Ordinal) && TryDecimal(trimmed[1..], out var below))
        {
            range.High = SimpleQuantity(s, below, units);
        }
        else if (trimmed.StartsWith('>') && !trimmed.StartsWith(">=", StringComparison.Ordinal) && TryDecimal(trimmed[1..], out var above))
        {
            range.Low = SimpleQuantity(s, above, units);
        }

        return range;
    }

    private static Quantity SimpleQuantity(MappingSession s, decimal value, Hl7Value units)
    {
        var q = Quantity(s, value, units);
        q.Comparator = null;
        return q;
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>ED[Attachment] (OBX-5.2 type, .3 subtype → contentType, .4 encoding, .5 data) or RP (pointer → url).</summary>
    public static Attachment? Attachment(MappingSession s, Hl7Value value, string type)
    {
        if (type == "RP")
        {
            var pointer = s.CompText(value, 1);
            s.MarkComponents(value, 2, 3, 4);
            return pointer.Length == 0 ? null : new Attachment { Url = pointer };
        }

        s.MarkComponents(value, 1);
        var dataType = s.CompText(value, 2);
        var subType = s.CompText(value, 3);
        var encoding = s.CompText(value, 4);
        var data = s.Comp(value, 5).Raw;
        if (data.Length == 0)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = encoding.ToUpperInvariant() switch
            {
                "BASE64" => Convert.FromBase64String(data),
                "HEX" => Convert.FromHexString(data),
                _ => Encoding.UTF8.GetBytes(s.Comp(value, 5).Value),
            };
        }
        catch (FormatException)
        {
            s.Issue(MappingIssueCodes.InvalidNumber, MappingSeverity.Warning, MappingSession.Position(value, 5), "The encapsulated data does not match its encoding: kept as text.");
            bytes = Encoding.UTF8.GetBytes(data);
        }

        return new Attachment { ContentType = ContentType(dataType, subType), Data = bytes };
    }

    public static string ContentType(string type, string subType)
    {
        var sub = subType.ToUpperInvariant();
        return sub switch
        {
            "PDF" => "application/pdf",
            "RTF" => "application/rtf",
            "HTML" => "text/html",
            "XML" => "application/xml",
            "JPEG" or "JPG" => "image/jpeg",
            "PNG" => "image/png",
            "GIF" => "image/gif",
            "TIFF" or "TIF" => "image/tiff",
            "PLAIN" or "TEXT" => "text/plain",
            "OCTET-STREAM" => "application/octet-stream",
            _ when subType.Contains('/', StringComparison.Ordinal) => subType,
            _ => type.ToUpperInvariant() switch
            {
                "TEXT" or "TX" => "text/plain",
                "IM" or "IMAGE" => "image/" + (sub.Length > 0 ? sub.ToLowerInvariant() : "octet-stream"),
                "AP" or "APPLICATION" => "application/" + (sub.Length > 0 ? sub.ToLowerInvariant() : "octet-stream"),
                _ => "application/octet-stream",
            },
        };
    }
}
