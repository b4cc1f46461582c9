namespace Switchboard.Core.WriteBack;

/// <summary>Life cycle of a review item: pending until decided, or escalated when nobody decided in time.</summary>
public enum ReviewStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Escalated = 3,
}
