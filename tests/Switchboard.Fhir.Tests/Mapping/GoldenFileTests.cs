using Switchboard.Fhir.Mapping;
using Switchboard.Fhir.Validation;

namespace Switchboard.Fhir.Tests.Mapping;

/// <summary>Golden files: TestData/&lt;Family&gt;/&lt;case&gt;.hl7 → &lt;case&gt;.expected.json (set SWITCHBOARD_UPDATE_GOLDEN=1 to rewrite).</summary>
public class GoldenFileTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestFiles.Root, "*.hl7", SearchOption.AllDirectories)
                     .Where(f => !f.Contains(Path.DirectorySeparatorChar + "corpus" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestFiles.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translate_GoldenMessage_MatchesExpectedJson(string file)
    {
        var result = TestFiles.Translate(TestFiles.Read(file));
        var json = FhirJsonText.Serialize(result.Bundle);
        var expectedPath = Path.ChangeExtension(Path.Combine(TestFiles.Root, file), ".expected.json");
        if (Environment.GetEnvironmentVariable("SWITCHBOARD_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", Path.ChangeExtension(Path.Combine("TestData", file), ".expected.json"));
            File.WriteAllText(source, Pretty(json) + "\n");
            File.WriteAllText(expectedPath, Pretty(json) + "\n");
        }

        Assert.True(File.Exists(expectedPath), "Missing golden file " + expectedPath);
        Assert.Equal(File.ReadAllText(expectedPath).TrimEnd(), Pretty(json));
        Assert.Empty(BundleValidator.Validate(result.Bundle).Select(p => p.Location + ": " + p.Message));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translate_SameMessageTwice_IdenticalBytes(string file)
    {
        var text = TestFiles.Read(file);
        var first = FhirJsonText.Serialize(TestFiles.Translate(text).Bundle);
        var second = FhirJsonText.Serialize(TestFiles.Translate(text).Bundle);
        Assert.Equal(first, second);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Pretty(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return System.Text.Json.JsonSerializer.Serialize(document.RootElement, Indented);
    }
}
