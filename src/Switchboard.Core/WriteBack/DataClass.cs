namespace Switchboard.Core.WriteBack;

/// <summary>How a field's data behaves over time, which limits the operations allowed on it.</summary>
public enum DataClass
{
    /// <summary>Current state that is edited in place (contact details, appointment status).</summary>
    Operational = 0,

    /// <summary>Append-only record (notes, allergy reactions): only <c>add</c> is allowed.</summary>
    History = 1,

    /// <summary>Computed for display (narrative, summaries): never written back.</summary>
    DerivedDisplay = 2,
}
