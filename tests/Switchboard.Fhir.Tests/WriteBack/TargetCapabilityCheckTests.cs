using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Fhir.Tests.WriteBack;

public sealed class TargetCapabilityCheckTests
{
    private const string Full = "read,vread,update,patch,create";

    /// <summary>A CapabilityStatement declaring Patient (and Provenance) the way the given arguments say.</summary>
    internal static JsonObject Statement(string interactions = Full, string versioning = "versioned-update", bool conditionalCreate = true, string? patchFormat = "application/json-patch+json", bool provenance = true)
    {
        JsonObject Resource(string type, string codes) => new()
        {
            ["type"] = type,
            ["interaction"] = new JsonArray([.. codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => (JsonNode)new JsonObject { ["code"] = c })]),
            ["versioning"] = versioning,
            ["conditionalCreate"] = conditionalCreate,
            ["updateCreate"] = true,
        };

        var resources = new JsonArray { Resource("Patient", interactions) };
        if (provenance)
        {
            resources.Add(Resource("Provenance", "read,update"));
        }

        var statement = new JsonObject
        {
            ["resourceType"] = "CapabilityStatement",
            ["fhirVersion"] = "4.0.1",
            ["rest"] = new JsonArray { new JsonObject { ["mode"] = "server", ["resource"] = resources } },
        };
        if (patchFormat is not null)
        {
            statement["patchFormat"] = new JsonArray { patchFormat };
        }

        return statement;
    }

    private static WriteBackTargetOptions Profile(bool createOnly = false, bool ifMatch = true, bool requiresIfMatch = false, bool patch = false, bool conditionalCreate = false, bool provenance = true) => new()
    {
        BaseUrl = new Uri("http://target.test/fhir/"),
        CreateOnly = createOnly,
        SupportsIfMatch = ifMatch,
        RequiresIfMatch = requiresIfMatch,
        SupportsPatch = patch,
        SupportsConditionalCreate = conditionalCreate,
        WriteProvenance = provenance,
    };

    [Fact]
    public void Check_ProfileBackedByStatement_NoIssues() =>
        Assert.Empty(TargetCapabilityCheck.Check(Profile(requiresIfMatch: true, patch: true, conditionalCreate: true), Statement(), "Patient"));

    [Fact]
    public void Check_ConservativeProfile_NoIssues() =>
        Assert.Empty(TargetCapabilityCheck.Check(Profile(createOnly: true, ifMatch: false, provenance: false), Statement(), "Patient"));

    [Theory]
    [InlineData("ifMatch", "read,vread,update", "versioned", true, "application/json-patch+json", true, "versioned-update")]
    [InlineData("ifMatch", "read,vread,update", "no-version", true, "application/json-patch+json", true, "versioned-update")]
    [InlineData("patch", "read,vread,update", "versioned-update", true, "application/json-patch+json", true, "patch interaction")]
    [InlineData("patch", Full, "versioned-update", true, "application/fhir+json", true, "patchFormat")]
    [InlineData("conditionalCreate", Full, "versioned-update", false, null, true, "conditionalCreate")]
    [InlineData("update", "read,vread,create", "versioned-update", true, null, true, "update interaction")]
    [InlineData("vread", "read,update,create", "versioned-update", true, null, true, "vread interaction")]
    [InlineData("createOnly", "read,vread,update", "versioned-update", true, null, true, "create interaction")]
    [InlineData("provenance", Full, "versioned-update", true, null, false, "WriteProvenance")]
    public void Check_ProfileClaimsMoreThanDeclared_ReportsMismatch(string claim, string interactions, string versioning, bool conditionalCreate, string? patchFormat, bool provenance, string expected)
    {
        var profile = claim switch
        {
            "patch" => Profile(patch: true),
            "conditionalCreate" => Profile(conditionalCreate: true),
            "createOnly" => Profile(createOnly: true, ifMatch: false),
            _ => Profile(),
        };

        var issues = TargetCapabilityCheck.Check(profile, Statement(interactions, versioning, conditionalCreate, patchFormat, provenance), "Patient");

        Assert.Contains(issues, i => i.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ResourceTypeNotDeclared_ReportsMismatch() =>
        Assert.Equal(["rest.resource does not declare Observation."], TargetCapabilityCheck.Check(Profile(), Statement(), "Observation"));

    [Fact]
    public void Check_NotACapabilityStatement_ReportsMismatch() =>
        Assert.Single(TargetCapabilityCheck.Check(Profile(), new JsonObject { ["resourceType"] = "OperationOutcome" }, "Patient"));

    [Fact]
    public void Check_Stu3Server_ReportsVersion()
    {
        var statement = Statement();
        statement["fhirVersion"] = "3.0.2";

        Assert.Contains(TargetCapabilityCheck.Check(Profile(), statement, "Patient"), i => i.StartsWith("fhirVersion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_TwoCalls_ReadsMetadataOnceAndFailureIsNotCached()
    {
        using var handler = new StubHandler(Statement(versioning: "versioned"));
        using var http = new HttpClient(handler);
        var client = new TargetFhirClient(http, "ehr", Profile(patch: true));
        var capabilities = new TargetCapabilities();

        await Assert.ThrowsAsync<Rest.FhirServerException>(() => capabilities.VerifyAsync(client, "Patient", default));
        var first = await capabilities.VerifyAsync(client, "Patient", default);
        var second = await capabilities.VerifyAsync(client, "Patient", default);

        Assert.Equal(2, handler.Calls);
        Assert.Equal(first, second);
        Assert.Single(first, i => i.Contains("versioned-update", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_VerificationOff_TrustsProfileWithoutReading()
    {
        using var handler = new StubHandler(Statement(interactions: "read"));
        using var http = new HttpClient(handler);
        var profile = Profile(patch: true);
        profile.VerifyCapabilities = false;

        Assert.Empty(await new TargetCapabilities().VerifyAsync(new TargetFhirClient(http, "ehr", profile), "Patient", default));
        Assert.Equal(0, handler.Calls);
    }

    /// <summary>Answers the first GET metadata with 503, then with the statement.</summary>
    private sealed class StubHandler(JsonObject statement) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.EndsWith("/metadata", request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            Calls++;
            return Task.FromResult(Calls == 1
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient"}]}""", Encoding.UTF8, "application/fhir+json"), RequestMessage = request }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(statement.ToJsonString(), Encoding.UTF8, "application/fhir+json"), RequestMessage = request });
        }
    }
}
