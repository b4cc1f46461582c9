namespace Switchboard.Fhir.WriteBack;

public sealed record FieldMergeOutcome(string Path, string RulePath, FieldMergeStatus Status);
