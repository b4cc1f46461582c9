namespace Switchboard.Identity.Synthetic;

/// <summary>Generated registrations in arrival order, with the truth: who is who and which people are look-alikes.</summary>
public sealed class SyntheticDataset
{
    public SyntheticDataset(IReadOnlyList<SyntheticRecord> records, IReadOnlyDictionary<(int, int), HardNegativeKind> relations)
    {
        Records = records;
        Relations = relations;
    }

    public IReadOnlyList<SyntheticRecord> Records { get; }

    /// <summary>Look-alike people, keyed by (smaller person id, larger person id).</summary>
    public IReadOnlyDictionary<(int, int), HardNegativeKind> Relations { get; }

    public HardNegativeKind RelationOf(int personA, int personB) =>
        Relations.TryGetValue(personA < personB ? (personA, personB) : (personB, personA), out var kind) ? kind : HardNegativeKind.None;
}
