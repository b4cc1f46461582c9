namespace Switchboard.Hl7v2;

/// <summary>
/// WALKING-SKELETON parser: reads segments, fields, repetitions and components with the delimiters from MSH-1/MSH-2.
/// The HL7 v2 engine issue replaces it with the full engine (escapes, validation, batches, positions).
/// </summary>
public sealed class Hl7Message
{
    private readonly string[][] _segments;
    private readonly char _field;
    private readonly char _component;
    private readonly char _repetition;

    private Hl7Message(string[][] segments, char field, char component, char repetition)
    {
        _segments = segments;
        _field = field;
        _component = component;
        _repetition = repetition;
    }

    public static Hl7Message Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart('\uFEFF', '\r', '\n', ' ');
        if (!trimmed.StartsWith("MSH", StringComparison.Ordinal) || trimmed.Length < 8)
        {
            throw new Hl7ParseException("V2001", "The message does not start with an MSH segment.");
        }

        var field = trimmed[3];
        var component = trimmed[4];
        var repetition = trimmed[5];
        var segments = trimmed.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(field))
            .ToArray();
        // MSH-1 is the field separator itself, so MSH fields shift by one against the split.
        segments[0] = [.. segments[0].Take(1), field.ToString(), .. segments[0].Skip(1)];
        return new Hl7Message(segments, field, component, repetition);
    }

    /// <summary>Value at <c>SEG-field[repetition].component</c> (1-based), or an empty string when absent.</summary>
    public string GetValue(string segmentId, int field, int repetition = 1, int component = 1)
    {
        var segment = _segments.FirstOrDefault(s => s[0] == segmentId);
        if (segment is null || field >= segment.Length)
        {
            return string.Empty;
        }

        var value = segment[field];
        if (segmentId == "MSH" && field <= 2)
        {
            return value;
        }

        var repetitions = value.Split(_repetition);
        if (repetition > repetitions.Length)
        {
            return string.Empty;
        }

        var components = repetitions[repetition - 1].Split(_component);
        return component > components.Length ? string.Empty : components[component - 1];
    }

    public int CountRepetitions(string segmentId, int field)
    {
        var segment = _segments.FirstOrDefault(s => s[0] == segmentId);
        return segment is null || field >= segment.Length || segment[field].Length == 0
            ? 0
            : segment[field].Split(_repetition).Length;
    }

    public char FieldSeparator => _field;
}
