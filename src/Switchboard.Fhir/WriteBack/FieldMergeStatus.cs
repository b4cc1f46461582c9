namespace Switchboard.Fhir.WriteBack;

/// <summary>What the three-way merge did with one change.</summary>
public enum FieldMergeStatus
{
    /// <summary>The target had not touched the field since the base: our change applies as is.</summary>
    Applied = 0,

    /// <summary>The target changed the field too and the changes combined item by item.</summary>
    Rebased = 1,

    /// <summary>The target already holds our value (an earlier attempt landed, or someone made the same change).</summary>
    AlreadyApplied = 2,

    /// <summary>Source-wins kept the system of record's value over ours.</summary>
    Superseded = 3,

    /// <summary>Overlapping change rejected by policy.</summary>
    ConflictRejected = 4,

    /// <summary>Overlapping change that a person must decide.</summary>
    ConflictNeedsReview = 5,

    /// <summary>A reviewer approved our value over theirs.</summary>
    Overridden = 6,
}
