using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using Switchboard.Identity;
using Switchboard.Identity.Index;
using Switchboard.Identity.Matching;

namespace Switchboard.Functions.Identity;

/// <summary>
/// The identity stage's service: resolves a translated Patient to an enterprise id through the matcher and the
/// master patient index. A chart already in the index keeps its identity (a manual link is never overridden); a new
/// chart is linked automatically, or gets a new identity (with a review item when a possible match exists).
/// </summary>
public sealed class PatientIdentityService(
    OnlinePatientIndex matcher, MasterPatientIndex index, TimeProvider time, ILogger<PatientIdentityService> logger)
{
    /// <summary>Resolves a FHIR Patient (its MR identifier is the chart).</summary>
    public Task<IdentityResolution> ResolveAsync(Patient patient, CancellationToken cancellationToken) =>
        ResolveAsync(PatientRegistrationMapper.ToRegistration(patient, patient?.Id ?? Guid.NewGuid().ToString("N")), cancellationToken);

    public async Task<IdentityResolution> ResolveAsync(PatientRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var known = await index.ResolveAsync(registration.Key, cancellationToken);
        var outcome = matcher.Add(registration);
        IdentityResolution resolution;
        if (known is not null)
        {
            resolution = new IdentityResolution(known, LinkOutcomeKind.Auto, LinkRules.SameSourceRecord, outcome.Score, null);
        }
        else if (outcome.Kind == LinkOutcomeKind.Auto && outcome.MatchedKey is { } matched
            && await index.ResolveAsync(matched, cancellationToken) is { } enterprise)
        {
            await index.LinkAutomaticallyAsync(registration.Key, enterprise, outcome.Score, outcome.Rule, cancellationToken);
            resolution = new IdentityResolution(enterprise, LinkOutcomeKind.Auto, outcome.Rule, outcome.Score, null);
        }
        else
        {
            var enterpriseId = NewId("E");
            await index.LinkAutomaticallyAsync(registration.Key, enterpriseId, outcome.Score, LinkRules.NoMatch, cancellationToken);
            if (outcome.Kind == LinkOutcomeKind.Review && outcome.MatchedKey is { } other)
            {
                var item = await index.OpenReviewAsync(NewId("R"), other, registration.Key, outcome.Score, outcome.Rule, cancellationToken);
                resolution = new IdentityResolution(enterpriseId, LinkOutcomeKind.Review, outcome.Rule, outcome.Score, item.Id);
            }
            else
            {
                resolution = new IdentityResolution(enterpriseId, LinkOutcomeKind.New, LinkRules.NoMatch, 0, null);
            }
        }

        IdentityLog.Resolved(logger, resolution.EnterpriseId, resolution.Outcome, resolution.Rule);
        return resolution;
    }

    /// <summary>Candidates for a Patient without changing the index (<c>$match</c>).</summary>
    public async Task<IReadOnlyList<(string EnterpriseId, IdentityCandidate Candidate)>> MatchAsync(Patient patient, int max, CancellationToken cancellationToken)
    {
        var registration = PatientRegistrationMapper.ToRegistration(patient, "match-request");
        var result = new List<(string, IdentityCandidate)>();
        foreach (var c in matcher.Match(registration, max))
        {
            var enterprise = await index.ResolveAsync(c.Key, cancellationToken);
            if (enterprise is not null && !result.Exists(r => r.Item1 == enterprise))
            {
                result.Add((enterprise, c));
            }
        }

        return result;
    }

    private string NewId(string prefix) =>
        prefix + time.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..16];
}
