namespace Switchboard.Fhir.Mapping;

/// <summary>
/// A merge event (ADT^A34/A40, MRG): the identity service re-points the prior identifiers to the surviving patient.
/// Holds identifiers (PHI): never log it.
/// </summary>
/// <param name="SurvivingSystem">Identifier system of the surviving patient (PID-3).</param>
/// <param name="SurvivingValue">Identifier value of the surviving patient.</param>
/// <param name="Prior">The prior (non-surviving) identifiers from MRG-1 (system, value).</param>
public sealed record PatientMerge(string SurvivingSystem, string SurvivingValue, IReadOnlyList<(string System, string Value)> Prior);
