using Hl7.Fhir.Model;
using Switchboard.Fhir.Routing;

namespace Switchboard.Fhir.Tests.Routing;

public sealed class RoutingRulesTests
{
    [Fact]
    public void Evaluate_NoDestinationsConfigured_RoutesHl7v2ToFhirOnly()
    {
        var rules = RoutingRules.Compile(new RoutingOptions());

        var hl7 = Assert.Single(rules.Evaluate(new RouteInput("adt", "Hl7v2", "ADT^A01", null)));
        var evt = Assert.Single(rules.Evaluate(new RouteInput("events", "Event", "x", null)));

        Assert.Equal(new RouteDecision("fhir", "fhir", true, RoutingRules.DefaultRuleId, RouteReasons.Matched), hl7);
        Assert.Equal(RouteReasons.KindNotListed, evt.Reason);
        Assert.False(evt.Selected);
    }

    [Theory]
    [InlineData("ehr", "SIU^S12", "booked", true, RouteReasons.Matched)]
    [InlineData("lab", "SIU^S12", "booked", false, RouteReasons.SourceNotListed)]
    [InlineData("ehr", "ADT^A08", "booked", false, RouteReasons.MessageTypeNotListed)]
    [InlineData("ehr", "SIU^S14", "cancelled", false, RouteReasons.ConditionFalse)]
    public void Evaluate_ReminderRule_DecidesAndSaysWhy(string source, string messageType, string status, bool selected, string reason)
    {
        var rules = RoutingRules.Compile(Reminders());

        var decision = Assert.Single(rules.Evaluate(new RouteInput(source, "FhirResource", messageType, AppointmentBundle(status))));

        Assert.Equal(selected, decision.Selected);
        Assert.Equal(reason, decision.Reason);
        Assert.Equal("reminders-v1", decision.RuleId);
    }

    [Fact]
    public void Evaluate_ConditionOnNonFhirPayload_RejectsAsNotFhir()
    {
        var rules = RoutingRules.Compile(Reminders());

        var decision = Assert.Single(rules.Evaluate(new RouteInput("ehr", "Event", "SIU^S12", null)));

        Assert.Equal(RouteReasons.NotFhir, decision.Reason);
    }

    [Fact]
    public void Evaluate_DisabledDestination_IsRejectedAsDisabled()
    {
        var options = Reminders();
        options.Destinations["reminders"].Enabled = false;

        var decision = Assert.Single(RoutingRules.Compile(options).Evaluate(new RouteInput("ehr", "FhirResource", "SIU^S12", AppointmentBundle("booked"))));

        Assert.Equal(RouteReasons.Disabled, decision.Reason);
    }

    [Theory]
    [InlineData("carrier-pigeon", null, "unknown type")]
    [InlineData("webhook", "entry.resource.where(", "not valid FHIRPath")]
    public void Validate_BadRule_NamesTheProblem(string type, string? condition, string expected)
    {
        var options = Reminders();
        options.Destinations["reminders"].Type = type;
        options.Destinations["reminders"].Condition = condition;

        var errors = RoutingRules.Validate(options);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => RoutingRules.Compile(options));
    }

    [Fact]
    public void Validate_WebhookWithoutSecret_IsRejected()
    {
        var options = Reminders();
        options.Destinations["reminders"].Secret = null;

        Assert.Contains(RoutingRules.Validate(options), e => e.Contains("Secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_AllowlistedElements_KeepsOnlyThoseAndIds()
    {
        var bundle = AppointmentBundle("booked");
        bundle.Entry.Add(new Bundle.EntryComponent { Resource = new Patient { Id = "p1", BirthDate = "1970-01-01" } });

        var kept = FieldAllowlist.Apply(bundle, ["Appointment.start", "Appointment.status"]);

        var appointment = Assert.Single(kept);
        Assert.Equal(["id", "meta", "resourceType", "start", "status"], appointment.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(appointment.ContainsKey("description"));
    }

    private static RoutingOptions Reminders()
    {
        var reminders = new DestinationOptions
        {
            Type = DestinationTypes.Webhook,
            RuleId = "reminders-v1",
            Url = new Uri("http://127.0.0.1:1/hook"),
            Secret = "reminders-secret-0123456789-0123456789",
            Condition = "entry.resource.ofType(Appointment).where(status = 'booked').exists()",
        };
        reminders.Sources.Add("ehr");
        reminders.MessageTypes.Add("SIU^*");
        reminders.Allow.Add("Appointment.start");
        var options = new RoutingOptions();
        options.Destinations["reminders"] = reminders;
        return options;
    }

    private static Bundle AppointmentBundle(string status) => new()
    {
        Type = Bundle.BundleType.Collection,
        Entry =
        [
            new Bundle.EntryComponent
            {
                Resource = new Appointment
                {
                    Id = "a1",
                    Meta = new Meta { VersionId = "3" },
                    Status = Enum.Parse<Appointment.AppointmentStatus>(status, ignoreCase: true),
                    Start = new DateTimeOffset(2030, 1, 2, 9, 0, 0, TimeSpan.Zero),
                    Description = "synthetic description",
                },
            },
        ],
    };
}
