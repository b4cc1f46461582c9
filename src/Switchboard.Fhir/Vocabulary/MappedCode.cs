namespace Switchboard.Fhir.Vocabulary;

/// <summary>A FHIR code a v2 code translates to, with its system.</summary>
public readonly record struct MappedCode(string System, string Code);
