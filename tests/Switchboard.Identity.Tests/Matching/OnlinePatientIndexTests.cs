using Switchboard.Identity.Matching;

namespace Switchboard.Identity.Tests.Matching;

public sealed class OnlinePatientIndexTests
{
    [Fact]
    public void Add_SecondChartOfSamePerson_ReturnsAutoWithTheFirstChart()
    {
        var index = new OnlinePatientIndex();
        index.Add(Registration("R1", "ADT", "M1", "William"));

        var outcome = index.Add(Registration("R2", "LAB", "L1", "Bill"));

        Assert.Equal(LinkOutcomeKind.Auto, outcome.Kind);
        Assert.Equal(new SourceRecordKey("ADT", "M1"), outcome.MatchedKey);
    }

    [Fact]
    public void Match_TwinWithOtherFirstName_IsNotCertainAndDoesNotChangeTheIndex()
    {
        var index = new OnlinePatientIndex();
        index.Add(Registration("R1", "ADT", "M1", "William"));

        var candidates = index.Match(Registration("R2", "ADT", "M2", "Thomas"), 5);

        Assert.Equal(MatchGrade.Probable, Assert.Single(candidates).Grade);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Add_Stranger_ReturnsNew()
    {
        var index = new OnlinePatientIndex();
        index.Add(Registration("R1", "ADT", "M1", "William"));

        var outcome = index.Add(Registration("R2", "ADT", "M2", "Zebulon", "Quartermaine", "1990-02-03"));

        Assert.Equal(LinkOutcomeKind.New, outcome.Kind);
        Assert.Null(outcome.MatchedKey);
    }

    private static PatientRegistration Registration(string id, string source, string mrn, string first, string family = "Haverford", string dob = "1961-04-23") =>
        new(id, source, mrn, [first, "James"], family, null, "male", dob, ["12 Elm St"], "Houston", "TX", "77002", "713-555-0142", null, null);
}
