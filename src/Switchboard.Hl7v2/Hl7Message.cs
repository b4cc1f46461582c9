using System.Text;
using Switchboard.Hl7v2.Structure;

namespace Switchboard.Hl7v2;

/// <summary>
/// One parsed HL7 v2 message: an index of segment and field offsets into the original text. Strings are made only
/// when a value is read. Immutable and safe to share between threads.
/// </summary>
public sealed class Hl7Message
{
    private readonly int[] _segments;
    private readonly int[] _seps;
    private readonly int[] _segSeps;
    private Encoding? _encoding;
    private bool _encodingResolved;
    private Hl7Group? _structure;

    internal Hl7Message(
        string text, int number, int start, int end, Hl7Delimiters delimiters,
        int[] segments, int segmentCount, int[] seps, int[] segSeps, IReadOnlyList<Hl7Issue> issues, Encoding? encoding)
    {
        Text = text;
        Number = number;
        Start = start;
        End = end;
        Delimiters = delimiters;
        _segments = segments;
        SegmentCount = segmentCount;
        _seps = seps;
        _segSeps = segSeps;
        Issues = issues;
        if (encoding is not null)
        {
            _encoding = encoding;
            _encodingResolved = true;
        }
    }

    /// <summary>Position of this message in its input (1-based): the Nth message of a batch or stream.</summary>
    public int Number { get; }

    /// <summary>Delimiters from MSH-1 and MSH-2.</summary>
    public Hl7Delimiters Delimiters { get; }

    /// <summary>Number of segments, MSH included.</summary>
    public int SegmentCount { get; }

    /// <summary>Issues found while reading this message (structure, terminators, header). See also validation.</summary>
    public IReadOnlyList<Hl7Issue> Issues { get; }

    /// <summary>The segments in order.</summary>
    public IEnumerable<Hl7Segment> Segments
    {
        get
        {
            for (var i = 0; i < SegmentCount; i++)
            {
                yield return new Hl7Segment(this, i);
            }
        }
    }

    /// <summary>The MSH segment with typed accessors for its fields.</summary>
    public Hl7Header Header => new(this);

    /// <summary>MSH-9.1, e.g. <c>ADT</c>.</summary>
    public string MessageCode => Header.MessageCode;

    /// <summary>MSH-9.2, e.g. <c>A01</c>.</summary>
    public string TriggerEvent => Header.TriggerEvent;

    /// <summary>MSH-12.1, e.g. <c>2.5.1</c>.</summary>
    public string Version => Header.Version;

    /// <summary>MSH-10.</summary>
    public string ControlId => Header.ControlId;

    /// <summary>
    /// Character set from MSH-18 used for <c>\Xhh\</c> escapes; null when MSH-18 is empty or unknown.
    /// </summary>
    public Encoding? Encoding
    {
        get
        {
            if (!_encodingResolved)
            {
                // Raw, not Value: unescaping needs the encoding (character set names hold no escapes).
                Hl7CharacterSets.TryGetEncoding(Segment("MSH").Field(18).Repetition(1).Raw, out _encoding);
                _encodingResolved = true;
            }

            return _encoding;
        }
    }

    /// <summary>
    /// The segment groups of the message structure (MSH-9.3, or derived from MSH-9.1/9.2 for older versions), built on
    /// first use. Messages without a known structure get a flat root group.
    /// </summary>
    public Hl7Group Structure => _structure ??= Hl7StructureMatcher.Match(this, null);

    internal string Text { get; }

    internal int Start { get; }

    internal int End { get; }

    /// <summary>The segment at a 1-based ordinal (MSH is 1).</summary>
    public Hl7Segment this[int ordinal] =>
        ordinal >= 1 && ordinal <= SegmentCount ? new Hl7Segment(this, ordinal - 1) : throw new ArgumentOutOfRangeException(nameof(ordinal));

    /// <summary>The <paramref name="occurrence"/>-th (1-based) segment with this id, or a missing segment (<see cref="Hl7Segment.Exists"/> false).</summary>
    public Hl7Segment Segment(string id, int occurrence = 1)
    {
        ArgumentNullException.ThrowIfNull(id);
        var seen = 0;
        for (var i = 0; i < SegmentCount; i++)
        {
            var segment = new Hl7Segment(this, i);
            if (segment.IdEquals(id) && ++seen == occurrence)
            {
                return segment;
            }
        }

        return default;
    }

    /// <summary>All segments with this id, in order.</summary>
    public IEnumerable<Hl7Segment> SegmentsWithId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Segments.Where(s => s.IdEquals(id));
    }

    /// <summary>
    /// The value at a path such as <c>PID-3[2].4.2</c>; an empty value when absent. The repetition defaults to 1
    /// (<c>PID-3</c> is the first identifier); read every repetition with <c>Segment("PID").Field(3).Repetitions</c>.
    /// </summary>
    public Hl7Value Get(Hl7Path path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segment = Segment(path.SegmentId, path.SegmentOccurrence);
        if (!segment.Exists)
        {
            return default;
        }

        var value = segment.Field(path.Field).Repetition(Math.Max(path.Repetition, 1));

        if (path.Component > 0)
        {
            value = value.Component(path.Component);
            if (path.SubComponent > 0)
            {
                value = value.SubComponent(path.SubComponent);
            }
        }

        return value;
    }

    /// <summary>The value at a path in HL7 notation; throws <see cref="FormatException"/> for a malformed path.</summary>
    public Hl7Value Get(string path) => Get(Hl7Path.Parse(path));

    /// <summary>The unescaped value at a path; empty when absent or explicitly null (<c>""</c>).</summary>
    public string GetValue(string path) => Get(path).Value;

    /// <summary>The message text exactly as it appeared in the input (segments and their terminators).</summary>
    public override string ToString() => Text[Start..End];

    internal int SegmentStart(int index) => _segments[index * 2];

    internal int SegmentEnd(int index) => _segments[(index * 2) + 1];

    internal int SeparatorCount(int index) => _segSeps[index + 1] - _segSeps[index];

    internal int Separator(int index, int k) => _seps[_segSeps[index] + k];
}
