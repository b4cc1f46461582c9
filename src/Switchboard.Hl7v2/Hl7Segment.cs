namespace Switchboard.Hl7v2;

/// <summary>
/// A view of one segment of a message (no copy). Field numbers are 1-based as in HL7 notation; in MSH, FHS and BHS
/// field 1 is the field separator and field 2 the encoding characters.
/// </summary>
public readonly struct Hl7Segment : IEquatable<Hl7Segment>
{
    private readonly int _index;

    internal Hl7Segment(Hl7Message message, int index)
    {
        Message = message;
        _index = index;
    }

    /// <summary>The message holding the segment; null for a missing segment.</summary>
    public Hl7Message? Message { get; }

    /// <summary>False for the value returned when a segment is absent.</summary>
    public bool Exists => Message is not null;

    /// <summary>1-based position of the segment in its message (MSH is 1); 0 when missing.</summary>
    public int Ordinal => Message is null ? 0 : _index + 1;

    /// <summary>The segment id (<c>PID</c>), empty when missing.</summary>
    public string Id => Message is null ? string.Empty : SegmentIds.Get(IdSpan);

    /// <summary>The segment id without allocating.</summary>
    public ReadOnlySpan<char> IdSpan
    {
        get
        {
            if (Message is null)
            {
                return [];
            }

            var line = RawSpan;
            var end = Message.SeparatorCount(_index) > 0 ? Message.Separator(_index, 0) - Message.SegmentStart(_index) : line.Length;
            return line[..end];
        }
    }

    /// <summary>True when the line starts with a proper segment id (three upper-case letters or digits).</summary>
    public bool HasValidId => SegmentIds.IsValid(IdSpan);

    /// <summary>True for MSH, FHS and BHS, whose field 1 is the separator itself.</summary>
    public bool IsHeader => SegmentIds.IsHeader(IdSpan);

    /// <summary>The number of fields present (trailing empty fields written with separators count).</summary>
    public int FieldCount
    {
        get
        {
            if (Message is null)
            {
                return 0;
            }

            var count = Message.SeparatorCount(_index);
            return IsHeader && count > 0 ? count + 1 : count;
        }
    }

    /// <summary>The segment text as written, without its terminator.</summary>
    public ReadOnlySpan<char> RawSpan => Message is null
        ? []
        : Message.Text.AsSpan(Message.SegmentStart(_index), Message.SegmentEnd(_index) - Message.SegmentStart(_index));

    /// <summary>The segment text as written, without its terminator.</summary>
    public string Raw => RawSpan.ToString();

    /// <summary>Where the segment starts.</summary>
    public Hl7Location Location => Message is null
        ? default
        : new Hl7Location(Message.Number, Ordinal, Id, 0, 0, 0, 0, Message.SegmentStart(_index));

    /// <summary>Field <paramref name="number"/> (1-based).</summary>
    public Hl7Value this[int number] => Field(number);

    /// <summary>True when the id equals <paramref name="id"/> (ordinal comparison, no allocation).</summary>
    public bool IdEquals(ReadOnlySpan<char> id) => Message is not null && IdSpan.SequenceEqual(id);

    /// <summary>Field <paramref name="number"/> (1-based); an empty value when the segment has fewer fields.</summary>
    public Hl7Value Field(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        if (Message is null)
        {
            return default;
        }

        var count = Message.SeparatorCount(_index);
        var segmentEnd = Message.SegmentEnd(_index);
        var header = IsHeader;
        if (header && number == 1)
        {
            return count > 0
                ? new Hl7Value(Message, _index, Message.Separator(_index, 0), 1, number, Hl7ValueLevel.Field, literal: true)
                : new Hl7Value(Message, _index, segmentEnd, 0, number, Hl7ValueLevel.Field, literal: true);
        }

        var k = header ? number - 2 : number - 1;
        if (k >= count)
        {
            return new Hl7Value(Message, _index, segmentEnd, 0, number, Hl7ValueLevel.Field, literal: false);
        }

        var start = Message.Separator(_index, k) + 1;
        var end = k + 1 < count ? Message.Separator(_index, k + 1) : segmentEnd;
        return new Hl7Value(Message, _index, start, end - start, number, Hl7ValueLevel.Field, literal: header && number == 2);
    }

    /// <inheritdoc />
    public override string ToString() => Raw;

    /// <inheritdoc />
    public bool Equals(Hl7Segment other) => ReferenceEquals(Message, other.Message) && _index == other._index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hl7Segment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Message, _index);

    public static bool operator ==(Hl7Segment left, Hl7Segment right) => left.Equals(right);

    public static bool operator !=(Hl7Segment left, Hl7Segment right) => !left.Equals(right);
}
