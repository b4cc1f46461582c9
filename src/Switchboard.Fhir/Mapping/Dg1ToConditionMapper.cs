using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// DG1 → Condition (+ Encounter.diagnosis), IG sheets <c>DG1[Condition]</c> and <c>DG1[Encounter]</c>. Keyed by DG1-20
/// when valued, else by patient + code.
/// </summary>
internal static class Dg1ToConditionMapper
{
    public static ResourceReference Map(MappingSession s, Hl7Segment dg1, Encounter? encounter)
    {
        s.Touch(dg1);
        var condition = new Condition
        {
            Subject = s.PatientReference!,
            Encounter = s.EncounterReference,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis")],
        };
        var code = MappingSession.Field(dg1, 3);
        condition.Code = s.Cwe(code);
        var description = s.Text(dg1, 4);
        if (description.Length > 0)
        {
            condition.Code ??= new CodeableConcept();
            condition.Code.Text ??= description;
        }

        var codingMethod = s.Text(dg1, 2);
        if (codingMethod.Length > 0 && condition.Code?.Coding.FirstOrDefault() is { System: null } first)
        {
            first.System = s.CodingSystem(codingMethod, "DG1-2");
        }

        condition.Onset = s.DateTime(s.Take(dg1, 5));
        var recorded = s.DateTime(s.Take(dg1, 19));
        if (recorded is not null)
        {
            condition.RecordedDateElement = recorded;
        }

        foreach (var rep in MappingSession.Field(dg1, 16).Repetitions)
        {
            condition.Asserter ??= s.Xcn(rep);
        }

        if (s.Text(dg1, 21) == "D")
        {
            condition.VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "entered-in-error");
        }

        Identifier? identifier = null;
        var id = MappingSession.Field(dg1, 20);
        if (id.HasValue && s.Ei(id.Repetition(1)) is { } ei)
        {
            condition.Identifier.Add(ei);
            identifier = ei;
        }

        s.Text(dg1, 1);
        var key = condition.Code?.Coding.FirstOrDefault() is { } c ? c.System + "|" + c.Code : condition.Code?.Text ?? dg1.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reference = s.Add(condition, s.ScopedKey("DG1", key), identifier);
        if (encounter is not null)
        {
            var diagnosis = new Encounter.DiagnosisComponent { Condition = reference };
            var type = MappingSession.Field(dg1, 6);
            var typeCode = s.CompText(type, 1);
            s.MarkComponents(type, 2, 3);
            if (typeCode.Length > 0 && s.MapCoding("DiagnosisType", "0052", typeCode, "DG1-6") is { } use)
            {
                diagnosis.Use = new CodeableConcept { Coding = [use] };
            }

            if (s.Take(dg1, 15).TryGetInt32(out var rank) && rank > 0)
            {
                diagnosis.Rank = rank;
            }

            encounter.Diagnosis.Add(diagnosis);
        }

        return reference;
    }
}
