namespace Switchboard.Fhir.Validation;

/// <summary>One structural problem in a produced Bundle: where (entry and element path) and what.</summary>
public sealed record BundleProblem(string Location, string Message);
