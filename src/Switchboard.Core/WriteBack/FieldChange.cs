namespace Switchboard.Core.WriteBack;

/// <summary>One field-level change.</summary>
/// <param name="Op">The operation.</param>
/// <param name="Path">
/// A simple FHIRPath element path starting with the resource type, e.g. <c>Patient.telecom</c> or
/// <c>Patient.name[0].family</c> (child names and <c>[index]</c> only; no functions).
/// </param>
/// <param name="Value">The FHIR JSON of the value (a primitive, an object or an array item); null for a whole-element remove.</param>
public sealed record FieldChange(ChangeOperation Op, string Path, string? Value);
