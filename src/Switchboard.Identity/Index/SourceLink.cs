namespace Switchboard.Identity.Index;

/// <summary>(source system, MRN) → enterprise id, with how the link was made.</summary>
/// <param name="Rule">The rule behind the link (<see cref="Matching.LinkRules"/>, or "manual").</param>
public sealed record SourceLink(
    SourceRecordKey Key,
    string EnterpriseId,
    double Score,
    LinkOrigin Origin,
    string Rule,
    DateTimeOffset UpdatedAt,
    string? ETag = null);
