namespace Switchboard.Fhir.Mapping;

/// <summary>
/// Which parts of a message the mappers read: per segment a bitset per field (bit 0 = the whole field, bit n =
/// component n of every repetition; components past 63 share bit 63). Marking is an array write; the report walks
/// the populated positions that are not marked.
/// </summary>
internal sealed class ConsumptionTracker
{
    private readonly ulong[]?[] _segments;

    public ConsumptionTracker(int segmentCount) => _segments = new ulong[]?[segmentCount + 1];

    /// <summary>Marks a whole field (component 0) or one component of it.</summary>
    public void Mark(int segmentOrdinal, int field, int component)
    {
        if (segmentOrdinal <= 0 || segmentOrdinal >= _segments.Length || field <= 0)
        {
            return;
        }

        var fields = _segments[segmentOrdinal];
        if (fields is null || field >= fields.Length)
        {
            var grown = new ulong[Math.Max(field + 1, 32)];
            fields?.CopyTo(grown, 0);
            _segments[segmentOrdinal] = fields = grown;
        }

        fields[field] |= 1UL << Math.Min(component, 63);
    }

    /// <summary>Marks a segment as handled (its id and presence), even when none of its fields are read.</summary>
    public void Touch(int segmentOrdinal)
    {
        if (segmentOrdinal > 0 && segmentOrdinal < _segments.Length)
        {
            _segments[segmentOrdinal] ??= new ulong[32];
        }
    }

    public bool IsTouched(int segmentOrdinal) => _segments[segmentOrdinal] is not null;

    /// <summary>The consumed bits of a field: all ones when the whole field (bit 0) is marked.</summary>
    public ulong Bits(int segmentOrdinal, int field)
    {
        var fields = _segments[segmentOrdinal];
        if (fields is null || field >= fields.Length)
        {
            return 0;
        }

        var bits = fields[field];
        return (bits & 1UL) != 0 ? ulong.MaxValue : bits;
    }

    public bool IsConsumed(int segmentOrdinal, int field, int component)
    {
        var fields = _segments[segmentOrdinal];
        if (fields is null || field >= fields.Length)
        {
            return false;
        }

        var bits = fields[field];
        return (bits & 1UL) != 0 || (component > 0 && (bits & (1UL << Math.Min(component, 63))) != 0);
    }
}
