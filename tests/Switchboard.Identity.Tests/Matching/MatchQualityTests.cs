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
    public void Run_GeneratedRegistrations_MeetsQualityGoals(int seed, int records)
    {
        var dataset = new SyntheticRegistrationGenerator(seed).Generate(records);

        var resolution = BatchResolution.Run(dataset.Records.Select(r => r.Registration).ToList());
        var evaluation = MatchEvaluator.Evaluate(dataset, resolution.Clusters(), resolution.Decisions.Select(d => (d.A, d.B, d.Kind)));

        output.WriteLine(evaluation.ToString());
        output.WriteLine($"comparisons={resolution.Comparisons} seconds={resolution.Elapsed.TotalSeconds:F2}");
        Assert.True(evaluation.Precision >= 0.999, $"precision {evaluation.Precision:F5}");
        Assert.True(evaluation.Recall >= 0.95, $"recall {evaluation.Recall:F4}");
        Assert.True(evaluation.RecallWithReview >= 0.99, $"recall with review {evaluation.RecallWithReview:F4}");
        Assert.True(evaluation.ReviewPer100Records <= 5, $"review {evaluation.ReviewPer100Records:F2} per 100");
    }
}
