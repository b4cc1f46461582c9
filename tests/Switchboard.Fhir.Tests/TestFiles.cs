using Switchboard.Fhir.Mapping;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Tests;

/// <summary>Test data under TestData/ (see TestData/README.md) and a translate helper.</summary>
internal static class TestFiles
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData");

    public static Hl7Message Parse(string text) =>
        Hl7Parser.Parse(text).Value ?? throw new InvalidOperationException("Test message does not parse.");

    public static TranslationResult Translate(string text, TranslationContext? context = null) =>
        Hl7v2ToFhirTranslator.Translate(Parse(text), context ?? TranslationContext.Default("golden"));

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));
}
