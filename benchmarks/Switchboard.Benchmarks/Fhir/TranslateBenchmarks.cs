using BenchmarkDotNet.Attributes;
using Switchboard.Fhir;
using Switchboard.Fhir.Mapping;
using Switchboard.Hl7v2;

namespace Switchboard.Benchmarks.Fhir;

/// <summary>
/// Convert + serialize one message, single thread: parse, translate to the transaction Bundle, write JSON. The
/// FHIR-Converter anchor is ~125 ms for fhir-converter/ADT-A01-02.hl7 (2.5 KB); the goal is a median ≤ 100 µs.
/// </summary>
[MemoryDiagnoser]
public class TranslateBenchmarks
{
    private readonly TranslationContext _context = TranslationContext.Default("bench");
    private byte[] _bytes = [];

    [Params("fhir-converter/ADT-A01-02.hl7", "fhir-converter/ORU-R01-01.hl7")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = Environment.GetEnvironmentVariable("SWITCHBOARD_CORPUS") ?? Path.Combine(FindRoot(), "tests", "Switchboard.Fhir.Tests", "TestData", "corpus");
        _bytes = System.IO.File.ReadAllBytes(Path.Combine(root, File));
    }

    [Benchmark]
    public int ConvertAndSerialize()
    {
        var message = Hl7Parser.Parse(_bytes).Value!;
        var result = Hl7v2ToFhirTranslator.Translate(message, _context, _bytes);
        return FhirJsonText.Serialize(result.Bundle).Length;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository or set SWITCHBOARD_CORPUS.");
    }
}
