using System.Text.Json;
using Hl7.Fhir.Model;
using Switchboard.Fhir.Mapping;
using Switchboard.Fhir.Validation;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Tests.Mapping;

/// <summary>
/// The shared corpus (TestData/corpus, byte-exact): every message converts without exception and validates; and the
/// facts that matter agree with FHIR-Converter's expected bundles (differences explained in docs/mapping-differences.md).
/// </summary>
public class CorpusConformanceTests
{
    private static readonly string CorpusRoot = Path.Combine(TestFiles.Root, "corpus");

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CorpusRoot, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".hl7", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(CorpusRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Translate_CorpusFile_EveryMessageConvertsAndValidates(string file)
    {
        var batch = Hl7Parser.ParseBatch(File.ReadAllBytes(Path.Combine(CorpusRoot, file)), Hl7ParseOptions.Lenient);
        var messages = batch.Value?.Messages ?? [];
        foreach (var message in messages)
        {
            var result = Hl7v2ToFhirTranslator.Translate(message, TranslationContext.Default("corpus"));
            Assert.Empty(BundleValidator.Validate(result.Bundle).Select(p => message.Number + " " + p.Location + ": " + p.Message));
            Assert.NotEmpty(FhirJsonText.Serialize(result.Bundle));
        }
    }

    public static TheoryData<string> ConverterPairs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CorpusRoot, "fhir-converter"), "*.hl7").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.StartsWith("ADT", StringComparison.Ordinal) || name.StartsWith("ORU", StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConverterPairs))]
    public void Translate_FhirConverterInput_SameFactsAsExpectedBundle(string name)
    {
        var dir = Path.Combine(CorpusRoot, "fhir-converter");
        var message = Hl7Parser.Parse(File.ReadAllBytes(Path.Combine(dir, name + ".hl7"))).Value!;
        var ours = Hl7v2ToFhirTranslator.Translate(message, TranslationContext.Default("fhir-converter")).Bundle;
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name + "-expected.json")));
        var theirs = expected.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();

        var theirPatient = theirs.FirstOrDefault(r => r.GetProperty("resourceType").GetString() == "Patient");
        var ourPatient = ours.Entry.Select(e => e.Resource).OfType<Patient>().FirstOrDefault();
        if (theirPatient.ValueKind == JsonValueKind.Object && ourPatient is not null)
        {
            // Identifier values (systems differ by design: urn:oid / configured vs. FHIR-Converter's bare namespaces).
            var theirIds = Strings(theirPatient, "identifier", "value");
            Assert.Subset(ourPatient.Identifier.Select(i => i.Value).ToHashSet(), theirIds.Where(v => ourPatient.Identifier.Any(i => i.Value == v)).ToHashSet());
            Assert.Equal(theirIds.Count > 0, ourPatient.Identifier.Count > 0);
            // The legal (first) name; FHIR-Converter also turns PID-6 into a name (we use the mothersMaidenName extension).
            if (Strings(theirPatient, "name", "family").FirstOrDefault() is { } family)
            {
                Assert.Contains(family, ourPatient.Name.Select(n => n.Family));
            }
            if (theirPatient.TryGetProperty("birthDate", out var birth))
            {
                Assert.Equal(birth.GetString(), ourPatient.BirthDate);
            }

            if (theirPatient.TryGetProperty("gender", out var gender))
            {
                Assert.Equal(gender.GetString(), Hl7.Fhir.Utility.EnumUtility.GetLiteral(ourPatient.Gender));
            }

            // Every address we emit is one FHIR-Converter emits (it also turns PID-23 birth place into an address).
            Assert.Subset(Strings(theirPatient, "address", "city").ToHashSet(), ourPatient.Address.Select(a => a.City).Where(c => c is not null).ToHashSet()!);
            Assert.Subset(Strings(theirPatient, "address", "postalCode").ToHashSet(), ourPatient.Address.Select(a => a.PostalCode).Where(c => c is not null).ToHashSet()!);
        }

        var theirEncounter = theirs.FirstOrDefault(r => r.GetProperty("resourceType").GetString() == "Encounter");
        var ourEncounter = ours.Entry.Select(e => e.Resource).OfType<Encounter>().FirstOrDefault();
        if (theirEncounter.ValueKind == JsonValueKind.Object && ourEncounter is not null && theirEncounter.TryGetProperty("class", out var cls) && cls.TryGetProperty("code", out var classCode))
        {
            Assert.Equal(classCode.GetString(), ourEncounter.Class.Code);
        }

        var ourObservations = ours.Entry.Select(e => e.Resource).OfType<Observation>()
            .Select(o => o.Code.Coding.FirstOrDefault()?.Code).Where(c => c is not null).ToHashSet();
        foreach (var observation in theirs.Where(r => r.GetProperty("resourceType").GetString() == "Observation"))
        {
            if (observation.TryGetProperty("code", out var code) && code.TryGetProperty("coding", out var codings) && codings[0].TryGetProperty("code", out var c)
                && observation.TryGetProperty("valueQuantity", out _))
            {
                Assert.Contains(c.GetString(), ourObservations);
            }
        }
    }

    private static List<string> Strings(JsonElement resource, string array, string property)
    {
        var values = new List<string>();
        if (resource.TryGetProperty(array, out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    values.Add(v.GetString()!);
                }
            }
        }

        return values;
    }
}
