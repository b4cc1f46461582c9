namespace Switchboard.Identity.Synthetic;

/// <summary>A generated registration and the person it truly belongs to.</summary>
public sealed record SyntheticRecord(PatientRegistration Registration, int PersonId);
