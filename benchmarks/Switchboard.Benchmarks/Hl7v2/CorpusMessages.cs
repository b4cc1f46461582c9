using System.Text;
using Switchboard.Hl7v2;

namespace Switchboard.Benchmarks.Hl7v2;

/// <summary>The well-formed corpus messages (no errors), concatenated per size class, as text and UTF-8 bytes.</summary>
internal static class CorpusMessages
{
    public static string[] Load()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "corpus");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Hl7Parser.ParseBatch(File.ReadAllBytes(f)).Value?.Messages ?? [])
            .Where(m => m.Issues.All(i => i.Severity != Hl7Severity.Error))
            .Select(m => m.ToString())
            .ToArray();
    }

    public static long Utf8Bytes(IEnumerable<string> messages) => messages.Sum(m => (long)Encoding.UTF8.GetByteCount(m));
}
