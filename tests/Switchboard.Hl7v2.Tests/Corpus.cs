namespace Switchboard.Hl7v2.Tests;

/// <summary>The corpus copied under TestData/corpus and its expected message counts and MSH-9 values.</summary>
internal static class Corpus
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "corpus");

    public static IReadOnlyList<(string File, int Count, string[] Msh9)> Expected { get; } = File
        .ReadAllLines(Path.Combine(Root, "expected.tsv"))
        .Where(line => !line.StartsWith('#') && line.Length > 0)
        .Select(line => line.Split('\t'))
        .Select(parts => (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2..]))
        .ToList();

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Root, file));

    public static string Text(string file) => System.Text.Encoding.UTF8.GetString(Bytes(file));

    /// <summary>Every message of the corpus no longer than <paramref name="maxLength"/> characters, as text.</summary>
    public static IReadOnlyList<string> Messages(int maxLength) => Expected
        .SelectMany(e => Hl7Parser.ParseBatch(Bytes(e.File)).Value?.Messages ?? [])
        .Select(m => m.ToString())
        .Where(m => m.Length <= maxLength)
        .ToList();
}
