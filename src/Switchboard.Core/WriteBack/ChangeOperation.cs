namespace Switchboard.Core.WriteBack;

/// <summary>A field-level change operation.</summary>
public enum ChangeOperation
{
    /// <summary>Replace the value at the path (or create it).</summary>
    Set = 0,

    /// <summary>Append an item to the collection at the path, unless an equal item is already there.</summary>
    Add = 1,

    /// <summary>Remove the item equal to the value from the collection, or the whole element when no value is given.</summary>
    Remove = 2,
}
