using Hl7.Fhir.Model;
using Switchboard.Identity.Matching;

namespace Switchboard.Functions.Identity;

/// <summary>The <c>$match</c> answer: a searchset Bundle of enterprise identities with score and grade.</summary>
public static class MatchBundle
{
    public const string MatchGradeExtension = "http://hl7.org/fhir/StructureDefinition/match-grade";

    /// <summary>
    /// search.score in [0, 1]: the logistic of the log2 Bayes factor, placed so that a score at the auto-link
    /// threshold (22) reads 0.95 and one at the review threshold (20) about 0.83.
    /// </summary>
    public static decimal Probability(double score, double autoLinkThreshold) =>
        Math.Round((decimal)(1 / (1 + Math.Pow(2, -(score - autoLinkThreshold + Math.Log2(19))))), 4);

    public static Bundle Create(IReadOnlyList<(string EnterpriseId, IdentityCandidate Candidate)> candidates, double autoLinkThreshold = 22)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = candidates.Count };
        foreach (var (enterpriseId, c) in candidates)
        {
            var patient = new Patient { Id = enterpriseId };
            foreach (var key in c.ClusterKeys)
            {
                patient.Identifier.Add(new Identifier(key.SourceSystem, key.Mrn)
                {
                    Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR"),
                });
            }

            var search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match, Score = Probability(c.Score, autoLinkThreshold) };
            search.SetExtension(MatchGradeExtension, new Code(c.Grade switch
            {
                MatchGrade.Certain => "certain",
                MatchGrade.Probable => "probable",
                _ => "possible",
            }));
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:switchboard:enterprise:" + enterpriseId, Resource = patient, Search = search });
        }

        return bundle;
    }
}
