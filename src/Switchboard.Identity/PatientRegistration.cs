namespace Switchboard.Identity;

/// <summary>
/// One registration as a source system sent it (PID-3/5/7/8/11/13/19, or a FHIR Patient): raw, unnormalized values.
/// </summary>
/// <param name="RecordId">Opaque, unique per registration.</param>
/// <param name="SourceSystem">The sending system (PID-3 CX.4).</param>
/// <param name="Mrn">The chart number in <paramref name="SourceSystem"/> (PID-3 CX.1, type MR).</param>
public sealed record PatientRegistration(
    string RecordId,
    string SourceSystem,
    string Mrn,
    IReadOnlyList<string> Given,
    string? Family,
    string? Suffix,
    string? Sex,
    string? BirthDate,
    IReadOnlyList<string> AddressLines,
    string? City,
    string? State,
    string? PostalCode,
    string? Phone,
    string? Email,
    string? SsnLast4)
{
    /// <summary>The chart key: the same (source system, MRN) is always the same person.</summary>
    public SourceRecordKey Key => new(SourceSystem, Mrn);
}
