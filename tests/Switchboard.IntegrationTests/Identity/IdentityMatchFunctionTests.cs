using System.Text;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Fhir;
using Switchboard.Functions.Identity;
using Switchboard.Identity.Matching;
using Switchboard.Testing.Servers;
using Task = System.Threading.Tasks.Task;

namespace Switchboard.IntegrationTests.Identity;

/// <summary><c>POST /api/identity/match</c> and the identity service behind the pipeline's identity stage.</summary>
[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class IdentityMatchFunctionTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private SwitchboardHost _host = null!;

    public async Task InitializeAsync() => _host = await SwitchboardHost.StartAsync(azurite, fhir);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ResolveAsync_SecondChartOfTheSamePerson_LinksAutomaticallyToTheFirstIdentity()
    {
        var service = _host.Get<PatientIdentityService>();
        var source = "ADT-" + Guid.NewGuid().ToString("N");

        var first = await service.ResolveAsync(Patient(source, "M1", "William"), default);
        var second = await service.ResolveAsync(Patient("LAB-" + source, "L9", "Bill"), default);
        var again = await service.ResolveAsync(Patient(source, "M1", "William"), default);
        var stranger = await service.ResolveAsync(Patient(source, "M2", "Zebulon", family: "Quartermaine", birthDate: "1990-01-01"), default);

        Assert.Equal(LinkOutcomeKind.New, first.Outcome);
        Assert.Equal(LinkOutcomeKind.Auto, second.Outcome);
        Assert.Equal(first.EnterpriseId, second.EnterpriseId);
        Assert.Equal(LinkRules.SameSourceRecord, again.Rule);
        Assert.Equal(first.EnterpriseId, again.EnterpriseId);
        Assert.Equal(LinkOutcomeKind.New, stranger.Outcome);
        Assert.NotEqual(first.EnterpriseId, stranger.EnterpriseId);
    }

    [Fact]
    public async Task RunAsync_KnownPatient_ReturnsSearchsetWithCertainGrade()
    {
        var source = "ADT-" + Guid.NewGuid().ToString("N");
        var resolved = await _host.Get<PatientIdentityService>().ResolveAsync(Patient(source, "M1", "Margaret", family: "Oyelaran-" + source[4..10]), default);
        var function = _host.Create<IdentityMatchFunction>();

        var result = Assert.IsType<ContentResult>(await function.RunAsync(Request(FhirJsonText.Serialize(Patient("OTHER", "X1", "Peggy", family: "Oyelaran-" + source[4..10]))), default));

        Assert.Equal(200, result.StatusCode);
        var bundle = FhirJsonText.Parse<Bundle>(result.Content!);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        var entry = bundle.Entry[0];
        Assert.Equal(resolved.EnterpriseId, entry.Resource?.Id);
        Assert.Equal("certain", entry.Search?.GetExtensionValue<Code>(MatchBundle.MatchGradeExtension)?.Value);
        Assert.InRange(entry.Search!.Score!.Value, 0.95m, 1m);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}")]
    [InlineData("")]
    public async Task RunAsync_BadInput_Returns400WithOperationOutcome(string body)
    {
        var function = _host.Create<IdentityMatchFunction>();

        var result = Assert.IsType<ContentResult>(await function.RunAsync(Request(body), default));

        Assert.Equal(400, result.StatusCode);
        var outcome = FhirJsonText.Parse<OperationOutcome>(result.Content!);
        Assert.Equal(MatchRequest.IssueCode, outcome.Issue[0].Details?.Coding[0].Code);
    }

    private static HttpRequest Request(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private static Patient Patient(string source, string mrn, string given, string family = "Haverford", string birthDate = "1961-04-23") => new()
    {
        Identifier = [new Identifier(source, mrn) { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR") }],
        Name = [new HumanName { Family = family, Given = [given, "Anne"], Use = HumanName.NameUse.Official }],
        Gender = AdministrativeGender.Female,
        BirthDate = birthDate,
        Address = [new Address { Line = ["12 Elm St"], City = "Houston", State = "TX", PostalCode = "77002" }],
        Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, "713-555-0142")],
    };
}
