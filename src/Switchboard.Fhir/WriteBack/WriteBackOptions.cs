using System.ComponentModel.DataAnnotations;

namespace Switchboard.Fhir.WriteBack;

/// <summary>Write-back configuration (<c>Switchboard:WriteBack</c>), validated at start so a bad rule stops the host.</summary>
public sealed class WriteBackOptions : IValidatableObject
{
    public const string SectionName = "Switchboard:WriteBack";

    /// <summary>Field ownership rules (<c>Ownership:{n}:Path</c>, <c>SystemOfRecord</c>, <c>Roles:{system}</c>, <c>DataClass</c>, <c>ConflictPolicy</c>).</summary>
    public List<OwnershipRule> Ownership { get; set; } = [];

    /// <summary>Target systems by name.</summary>
    public Dictionary<string, WriteBackTargetOptions> Targets { get; set; } = [];

    /// <summary>FHIRPath invariants per resource type that a written resource must satisfy (<c>Rules:Patient:0 = name.exists()</c>).</summary>
    public Dictionary<string, List<string>> Rules { get; set; } = [];

    /// <summary>How long a review item waits for a decision before it is escalated.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ReviewTimeout { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How many times a stale write (412) is re-read, re-merged and re-sent.</summary>
    [Range(1, 50)]
    public int MaxPreconditionAttempts { get; set; } = 8;

    /// <summary>How many times a throttled or unavailable target (429/503/time-out) is retried.</summary>
    [Range(1, 50)]
    public int MaxTransientAttempts { get; set; } = 6;

    /// <summary>First back-off when the target gave no Retry-After (doubles per attempt, capped at <see cref="MaxRetryDelay"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many searches resolve an outcome-unknown create before it goes to review (new items may sit in a reconcile queue invisible to search).</summary>
    [Range(1, 50)]
    public int MaxResolveAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan ResolveDelay { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var error in OwnershipRegistry.Check(Ownership))
        {
            yield return new ValidationResult(error, [nameof(Ownership)]);
        }

        foreach (var (name, target) in Targets)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true))
            {
                foreach (var r in results)
                {
                    yield return new ValidationResult($"Targets:{name}: {r.ErrorMessage}", [nameof(Targets)]);
                }
            }

            if (target.CreateOnly && (target.RequiresIfMatch || target.SupportsPatch))
            {
                yield return new ValidationResult($"Targets:{name}: a create-only target cannot require If-Match or support PATCH.", [nameof(Targets)]);
            }

            if (target.RequiresIfMatch && !target.SupportsIfMatch)
            {
                yield return new ValidationResult($"Targets:{name}: RequiresIfMatch needs SupportsIfMatch.", [nameof(Targets)]);
            }
        }

        foreach (var (type, expressions) in Rules)
        {
            foreach (var error in WriteBackValidator.CheckRules(type, expressions))
            {
                yield return new ValidationResult(error, [nameof(Rules)]);
            }
        }
    }
}
