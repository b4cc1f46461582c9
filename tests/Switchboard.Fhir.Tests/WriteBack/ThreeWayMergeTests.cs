using System.Text.Json.Nodes;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Fhir.Tests.WriteBack;

public sealed class ThreeWayMergeTests
{
    private const string Base = """
        {"resourceType":"Patient","id":"1","gender":"female","birthDate":"1980-01-01",
         "telecom":[{"system":"phone","value":"555-0100"}],
         "address":[{"city":"Springfield"}],"communication":[{"language":{"text":"en"}}]}
        """;

    private static JsonObject Doc(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static JsonObject With(string json, string path, string? value)
    {
        var doc = Doc(json);
        var step = path.Split('.')[1];
        if (value is null)
        {
            doc.Remove(step);
        }
        else
        {
            doc[step] = JsonNode.Parse(value);
        }

        return doc;
    }

    private static AuthorizedChange Change(ChangeOperation op, string path, string? value, ConflictPolicy policy = ConflictPolicy.Review, bool owner = false)
    {
        Assert.True(ElementPath.TryParse(path, out var parsed));
        return new AuthorizedChange(new FieldChange(op, path, value), parsed, parsed.Shape, policy, owner);
    }

    [Fact]
    public void Merge_DisjointFields_AppliesOursAndKeepsTheirs()
    {
        var theirs = With(Base, "Patient.birthDate", "\"1980-02-02\"");

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Set, "Patient.gender", "\"male\"")]);

        Assert.True(result.HasWrites);
        Assert.Equal("male", result.Merged["gender"]!.GetValue<string>());
        Assert.Equal("1980-02-02", result.Merged["birthDate"]!.GetValue<string>());
        Assert.Equal(FieldMergeStatus.Applied, result.Fields[0].Status);
    }

    [Theory]
    [InlineData(ConflictPolicy.Review, FieldMergeStatus.ConflictNeedsReview)]
    [InlineData(ConflictPolicy.Rebase, FieldMergeStatus.ConflictNeedsReview)]
    [InlineData(ConflictPolicy.Reject, FieldMergeStatus.ConflictRejected)]
    [InlineData(ConflictPolicy.SourceWins, FieldMergeStatus.Superseded)]
    public void Merge_SameScalarChangedDifferently_FollowsPolicy(ConflictPolicy policy, FieldMergeStatus expected)
    {
        var theirs = With(Base, "Patient.gender", "\"other\"");

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Set, "Patient.gender", "\"male\"", policy)]);

        Assert.Equal(expected, result.Fields[0].Status);
        Assert.Equal("other", result.Merged["gender"]!.GetValue<string>());
        Assert.False(result.HasWrites);
    }

    [Fact]
    public void Merge_SourceWinsAndProposerOwnsField_OursOverrides()
    {
        var theirs = With(Base, "Patient.gender", "\"other\"");

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Set, "Patient.gender", "\"male\"", ConflictPolicy.SourceWins, owner: true)]);

        Assert.Equal(FieldMergeStatus.Overridden, result.Fields[0].Status);
        Assert.Equal("male", result.Merged["gender"]!.GetValue<string>());
        Assert.True(result.HasWrites);
    }

    [Fact]
    public void Merge_ForceOurs_OverridesConflict()
    {
        var theirs = With(Base, "Patient.gender", "\"other\"");

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Set, "Patient.gender", "\"male\"")], forceOurs: true);

        Assert.Equal(FieldMergeStatus.Overridden, result.Fields[0].Status);
        Assert.Equal("male", result.Merged["gender"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_TheirsAlreadyHasOurValue_NothingToWrite()
    {
        var theirs = With(Base, "Patient.gender", "\"male\"");

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Set, "Patient.gender", "\"male\"")]);

        Assert.Equal(FieldMergeStatus.AlreadyApplied, result.Fields[0].Status);
        Assert.False(result.HasWrites);
    }

    [Fact]
    public void Merge_BothAddItems_KeepsBoth()
    {
        var theirs = With(Base, "Patient.telecom", """[{"system":"phone","value":"555-0100"},{"system":"email","value":"a@example.org"}]""");

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Add, "Patient.telecom", """{"system":"sms","value":"555-0199"}""")]);

        Assert.Equal(FieldMergeStatus.Rebased, result.Fields[0].Status);
        Assert.Equal(3, result.Merged["telecom"]!.AsArray().Count);
    }

    [Fact]
    public void Merge_AddTwice_AddsOnce()
    {
        var item = """{"system":"sms","value":"555-0199"}""";
        var first = ThreeWayMerge.Merge(Doc(Base), Doc(Base), [Change(ChangeOperation.Add, "Patient.telecom", item)]).Merged;

        var second = ThreeWayMerge.Merge(Doc(Base), first, [Change(ChangeOperation.Add, "Patient.telecom", item)]);

        Assert.Equal(FieldMergeStatus.AlreadyApplied, second.Fields[0].Status);
        Assert.Equal(2, second.Merged["telecom"]!.AsArray().Count);
    }

    [Fact]
    public void Merge_AddItemTheyRemoved_IsAConflict()
    {
        var theirs = With(Base, "Patient.telecom", null);

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Add, "Patient.telecom", """{"system":"phone","value":"555-0100"}""")]);

        Assert.Equal(FieldMergeStatus.ConflictNeedsReview, result.Fields[0].Status);
    }

    [Fact]
    public void Merge_RemoveItem_RemovesOnlyThatItemAndDropsEmptyArray()
    {
        var result = ThreeWayMerge.Merge(Doc(Base), Doc(Base), [Change(ChangeOperation.Remove, "Patient.telecom", """{"system":"phone","value":"555-0100"}""")]);

        Assert.Equal(FieldMergeStatus.Applied, result.Fields[0].Status);
        Assert.Null(result.Merged["telecom"]);
    }

    [Fact]
    public void Merge_RemoveWholeElementTheyChanged_FollowsPolicy()
    {
        var theirs = With(Base, "Patient.birthDate", "\"1999-09-09\"");

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Remove, "Patient.birthDate", null, ConflictPolicy.Reject)]);

        Assert.True(result.Rejected);
        Assert.Equal("1999-09-09", result.Merged["birthDate"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_RebaseSetOnCollection_ReplaysItemEdits()
    {
        // Base: one phone. Theirs added an email. Ours replaced the phone with a new number.
        var theirs = With(Base, "Patient.telecom", """[{"system":"phone","value":"555-0100"},{"system":"email","value":"a@example.org"}]""");
        var ours = """[{"system":"phone","value":"555-0111"}]""";

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Set, "Patient.telecom", ours, ConflictPolicy.Rebase)]);

        Assert.Equal(FieldMergeStatus.Rebased, result.Fields[0].Status);
        var values = result.Merged["telecom"]!.AsArray().Select(t => t!["value"]!.GetValue<string>()).ToList();
        Assert.Equal(["a@example.org", "555-0111"], values);
    }

    [Fact]
    public void Merge_NestedIndexedPath_SetsOnlyThatLeaf()
    {
        var result = ThreeWayMerge.Merge(Doc(Base), Doc(Base), [Change(ChangeOperation.Set, "Patient.address[0].postalCode", "\"12345\"")]);

        Assert.Equal("12345", result.Merged["address"]![0]!["postalCode"]!.GetValue<string>());
        Assert.Equal("Springfield", result.Merged["address"]![0]!["city"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_TheyChangedSubfieldOfOurField_IsAConflict()
    {
        var theirs = With(Base, "Patient.address", """[{"city":"Shelbyville"}]""");

        var result = ThreeWayMerge.Merge(Doc(Base), theirs, [Change(ChangeOperation.Set, "Patient.address", """[{"city":"Capital City"}]""")]);

        Assert.True(result.NeedsReview);
        Assert.Equal(["Patient.address"], result.ConflictPaths);
    }

    [Fact]
    public void Merge_DoesNotModifyInputs()
    {
        var baseDoc = Doc(Base);
        var theirs = Doc(Base);

        ThreeWayMerge.Merge(baseDoc, theirs, [Change(ChangeOperation.Set, "Patient.gender", "\"male\"")]);

        Assert.True(JsonNode.DeepEquals(Doc(Base), theirs));
        Assert.True(JsonNode.DeepEquals(Doc(Base), baseDoc));
    }
}
