using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Core.WriteBack;
using Switchboard.Functions.WriteBack;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.WriteBack;

/// <summary>The write-back HTTP trigger classes, created from the app's DI and called with <see cref="DefaultHttpContext"/> requests.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WriteBackHttpTriggerTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private WriteBackHarness _wb = null!;

    public async Task InitializeAsync()
    {
        await fhir.ResetAsync();
        _wb = await WriteBackHarness.StartAsync(azurite, fhir);
    }

    public async Task DisposeAsync() => await _wb.DisposeAsync();

    private static HttpRequest Request(string method, string? body = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query);
        if (body is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        return context.Request;
    }

    private static JsonNode? Body(IActionResult result) =>
        JsonSerializer.SerializeToNode(((ObjectResult)result).Value, WriteBackJson.Options);

    private static string RequestJson(string patientId, string version, string key, string reason = "caller update", string proposer = "crm") => $$"""
        {"targetSystem":"ehr","resourceType":"Patient","resourceId":"{{patientId}}","baseVersion":"{{version}}",
         "changes":[{"op":"add","path":"Patient.telecom","value":"{\"system\":\"sms\",\"value\":\"555-0199\"}"}],
         "proposerSystem":"{{proposer}}","proposerId":"agent-17","reason":"{{reason}}","idempotencyKey":"{{key}}"}
        """;

    private Task<IActionResult> PostAsync(string body) =>
        _wb.App.Create<WriteBackRequestFunction>().RunAsync(Request("POST", body), _wb.Client, default);

    [Fact]
    public async Task Post_DuplicateRequest_SameInstanceIdAndReusedKeyIs409()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var key = Guid.NewGuid().ToString("N");

        var first = await PostAsync(RequestJson(id, v1, key));
        var second = await PostAsync(RequestJson(id, v1, key));
        var reused = await PostAsync(RequestJson(id, v1, key, reason: "something else"));

        var accepted = Assert.IsType<AcceptedResult>(first);
        Assert.IsType<AcceptedResult>(second);
        var instance = Body(first)!["id"]!.GetValue<string>();
        Assert.Equal(WriteBackIds.InstanceId("crm", key), instance);
        Assert.Equal(instance, Body(second)!["id"]!.GetValue<string>());
        Assert.Equal($"/api/writeback/{instance}", accepted.Location);
        Assert.IsType<ConflictObjectResult>(reused);
        await _wb.CompletionAsync(instance);
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"targetSystem":"ehr","resourceType":"Patient","resourceId":"1","changes":[],"proposerSystem":"crm","proposerId":"a","idempotencyKey":"k"}""")]
    [InlineData("""{"targetSystem":"ehr","resourceType":"Patient","resourceId":"1","baseVersion":"1","patch":[{"op":"move","from":"/a","path":"/b"}],"proposerSystem":"crm","proposerId":"a","idempotencyKey":"k"}""")]
    public async Task Post_MalformedRequest_400(string body) =>
        Assert.IsType<BadRequestObjectResult>(await PostAsync(body));

    [Fact]
    public async Task Post_JsonPatchBody_WritesTheItem()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var body = $$$"""
            {"targetSystem":"ehr","resourceType":"Patient","resourceId":"{{{id}}}","baseVersion":"{{{v1}}}",
             "patch":[{"op":"add","path":"/telecom/-","value":{"system":"sms","value":"555-0177"}}],
             "proposerSystem":"crm","proposerId":"agent-17","idempotencyKey":"{{{Guid.NewGuid():N}}}"}
            """;

        var result = await PostAsync(body);

        var instance = Body(Assert.IsType<AcceptedResult>(result))!["id"]!.GetValue<string>();
        Assert.Equal("written", (await _wb.CompletionAsync(instance)).Outcome);
        Assert.Contains((await _wb.ReadPatientAsync(id))["telecom"]!.AsArray(), t => t!["value"]!.GetValue<string>() == "555-0177");
    }

    [Fact]
    public async Task Status_CompletedAndUnknown_ReturnsResultWithHistoryOr404()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var instance = Body(await PostAsync(RequestJson(id, v1, Guid.NewGuid().ToString("N"))))!["id"]!.GetValue<string>();
        await _wb.CompletionAsync(instance);
        var status = _wb.App.Create<WriteBackStatusFunction>();

        var found = await status.RunAsync(Request("GET"), instance, _wb.Client, default);
        var missing = await status.RunAsync(Request("GET"), "wb-none", _wb.Client, default);

        var body = Body(Assert.IsType<OkObjectResult>(found))!;
        Assert.Equal(("Completed", "written", "written"), (body["runtimeStatus"]!.GetValue<string>(), body["status"]!["state"]!.GetValue<string>(), body["result"]!["outcome"]!.GetValue<string>()));
        Assert.Contains(body["history"]!.AsArray(), h => h!["state"]!.GetValue<string>() == "provenance");
        Assert.DoesNotContain("555-0199", body.ToJsonString(), StringComparison.Ordinal);
        Assert.IsType<NotFoundResult>(missing);
    }

    [Fact]
    public async Task ReviewListAndDecision_StaleDecision_409()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var instance = Body(await PostAsync(RequestJson(id, v1, Guid.NewGuid().ToString("N"), proposer: "portal")))!["id"]!.GetValue<string>();
        await _wb.PendingReviewAsync(instance);

        var list = await _wb.App.Create<ReviewListFunction>().RunAsync(Request("GET", query: "?status=pending"), default);
        var badStatus = await _wb.App.Create<ReviewListFunction>().RunAsync(Request("GET", query: "?status=maybe"), default);
        var item = Assert.Single(Body(Assert.IsType<OkObjectResult>(list))!.AsArray(), r => r!["instanceId"]!.GetValue<string>() == instance)!;
        var reviewId = item["reviewId"]!.GetValue<string>();
        var decision = new JsonObject { ["verdict"] = "reject", ["version"] = item["version"]!.GetValue<string>(), ["reviewer"] = "reviewer-1" }.ToJsonString();
        var decide = _wb.App.Create<ReviewDecisionFunction>();
        var first = await decide.RunAsync(Request("POST", decision), reviewId, _wb.Client, default);
        var again = await decide.RunAsync(Request("POST", decision), reviewId, _wb.Client, default);
        var unknown = await decide.RunAsync(Request("POST", decision), "wb-none-r1", _wb.Client, default);

        Assert.IsType<BadRequestObjectResult>(badStatus);
        Assert.IsType<OkResult>(first);
        Assert.IsType<ConflictObjectResult>(again);
        Assert.IsType<NotFoundResult>(unknown);
        Assert.Equal("rejected", (await _wb.CompletionAsync(instance)).Outcome);
    }
}
