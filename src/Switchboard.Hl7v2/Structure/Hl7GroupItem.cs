namespace Switchboard.Hl7v2.Structure;

/// <summary>One child of a group: a segment or a nested group.</summary>
public readonly record struct Hl7GroupItem(Hl7Segment Segment, Hl7Group? Group)
{
    /// <summary>True when this child is a group.</summary>
    public bool IsGroup => Group is not null;
}
