using System.Text;

namespace Switchboard.Hl7v2.Writing;

/// <summary>
/// Builds or edits a message programmatically. Values given to <see cref="Set"/> and <see cref="AddSegment"/> are
/// escaped; <see cref="SetRaw"/> writes ER7 as is. Paths use the same notation as reading (<c>PID-5[1].2</c>).
/// </summary>
public sealed class Hl7MessageBuilder
{
    private readonly List<(string Id, List<string> Fields)> _segments = [];

    /// <summary>Starts an empty message with the given (default <c>|^~\&amp;</c>) delimiters.</summary>
    public Hl7MessageBuilder(Hl7Delimiters? delimiters = null) => Delimiters = delimiters ?? Hl7Delimiters.Default;

    /// <summary>The delimiters used to write.</summary>
    public Hl7Delimiters Delimiters { get; }

    /// <summary>A builder holding a copy of <paramref name="message"/>, to edit it.</summary>
    public static Hl7MessageBuilder From(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var builder = new Hl7MessageBuilder(message.Delimiters);
        foreach (var segment in message.Segments)
        {
            var fields = new List<string> { string.Empty };
            var count = segment.FieldCount;
            for (var i = 1; i <= count; i++)
            {
                fields.Add(segment.Field(i).Raw);
            }

            builder._segments.Add((segment.Id, fields));
        }

        return builder;
    }

    /// <summary>
    /// Adds a segment with field values 1..n (escaped). For MSH, start at MSH-3: MSH-1 and MSH-2 come from the delimiters.
    /// </summary>
    public Hl7MessageBuilder AddSegment(string id, params string?[] fields)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(fields);
        var list = NewSegment(id);
        foreach (var field in fields)
        {
            list.Add(Hl7Escaping.Escape(field ?? string.Empty, Delimiters));
        }

        _segments.Add((id, list));
        return this;
    }

    /// <summary>Sets the value at <paramref name="path"/>, escaping it; creates segments, fields and repetitions as needed.</summary>
    public Hl7MessageBuilder Set(string path, string? value) => SetRaw(path, Hl7Escaping.Escape(value ?? string.Empty, Delimiters));

    /// <summary>Sets ER7 text at <paramref name="path"/> without escaping (it may hold separators of lower levels).</summary>
    public Hl7MessageBuilder SetRaw(string path, string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var p = Hl7Path.Parse(path);
        var fields = SegmentFields(p.SegmentId, p.SegmentOccurrence);
        var header = p.SegmentId is "MSH" or "FHS" or "BHS";
        if (header && p.Field <= 2)
        {
            throw new InvalidOperationException("MSH-1 and MSH-2 come from the builder's delimiters.");
        }

        while (fields.Count <= p.Field)
        {
            fields.Add(string.Empty);
        }

        var repetitions = Split(fields[p.Field], Delimiters.Repetition);
        var r = Math.Max(p.Repetition, 1);
        Pad(repetitions, r);
        if (p.Component == 0)
        {
            repetitions[r - 1] = raw;
        }
        else
        {
            var components = Split(repetitions[r - 1], Delimiters.Component);
            Pad(components, p.Component);
            if (p.SubComponent == 0)
            {
                components[p.Component - 1] = raw;
            }
            else
            {
                var subs = Split(components[p.Component - 1], Delimiters.SubComponent);
                Pad(subs, p.SubComponent);
                subs[p.SubComponent - 1] = raw;
                components[p.Component - 1] = string.Join(Delimiters.SubComponent, subs);
            }

            repetitions[r - 1] = string.Join(Delimiters.Component, components);
        }

        fields[p.Field] = string.Join(Delimiters.Repetition, repetitions);
        return this;
    }

    /// <summary>The message as ER7, each segment followed by <paramref name="terminator"/> (CR by default).</summary>
    public string Build(string terminator = "\r")
    {
        ArgumentNullException.ThrowIfNull(terminator);
        var sb = new StringBuilder();
        foreach (var (id, fields) in _segments)
        {
            sb.Append(id);
            var header = id is "MSH" or "FHS" or "BHS";
            for (var i = header ? 2 : 1; i < fields.Count; i++)
            {
                sb.Append(Delimiters.Field).Append(fields[i]);
            }

            sb.Append(terminator);
        }

        return sb.ToString();
    }

    /// <summary>Builds and parses the message.</summary>
    public Hl7Message ToMessage() =>
        Hl7Parser.Parse(Build()).Value ?? throw new InvalidOperationException("The built message has no MSH segment.");

    private List<string> NewSegment(string id)
    {
        var list = new List<string> { string.Empty };
        if (id is "MSH" or "FHS" or "BHS")
        {
            list.Add(Delimiters.Field.ToString());
            list.Add(Delimiters.EncodingCharacters);
        }

        return list;
    }

    private List<string> SegmentFields(string id, int occurrence)
    {
        var seen = 0;
        foreach (var (segmentId, fields) in _segments)
        {
            if (segmentId == id && ++seen == occurrence)
            {
                return fields;
            }
        }

        List<string> last = [];
        for (; seen < occurrence; seen++)
        {
            last = NewSegment(id);
            _segments.Add((id, last));
        }

        return last;
    }

    private static List<string> Split(string raw, char separator) =>
        separator == '\0' || raw.Length == 0 ? [raw] : [.. raw.Split(separator)];

    private static void Pad(List<string> list, int count)
    {
        while (list.Count < count)
        {
            list.Add(string.Empty);
        }
    }
}
