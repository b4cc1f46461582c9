using Switchboard.Hl7v2.Structure;

namespace Switchboard.Hl7v2.Validation;

/// <summary>
/// Checks a parsed message: the header (MSH-7/9/10/11/12), escape sequences, required segments and order per
/// structure, and data types (TS/DTM, NM, SI, ID/IS) of the fields listed in <see cref="FieldRules"/>. Lenient
/// reports deviations as warnings, strict as errors; unusable headers are errors in both.
/// </summary>
public static class Hl7Validator
{
    private static readonly HashSet<string> KnownVersions = new(StringComparer.Ordinal)
    {
        "2.1", "2.2", "2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2", "2.9", "2.9.1",
    };

    /// <summary>The validation issues of <paramref name="message"/> (its parse issues are in <see cref="Hl7Message.Issues"/>).</summary>
    public static IReadOnlyList<Hl7Issue> Validate(Hl7Message message, Hl7ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        options ??= Hl7ParseOptions.Lenient;
        var issues = new List<Hl7Issue>();
        var deviation = options.DeviationSeverity;
        var msh = message.Header.Segment;
        ValidateHeader(message, msh, deviation, issues);
        ValidateEscapes(message, deviation, issues);
        Hl7StructureMatcher.Match(message, issues, options);
        foreach (var segment in message.Segments)
        {
            if (!segment.HasValidId || !FieldRules.BySegment.TryGetValue(segment.Id, out var rules))
            {
                continue;
            }

            foreach (var rule in rules)
            {
                var type = rule.DataType;
                if (rule.DependsOnObx2)
                {
                    type = segment.Field(2).Value.Trim() switch
                    {
                        "NM" => "NM",
                        "TS" or "DTM" => "DTM",
                        "SI" => "SI",
                        _ => string.Empty,
                    };
                    if (type.Length == 0)
                    {
                        continue;
                    }
                }

                foreach (var repetition in segment.Field(rule.Field).Repetitions)
                {
                    CheckValue(repetition, type, rule, deviation, issues);
                }
            }
        }

        return issues;
    }

    private static void ValidateHeader(Hl7Message message, Hl7Segment msh, Hl7Severity deviation, List<Hl7Issue> issues)
    {
        var header = message.Header;
        void Add(string code, Hl7Severity severity, int field, string text) =>
            issues.Add(new Hl7Issue(code, severity, msh.Field(field).Location, text));

        if (msh.Field(7).IsEmpty)
        {
            Add(Hl7IssueCodes.MissingMessageDateTime, deviation, 7, "MSH-7 (date/time of message) is empty.");
        }

        if (header.MessageCode.Length == 0)
        {
            Add(Hl7IssueCodes.MissingMessageType, Hl7Severity.Error, 9, "MSH-9 (message type) is empty.");
        }
        else if (header.TriggerEvent.Length == 0 && header.MessageCode != "ACK")
        {
            Add(Hl7IssueCodes.MissingTriggerEvent, deviation, 9, "MSH-9.2 (trigger event) is empty.");
        }

        if (msh.Field(10).IsEmpty)
        {
            Add(Hl7IssueCodes.MissingControlId, Hl7Severity.Error, 10, "MSH-10 (message control id) is empty.");
        }

        if (header.ProcessingId is not ("P" or "D" or "T"))
        {
            Add(Hl7IssueCodes.BadProcessingId, deviation, 11, "MSH-11 (processing id) is not P, D or T.");
        }

        var version = header.Version;
        if (version.Length == 0)
        {
            Add(Hl7IssueCodes.MissingVersion, deviation, 12, "MSH-12 (version id) is empty.");
        }
        else if (!KnownVersions.Contains(version))
        {
            Add(Hl7IssueCodes.UnknownVersion, deviation, 12, "MSH-12 is not a known HL7 v2 version (2.1 to 2.9.1).");
        }

        var charset = header.CharacterSet;
        if (charset.Length > 0 && !Hl7CharacterSets.TryGetEncoding(charset, out _))
        {
            Add(Hl7IssueCodes.UnknownCharacterSet, Hl7Severity.Warning, 18, "MSH-18 names a character set that is not supported.");
        }
    }

    private static void ValidateEscapes(Hl7Message message, Hl7Severity deviation, List<Hl7Issue> issues)
    {
        var escape = message.Delimiters.Escape;
        if (escape == '\0')
        {
            return;
        }

        foreach (var segment in message.Segments)
        {
            if (segment.RawSpan.IndexOf(escape) < 0)
            {
                continue;
            }

            var first = segment.IsHeader ? 3 : 1;
            for (var i = first; i <= segment.FieldCount; i++)
            {
                var field = segment.Field(i);
                var at = Hl7Escaping.FindMalformedEscape(field.RawSpan, message.Delimiters);
                if (at >= 0)
                {
                    issues.Add(new Hl7Issue(
                        Hl7IssueCodes.BadEscape, deviation, field.Location with { Offset = field.Location.Offset + at },
                        $"{segment.Id}-{i} has an unterminated or unknown escape sequence; it is kept as written."));
                }
            }
        }
    }

    private static void CheckValue(Hl7Value value, string type, FieldRule rule, Hl7Severity deviation, List<Hl7Issue> issues)
    {
        var first = value.Component(1);
        if (value.IsEmpty || value.IsNull)
        {
            return;
        }

        var raw = first.RawSpan;
        var name = $"{rule.Segment}-{rule.Field}";
        switch (type)
        {
            case "DTM":
                if (!Hl7DateTime.TryParse(raw, out _))
                {
                    issues.Add(new Hl7Issue(Hl7IssueCodes.InvalidDateTime, deviation, value.Location,
                        $"{name} is not a valid TS/DTM date/time (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ])."));
                }

                break;
            case "NM":
                if (!value.TryGetDecimal(out _))
                {
                    issues.Add(new Hl7Issue(Hl7IssueCodes.InvalidNumber, deviation, value.Location, $"{name} is not a number (NM)."));
                }

                break;
            case "SI":
                if (!value.TryGetInt32(out _))
                {
                    issues.Add(new Hl7Issue(Hl7IssueCodes.InvalidSequenceId, deviation, value.Location, $"{name} is not a non-negative integer (SI)."));
                }

                break;
            case "ID":
            case "IS":
                if (raw.Length > 20 || value.ComponentCount > 1)
                {
                    issues.Add(new Hl7Issue(Hl7IssueCodes.MalformedCodedValue, deviation, value.Location, $"{name} is not a single coded value ({type})."));
                }
                else if (rule.Table is { } table && !table.Contains(raw.Trim().ToString()))
                {
                    issues.Add(new Hl7Issue(
                        Hl7IssueCodes.InvalidCodedValue, type == "ID" ? deviation : Hl7Severity.Warning, value.Location,
                        $"{name} is not in HL7 table {rule.TableId}."));
                }

                break;
            default:
                break;
        }
    }
}
