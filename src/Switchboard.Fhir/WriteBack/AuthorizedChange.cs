using Switchboard.Core.WriteBack;

namespace Switchboard.Fhir.WriteBack;

/// <summary>A change with the rule that allowed it.</summary>
public sealed record AuthorizedChange(FieldChange Change, ElementPath Path, string RulePath, ConflictPolicy Policy, bool ProposerIsSystemOfRecord);
