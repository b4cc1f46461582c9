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
        // Regression floors just under the level reached on both seeds (seed 11: 0.9994 / 0.866 / 0.988 / 11.4;
        // seed 29: 1.0000 / 0.865 / 0.986 / 10.8). The goals (recall 0.95, recall with review 0.99,
        // review 5/100) are stated separately in docs/identity.md; precision meets its goal here.
        Assert.True(evaluation.Precision >= 0.999, $"precision {evaluation.Precision:F5}");
        Assert.True(evaluation.Recall >= 0.86, $"recall {evaluation.Recall:F4}");
        Assert.True(evaluation.RecallWithReview >= 0.985, $"recall with review {evaluation.RecallWithReview:F4}");
        Assert.True(evaluation.ReviewPer100Records <= 12, $"review {evaluation.ReviewPer100Records:F2} per 100");
        Assert.True(evaluation.FalseMergePairsByKind[HardNegativeKind.SameNameAndBirthDate] <= 6, "same name and birth date false merges");
        Assert.True(evaluation.FalseMergePairsByKind[HardNegativeKind.Twins] <= 2, "twin false merges");
        Assert.True(evaluation.FalseMergePairsByKind[HardNegativeKind.JuniorSenior] <= 2, "Jr/Sr false merges");
    }
}
