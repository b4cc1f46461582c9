using Switchboard.Core.Ordering;

namespace Switchboard.Core.Ports;

/// <summary>Per-patient, per-destination high-water marks of applied event times (see <see cref="PatientOrderState"/>).</summary>
public interface IPatientOrderStore
{
    Task<PatientOrderState?> GetAsync(string patientKey, string destination, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="state"/> if the stored row still has <see cref="PatientOrderState.ETag"/> (or, with a null
    /// ETag, if no row exists). Returns false when another writer got there first.
    /// </summary>
    Task<bool> TryClaimAsync(PatientOrderState state, CancellationToken cancellationToken);
}
