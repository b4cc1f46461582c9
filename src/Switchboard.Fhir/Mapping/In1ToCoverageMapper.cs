using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>IN1 → Coverage, IG sheet <c>IN1[Coverage]</c>: payor Organization (IN1-3/4), period, type, subscriber relationship.</summary>
internal static class In1ToCoverageMapper
{
    public static void Map(MappingSession s, Hl7Segment in1)
    {
        s.Touch(in1);
        var coverage = new Coverage { Status = FinancialResourceStatusCodes.Active, Beneficiary = s.PatientReference! };
        var plan = MappingSession.Field(in1, 2);
        var planId = s.CompText(plan, 1);
        s.MarkComponents(plan, 2, 3);
        if (planId.Length > 0)
        {
            coverage.Class.Add(new Coverage.ClassComponent { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/coverage-class", "plan"), Value = planId });
        }

        var payor = new Organization();
        foreach (var rep in MappingSession.Field(in1, 3).Repetitions)
        {
            if (s.Cx(rep) is { } id)
            {
                payor.Identifier.Add(id);
            }
        }

        var payorName = MappingSession.Field(in1, 4);
        if (payorName.HasValue)
        {
            payor.Name = s.CompText(payorName.Repetition(1), 1);
        }

        foreach (var rep in MappingSession.Field(in1, 5).Repetitions)
        {
            if (s.Xad(rep) is { } address)
            {
                payor.Address.Add(address);
            }
        }

        if (payor.Name is not null || payor.Identifier.Count > 0)
        {
            coverage.Payor.Add(s.Add(payor, "payor:" + (payor.Identifier.FirstOrDefault()?.Value ?? payor.Name), payor.Identifier.FirstOrDefault()));
        }
        else
        {
            coverage.Payor.Add(s.PatientReference!);
        }

        var start = s.DateTime(s.Take(in1, 12));
        var end = s.DateTime(s.Take(in1, 13));
        if (start is not null || end is not null)
        {
            coverage.Period = new Period { StartElement = start, EndElement = end };
        }

        var type = MappingSession.Field(in1, 15);
        if (type.HasValue)
        {
            coverage.Type = s.Cwe(type);
        }

        var relationship = MappingSession.Field(in1, 17);
        var rel = s.CompText(relationship, 1);
        s.MarkComponents(relationship, 2, 3);
        if (rel.Length > 0)
        {
            coverage.Relationship = new CodeableConcept("http://terminology.hl7.org/CodeSystem/subscriber-relationship", rel switch
            {
                "SEL" => "self",
                "SPO" => "spouse",
                "CHD" => "child",
                _ => "other",
            });
            if (rel == "SEL")
            {
                coverage.Subscriber = s.PatientReference;
            }
        }

        var policy = s.Text(in1, 36);
        var subscriberId = MappingSession.Field(in1, 49);
        var sid = s.CompText(subscriberId, 1);
        coverage.SubscriberId = sid.Length > 0 ? sid : MappingSession.Null(policy);
        if (policy.Length > 0)
        {
            coverage.Identifier.Add(new Identifier(s.LocalSystem("policy", payor.Name ?? "payor"), policy));
        }

        s.Add(coverage, s.ScopedKey("IN1", planId, policy, s.Text(in1, 1)));
    }
}
