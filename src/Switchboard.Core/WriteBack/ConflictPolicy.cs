namespace Switchboard.Core.WriteBack;

/// <summary>What happens when the target changed the same field since the proposer's base version.</summary>
public enum ConflictPolicy
{
    /// <summary>The write-back fails with a conflict outcome; nothing is written.</summary>
    Reject = 0,

    /// <summary>
    /// Collections merge item by item (their items kept, ours added or removed); a scalar both sides changed
    /// cannot be rebased without losing one write, so it goes to review.
    /// </summary>
    Rebase = 1,

    /// <summary>A person decides, seeing base, theirs and ours.</summary>
    Review = 2,

    /// <summary>The system of record's value wins: ours if the proposer owns the field, otherwise theirs is kept.</summary>
    SourceWins = 3,
}
