using System.ComponentModel.DataAnnotations;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// A target system's write capabilities (configuration: <c>Switchboard:WriteBack:Targets:{name}</c>), checked
/// against the target's CapabilityStatement on first use (<see cref="TargetCapabilityCheck"/>).
/// </summary>
public sealed class WriteBackTargetOptions
{
    [Required]
    public Uri BaseUrl { get; set; } = null!;

    /// <summary>No update, no ETag (Epic's AllergyIntolerance, Condition, DocumentReference, Observation, Patient create APIs): creates go through the write ledger.</summary>
    public bool CreateOnly { get; set; }

    /// <summary>The server honours If-Match on update (412 when stale).</summary>
    public bool SupportsIfMatch { get; set; } = true;

    /// <summary>The server refuses updates without If-Match.</summary>
    public bool RequiresIfMatch { get; set; }

    /// <summary>The server supports JSON Patch (<c>PATCH Type/id</c>).</summary>
    public bool SupportsPatch { get; set; }

    /// <summary>The server honours If-None-Exist on create, which makes a replayed create harmless.</summary>
    public bool SupportsConditionalCreate { get; set; }

    /// <summary>Whether Switchboard may write a Provenance resource to this target after a write.</summary>
    public bool WriteProvenance { get; set; } = true;

    /// <summary>
    /// Check this profile against the target's CapabilityStatement before the first write (default). Turn off only
    /// for a server that serves no or a wrong CapabilityStatement: the profile is then trusted as configured.
    /// </summary>
    public bool VerifyCapabilities { get; set; } = true;

    /// <summary>Per-request time-out; a write that times out has an unknown outcome.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
