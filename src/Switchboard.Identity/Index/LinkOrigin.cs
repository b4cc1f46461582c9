namespace Switchboard.Identity.Index;

public enum LinkOrigin
{
    /// <summary>Made by the matcher; may be revised by the matcher.</summary>
    Auto,

    /// <summary>Made or confirmed by a person; never overridden automatically.</summary>
    Manual,
}
