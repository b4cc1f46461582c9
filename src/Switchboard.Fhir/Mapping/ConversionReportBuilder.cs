using System.Globalization;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// Builds the lossless-conversion report: walks every populated field/component of the message and reports those the
/// mappers did not mark (MAP003), plus segments no mapper touched (MAP001 unknown / MAP002 not mapped), then applies
/// the source's policy.
/// </summary>
internal static class ConversionReportBuilder
{
    // Segments the structure knows but that carry no data for FHIR (batch envelopes, continuation pointers).
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "MSH", "EVN", "PID", "PD1", "NK1", "PV1", "PV2", "ROL", "DB1", "OBX", "AL1", "DG1", "DRG", "PR1", "GT1", "IN1", "IN2", "IN3",
        "ACC", "UB1", "UB2", "PDA", "MRG", "ORC", "OBR", "NTE", "TQ1", "TQ2", "CTD", "FT1", "CTI", "SPM", "SAC", "BLG", "RXO", "RXE",
        "RXR", "RXC", "RXD", "RXA", "SCH", "RGS", "AIS", "AIG", "AIL", "AIP", "TXA", "CON", "RF1", "AUT", "PRD", "SFT", "UAC", "PRT",
        "DSC", "TCD", "IAM", "PRB", "GOL", "PTH", "VAR", "MSA", "ERR", "QRD", "QRF", "QAK", "QPD", "RCP", "MFI", "MFE", "ZZZ",
    };

    public static ConversionReport Build(MappingSession s, string mappingVersion)
    {
        var message = s.Message;
        var policy = s.Context.Unmapped;
        var unmappedFields = new List<string>();
        var unmappedSegments = new List<string>();
        var issues = new List<MappingIssue>(s.Issues);
        var severity = policy == UnmappedPolicy.Fail ? MappingSeverity.Error : MappingSeverity.Warning;
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var delimiters = message.Delimiters;
        for (var ordinal = 1; ordinal <= message.SegmentCount; ordinal++)
        {
            var segment = message[ordinal];
            var id = segment.Id;
            var occurrence = occurrences[id] = occurrences.GetValueOrDefault(id) + 1;
            if (s.Context.IgnoredSegments.Contains(id) || id.Length == 0)
            {
                continue;
            }

            var name = occurrence > 1 ? string.Create(CultureInfo.InvariantCulture, $"{id}[{occurrence}]") : id;
            if (!s.Tracker.IsTouched(ordinal))
            {
                if (!HasContent(segment))
                {
                    continue;
                }

                var known = Known.Contains(id) && id[0] != 'Z';
                unmappedSegments.Add(name);
                issues.Add(new MappingIssue(
                    known ? MappingIssueCodes.UnmappedSegment : MappingIssueCodes.UnknownSegment, severity, name,
                    known ? "Segment not mapped for this message type: its content is not in the Bundle." : "Unknown segment: its content is not in the Bundle."));
                continue;
            }

            var header = segment.IsHeader;
            for (var field = header ? 3 : 1; field <= segment.FieldCount; field++)
            {
                var value = segment.Field(field);
                if (value.IsEmpty || s.Tracker.IsConsumed(ordinal, field, 0))
                {
                    continue;
                }

                // One pass over the raw text: which components are populated in any repetition (bit c; past 63 → 63).
                var populated = PopulatedComponents(value.RawSpan, delimiters, out var widest);
                var consumed = s.Tracker.Bits(ordinal, field);
                var missingBits = populated & ~consumed;
                if (missingBits == 0)
                {
                    continue;
                }

                var fieldPath = string.Create(CultureInfo.InvariantCulture, $"{id}-{field}");
                if (s.Context.IgnoredFields.Contains(fieldPath))
                {
                    continue;
                }

                var whole = (populated & consumed) == 0;
                var missing = new List<int>();
                for (var c = 1; c <= Math.Min(widest, 63); c++)
                {
                    if ((missingBits & (1UL << c)) != 0)
                    {
                        missing.Add(c);
                    }
                }

                if (widest > 63 && (missingBits & (1UL << 63)) != 0)
                {
                    for (var c = 64; c <= widest; c++)
                    {
                        missing.Add(c);
                    }
                }

                var namePath = occurrence > 1 ? string.Create(CultureInfo.InvariantCulture, $"{id}[{occurrence}]-{field}") : fieldPath;
                if (whole)
                {
                    Add(namePath);
                }
                else
                {
                    foreach (var c in missing)
                    {
                        var componentPath = string.Create(CultureInfo.InvariantCulture, $"{fieldPath}.{c}");
                        if (!s.Context.IgnoredFields.Contains(componentPath))
                        {
                            Add(string.Create(CultureInfo.InvariantCulture, $"{namePath}.{c}"));
                        }
                    }
                }
            }
        }

        if (policy == UnmappedPolicy.Ignore)
        {
            issues.RemoveAll(i => i.Code is MappingIssueCodes.UnmappedField or MappingIssueCodes.UnmappedSegment or MappingIssueCodes.UnknownSegment);
        }

        var unmappedData = unmappedFields.Count > 0 || unmappedSegments.Count > 0;
        var failed = issues.Any(i => i.Code == MappingIssueCodes.InvalidOutput) || (policy == UnmappedPolicy.Fail && unmappedData);
        if (policy == UnmappedPolicy.Fail && unmappedData)
        {
            issues.Add(new MappingIssue(MappingIssueCodes.PolicyFailure, MappingSeverity.Error, "MSH",
                "The source's policy is 'fail' and the message has data no mapping consumed."));
        }

        return new ConversionReport
        {
            Source = s.Source,
            MessageControlId = message.ControlId,
            MessageType = message.MessageCode + "^" + message.TriggerEvent,
            MappingVersion = mappingVersion,
            Policy = policy,
            Failed = failed,
            UnmappedFields = unmappedFields,
            UnmappedSegments = unmappedSegments,
            Issues = issues,
        };

        void Add(string path)
        {
            unmappedFields.Add(path);
            issues.Add(new MappingIssue(MappingIssueCodes.UnmappedField, severity, path, "Populated but not consumed by any mapping: not in the Bundle."));
        }
    }

    /// <summary>
    /// Bit c set when component c is non-empty in some repetition (components past 63 share bit 63);
    /// <paramref name="widest"/> = the highest component number written.
    /// </summary>
    internal static ulong PopulatedComponents(ReadOnlySpan<char> raw, Hl7Delimiters delimiters, out int widest)
    {
        ulong bits = 0;
        widest = 0;
        var component = 1;
        var length = 0;
        for (var i = 0; i <= raw.Length; i++)
        {
            var end = i == raw.Length;
            var ch = end ? '\0' : raw[i];
            if (end || ch == delimiters.Component || ch == delimiters.Repetition)
            {
                if (length > 0)
                {
                    bits |= 1UL << Math.Min(component, 63);
                    widest = Math.Max(widest, component);
                }

                component = ch == delimiters.Component ? component + 1 : 1;
                length = 0;
            }
            else
            {
                length++;
            }
        }

        return bits;
    }

    private static bool HasContent(Hl7Segment segment)
    {
        for (var field = 1; field <= segment.FieldCount; field++)
        {
            if (!segment.Field(field).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
