using Switchboard.Identity.Matching;
using Switchboard.Identity.Synthetic;
using Xunit.Abstractions;

namespace Switchboard.Identity.Tests.Matching;

/// <summary>The quality goals, asserted on a generated set with known truth.</summary>
public sealed class MatchQualityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(11, 8000)]
    [InlineData(29, 8000)]
    public void Run_GeneratedRegistrations_StaysAboveQualityFloors(int seed, int records)
    {
        var dataset = new SyntheticRegistrationGenerator(seed).Generate(records);

        var resolution = BatchResolution.Run(dataset.Records.Select(r => r.Registration).ToList());
        var evaluation = MatchEvaluator.Evaluate(dataset, resolution.Clusters(), resolution.Decisions.Select(d => (d.A, d.B, d.Kind)));

        output.WriteLine(evaluation.ToString());
        output.WriteLine($"comparisons={resolution.Comparisons} seconds={resolution.Elapsed.TotalSeconds:F2}");
        // Regression floors at the level reached so far (docs/identity.md). The goals are higher
        // (precision 0.999, recall 0.95, recall with review 0.99, review 5/100); raise these as tuning gets there.
        Assert.True(evaluation.Precision >= 0.996, $"precision {evaluation.Precision:F5}");
        Assert.True(evaluation.Recall >= 0.87, $"recall {evaluation.Recall:F4}");
        Assert.True(evaluation.RecallWithReview >= 0.98, $"recall with review {evaluation.RecallWithReview:F4}");
        Assert.True(evaluation.ReviewPer100Records <= 12, $"review {evaluation.ReviewPer100Records:F2} per 100");
        Assert.True(evaluation.FalseMergePairsByKind[HardNegativeKind.Twins] <= 2, "twin false merges");
        Assert.True(evaluation.FalseMergePairsByKind[HardNegativeKind.JuniorSenior] <= 2, "Jr/Sr false merges");
    }
}
