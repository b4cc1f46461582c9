using System.Globalization;

namespace Switchboard.Hl7v2;

/// <summary>
/// A view of a field, repetition, component or sub-component (no copy until read). Absent values are empty, never
/// null. <see cref="Value"/> is unescaped; <see cref="Raw"/> is as written; <see cref="IsNull"/> tells the explicit
/// HL7 null <c>""</c> from an empty value.
/// </summary>
public readonly struct Hl7Value : IEquatable<Hl7Value>
{
    private readonly Hl7Message? _message;
    private readonly int _segment;
    private readonly int _start;
    private readonly int _length;
    private readonly int _field;
    private readonly short _repetition;
    private readonly short _component;
    private readonly short _subComponent;
    private readonly Hl7ValueLevel _level;
    private readonly bool _literal;

    internal Hl7Value(Hl7Message message, int segment, int start, int length, int field, Hl7ValueLevel level, bool literal)
        : this(message, segment, start, length, field, 0, 0, 0, level, literal)
    {
    }

    private Hl7Value(
        Hl7Message? message, int segment, int start, int length, int field, int repetition, int component, int subComponent,
        Hl7ValueLevel level, bool literal)
    {
        _message = message;
        _segment = segment;
        _start = start;
        _length = length;
        _field = field;
        _repetition = (short)Math.Min(repetition, short.MaxValue);
        _component = (short)Math.Min(component, short.MaxValue);
        _subComponent = (short)Math.Min(subComponent, short.MaxValue);
        _level = level;
        _literal = literal;
    }

    /// <summary>The level of this value.</summary>
    public Hl7ValueLevel Level => _level;

    /// <summary>The text as written (escapes not decoded).</summary>
    public ReadOnlySpan<char> RawSpan => _message is null ? [] : _message.Text.AsSpan(_start, _length);

    /// <summary>The text as written (escapes not decoded).</summary>
    public string Raw => RawSpan.ToString();

    /// <summary>True when nothing is written here (absent or empty).</summary>
    public bool IsEmpty => _length == 0;

    /// <summary>True for the explicit HL7 null <c>""</c> ("delete this value" in updates).</summary>
    public bool IsNull => RawSpan is "\"\"";

    /// <summary>True when there is a value that is not the explicit null.</summary>
    public bool HasValue => _length > 0 && !IsNull;

    /// <summary>The unescaped value; empty when absent, empty or the explicit null. Formatting escapes are kept.</summary>
    public string Value => GetText(Hl7TextFormat.Preserve);

    /// <summary>The 1-based ordinal of the value's segment in its message (0 for a default value); cheaper than <see cref="Location"/>.</summary>
    public int SegmentOrdinal => _message is null ? 0 : _segment + 1;

    /// <summary>The 1-based field number of the value (0 for a default value); cheaper than <see cref="Location"/>.</summary>
    public int FieldNumber => _message is null ? 0 : _field;

    /// <summary>Where the value is, for issues; carries no value.</summary>
    public Hl7Location Location => _message is null
        ? default
        : new Hl7Location(
            _message.Number, _segment + 1, new Hl7Segment(_message, _segment).Id, _field, _repetition, _component, _subComponent, _start);

    /// <summary>The number of repetitions (0 when empty).</summary>
    public int RepetitionCount => Count(_level == Hl7ValueLevel.Field ? Delimiters.Repetition : '\0');

    /// <summary>The number of components in the first repetition (0 when empty).</summary>
    public int ComponentCount => _level switch
    {
        Hl7ValueLevel.Field => Repetition(1).ComponentCount,
        Hl7ValueLevel.Repetition => Count(Delimiters.Component),
        _ => Count('\0'),
    };

    /// <summary>The number of sub-components in the first component (0 when empty).</summary>
    public int SubComponentCount => _level switch
    {
        Hl7ValueLevel.Field or Hl7ValueLevel.Repetition => Component(1).SubComponentCount,
        Hl7ValueLevel.Component => Count(Delimiters.SubComponent),
        _ => Count('\0'),
    };

    /// <summary>Every repetition of a field, in order (none when empty).</summary>
    public IEnumerable<Hl7Value> Repetitions
    {
        get
        {
            var count = RepetitionCount;
            for (var i = 1; i <= count; i++)
            {
                yield return Repetition(i);
            }
        }
    }

    private Hl7Delimiters Delimiters => _message?.Delimiters ?? Hl7Delimiters.Default;

    /// <summary>Repetition <paramref name="number"/> (1-based) of a field; for other levels only 1 exists.</summary>
    public Hl7Value Repetition(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        if (_message is null)
        {
            return default;
        }

        if (_level != Hl7ValueLevel.Field)
        {
            return number == 1 ? this : Empty();
        }

        return Piece(_literal ? '\0' : Delimiters.Repetition, number, Hl7ValueLevel.Repetition, number, 0, 0);
    }

    /// <summary>Component <paramref name="number"/> (1-based); a field reads its first repetition.</summary>
    public Hl7Value Component(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        if (_message is null)
        {
            return default;
        }

        return _level switch
        {
            Hl7ValueLevel.Field => Repetition(1).Component(number),
            Hl7ValueLevel.Repetition => Piece(_literal ? '\0' : Delimiters.Component, number, Hl7ValueLevel.Component, _repetition, number, 0),
            _ => number == 1 ? this : Empty(),
        };
    }

    /// <summary>Sub-component <paramref name="number"/> (1-based); a field or repetition reads its first component.</summary>
    public Hl7Value SubComponent(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        if (_message is null)
        {
            return default;
        }

        return _level switch
        {
            Hl7ValueLevel.Field or Hl7ValueLevel.Repetition => Component(1).SubComponent(number),
            Hl7ValueLevel.Component => Piece(_literal ? '\0' : Delimiters.SubComponent, number, Hl7ValueLevel.SubComponent, _repetition, _component, number),
            _ => number == 1 ? this : Empty(),
        };
    }

    /// <summary>The unescaped value, rendering formatting escapes when asked (for FT/TX/CF text).</summary>
    public string GetText(Hl7TextFormat format)
    {
        if (_message is null || _length == 0 || IsNull)
        {
            return string.Empty;
        }

        var raw = RawSpan;
        return _literal ? raw.ToString() : Hl7Escaping.Unescape(raw, _message.Delimiters, _message.Encoding, format);
    }

    /// <summary>Reads a TS/DTM value.</summary>
    public bool TryGetDateTime(out Hl7DateTime value) => Hl7DateTime.TryParse(Component(1).RawSpan, out value);

    /// <summary>Reads an NM value.</summary>
    public bool TryGetDecimal(out decimal value) =>
        decimal.TryParse(RawSpan, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads an SI value or other integer.</summary>
    public bool TryGetInt32(out int value) => int.TryParse(RawSpan, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>The unescaped value.</summary>
    public override string ToString() => Value;

    /// <inheritdoc />
    public bool Equals(Hl7Value other) =>
        ReferenceEquals(_message, other._message) && _start == other._start && _length == other._length && _level == other._level;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hl7Value other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_message, _start, _length, _level);

    public static bool operator ==(Hl7Value left, Hl7Value right) => left.Equals(right);

    public static bool operator !=(Hl7Value left, Hl7Value right) => !left.Equals(right);

    private int Count(char separator)
    {
        if (_length == 0)
        {
            return 0;
        }

        return separator == '\0' || _literal ? 1 : RawSpan.Count(separator) + 1;
    }

    private Hl7Value Empty() => _message is null
        ? default
        : new Hl7Value(_message, _segment, _start + _length, 0, _field, _repetition, _component, _subComponent, _level, _literal);

    private Hl7Value Piece(char separator, int number, Hl7ValueLevel level, int repetition, int component, int subComponent)
    {
        if (_message is null)
        {
            return default;
        }

        var span = RawSpan;
        var offset = 0;
        if (separator != '\0')
        {
            for (var i = 1; i < number; i++)
            {
                var next = span[offset..].IndexOf(separator);
                if (next < 0)
                {
                    return new Hl7Value(_message, _segment, _start + _length, 0, _field, repetition, component, subComponent, level, _literal);
                }

                offset += next + 1;
            }

            var end = span[offset..].IndexOf(separator);
            var length = end < 0 ? span.Length - offset : end;
            return new Hl7Value(_message, _segment, _start + offset, length, _field, repetition, component, subComponent, level, _literal);
        }

        return number == 1
            ? new Hl7Value(_message, _segment, _start, _length, _field, repetition, component, subComponent, level, _literal)
            : new Hl7Value(_message, _segment, _start + _length, 0, _field, repetition, component, subComponent, level, _literal);
    }
}
