using System.ComponentModel.DataAnnotations;

namespace Switchboard.Fhir;

/// <summary>The FHIR R4 server that translated resources are written to.</summary>
public sealed class FhirOptions
{
    public const string SectionName = "Switchboard:Fhir";

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:8103/fhir</c> for the local server.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = null!;

    /// <summary>Per-request time-out; a write that times out has an unknown outcome and is treated as such.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
