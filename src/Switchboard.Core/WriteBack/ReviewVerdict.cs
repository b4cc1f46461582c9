namespace Switchboard.Core.WriteBack;

/// <summary>A reviewer's decision.</summary>
public enum ReviewVerdict
{
    Approve = 0,
    Reject = 1,

    /// <summary>Approve a changed change set (stored as a document, see <see cref="WriteBackIds.EditedChangesDocument"/>).</summary>
    EditAndApprove = 2,
}
