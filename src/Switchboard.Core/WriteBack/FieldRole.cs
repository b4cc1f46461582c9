namespace Switchboard.Core.WriteBack;

/// <summary>What a system other than the system of record may do with a field.</summary>
public enum FieldRole
{
    /// <summary>Read-only copy: never writes back.</summary>
    Mirror = 0,

    /// <summary>May add new items (append), never edit or remove existing ones.</summary>
    Creator = 1,

    /// <summary>May propose changes; each proposal waits for a human decision.</summary>
    Suggester = 2,

    /// <summary>May write; concurrent edits follow the rule's conflict policy.</summary>
    CoEditor = 3,
}
