using System.Text.Json.Nodes;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Fhir.Tests.WriteBack;

public sealed class JsonPatchTests
{
    private static JsonObject Doc(string json) => (JsonObject)JsonNode.Parse(json)!;

    private const string Current = """{"resourceType":"Patient","id":"p1","meta":{"versionId":"3"},"gender":"female","telecom":[{"system":"phone","value":"1"}],"name":[{"family":"A","given":["B"]}],"address":[{"city":"X"}]}""";

    [Fact]
    public void Diff_AppendedItem_AddsWithDash()
    {
        var merged = Doc(Current);
        merged["telecom"]!.AsArray().Add(new JsonObject { ["system"] = "sms", ["value"] = "2" });

        var ops = JsonPatch.Diff(Doc(Current), merged);

        Assert.Equal("""[{"op":"add","path":"/telecom/-","value":{"system":"sms","value":"2"}}]""", ops.ToJsonString());
    }

    [Fact]
    public void Diff_NestedScalarChangedAndElementRemoved_ReplaceAndRemoveOnly()
    {
        var merged = Doc(Current);
        merged["name"]![0]!["family"] = "C";
        merged.Remove("address");
        merged["birthDate"] = "1980-01-01";

        var ops = JsonPatch.Diff(Doc(Current), merged);

        Assert.Equal(
            """[{"op":"replace","path":"/name/0/family","value":"C"},{"op":"remove","path":"/address"},{"op":"add","path":"/birthDate","value":"1980-01-01"}]""",
            ops.ToJsonString());
    }

    [Fact]
    public void Diff_NoChange_Empty() => Assert.Empty(JsonPatch.Diff(Doc(Current), Doc(Current)));

    [Theory]
    [InlineData("""{"telecom":[{"system":"phone","value":"1"},{"system":"sms","value":"2"}]}""")]
    [InlineData("""{"telecom":[{"system":"sms","value":"2"}]}""")]
    [InlineData("""{"name":[{"family":"A"}],"gender":"male"}""")]
    [InlineData("""{"address":[{"city":"Y","line":["1 Main"]},{"city":"Z"}]}""")]
    public void Diff_ThenApply_ReproducesMerged(string overrides)
    {
        var merged = Doc(Current);
        foreach (var (key, value) in Doc(overrides))
        {
            merged[key] = value?.DeepClone();
        }

        var patched = JsonPatch.Apply(Doc(Current), JsonPatch.Diff(Doc(Current), merged));

        Assert.True(JsonNode.DeepEquals(merged, patched), patched.ToJsonString());
    }

    [Fact]
    public void ToChanges_AddReplaceRemove_MapsToFieldChanges()
    {
        var ops = (JsonArray)JsonNode.Parse("""
            [{"op":"add","path":"/telecom/-","value":{"system":"sms","value":"2"}},
             {"op":"replace","path":"/name/0/family","value":"C"},
             {"op":"add","path":"/birthDate","value":"1980-01-01"},
             {"op":"remove","path":"/address"}]
            """)!;

        var changes = JsonPatch.ToChanges("Patient", ops, out var error);

        Assert.Null(error);
        Assert.Equal(
            [
                new FieldChange(ChangeOperation.Add, "Patient.telecom", """{"system":"sms","value":"2"}"""),
                new FieldChange(ChangeOperation.Set, "Patient.name[0].family", "\"C\""),
                new FieldChange(ChangeOperation.Set, "Patient.birthDate", "\"1980-01-01\""),
                new FieldChange(ChangeOperation.Remove, "Patient.address", null),
            ],
            changes);
    }

    [Theory]
    [InlineData("""[{"op":"test","path":"/gender","value":"male"}]""")]
    [InlineData("""[{"op":"move","from":"/a","path":"/b"}]""")]
    [InlineData("""[{"op":"add","path":"/telecom/0","value":{}}]""")]
    [InlineData("""[{"op":"replace","path":"/gender"}]""")]
    [InlineData("""[{"op":"replace","path":"/0","value":1}]""")]
    [InlineData("""[{"op":"replace","path":"gender","value":"male"}]""")]
    [InlineData("""[{"op":"replace","path":"/Gender!","value":"male"}]""")]
    [InlineData("""[{"path":"/gender"}]""")]
    [InlineData("""[]""")]
    public void ToChanges_UnsupportedOperation_NullWithError(string json)
    {
        var changes = JsonPatch.ToChanges("Patient", (JsonArray)JsonNode.Parse(json)!, out var error);

        Assert.Null(changes);
        Assert.NotNull(error);
    }
}
