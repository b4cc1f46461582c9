using System.ComponentModel.DataAnnotations;
using Switchboard.Core.WriteBack;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// Who owns one field of one resource type (configuration: <c>Switchboard:WriteBack:Ownership:{n}</c>).
/// A change is governed by the rule with the longest path that is a prefix of the change's path.
/// </summary>
public sealed class OwnershipRule
{
    /// <summary>Element path starting with the resource type, e.g. <c>Patient.telecom</c>; <c>Patient</c> alone covers every field.</summary>
    [Required]
    public string Path { get; set; } = string.Empty;

    /// <summary>The system whose value is authoritative; it may always write the field (subject to the data class).</summary>
    [Required]
    public string SystemOfRecord { get; set; } = string.Empty;

    /// <summary>Role of each other system; a system not listed is treated as a mirror (read-only).</summary>
    public Dictionary<string, FieldRole> Roles { get; set; } = [];

    public DataClass DataClass { get; set; } = DataClass.Operational;

    public ConflictPolicy ConflictPolicy { get; set; } = ConflictPolicy.Review;

    /// <summary>The role <paramref name="system"/> plays; null when it is the system of record.</summary>
    public FieldRole? RoleOf(string system) =>
        string.Equals(system, SystemOfRecord, StringComparison.Ordinal) ? null
        : Roles.TryGetValue(system, out var role) ? role : FieldRole.Mirror;
}
