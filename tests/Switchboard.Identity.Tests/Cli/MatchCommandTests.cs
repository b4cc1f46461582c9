using Switchboard.Cli;

namespace Switchboard.Identity.Tests.Cli;

/// <summary>The <c>switchboard match</c> contract (shared/reference/matching-contract.md), driven in process.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sb-match-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string Line1 = """{"record_id":"R1","source_system":"ADT","mrn":"1","given":["William","J"],"family":"O'Brien","suffix":null,"sex":"male","birth_date":"1980-03-04","address_lines":["12 Oak Street"],"city":"Houston","state":"TX","postal_code":"77002","phone":"(713)555-0142","email":"BILL@EXAMPLE.ORG","ssn_last4":"4709"}""";
    private const string Line2 = """{"record_id":"R2","source_system":"LAB","mrn":"77","given":["Bill"],"family":"OBrien","suffix":null,"sex":"male","birth_date":"1980-04-03","address_lines":["12 Oak St"],"city":"HOUSTON","state":"TX","postal_code":"77002-1234","phone":"713.555.0142","email":"bill@example.org","ssn_last4":null}""";
    private const string Line3 = """{"record_id":"R3","source_system":"ADT","mrn":"1","given":["Will"],"family":"O Brien","suffix":null,"sex":null,"birth_date":null,"address_lines":[],"city":null,"state":null,"postal_code":null,"phone":null,"email":null,"ssn_last4":null}""";
    private const string Line4 = """{"record_id":"R4","source_system":"ADT","mrn":"2","given":["Zoe"],"family":"Quinn","suffix":null,"sex":"female","birth_date":"1991-11-12","address_lines":["9 Elm Rd"],"city":"Boston","state":"MA","postal_code":"2134","phone":null,"email":null,"ssn_last4":null}""";

    private (int Exit, string Error, string Pairs, string Clusters) Run(params string[] lines)
    {
        var records = Path.Combine(_dir.FullName, "records.jsonl");
        File.WriteAllLines(records, lines);
        var pairs = new FileInfo(Path.Combine(_dir.FullName, "pairs.csv"));
        var clusters = new FileInfo(Path.Combine(_dir.FullName, "clusters.csv"));
        var error = new StringWriter();
        var exit = MatchCommand.Run(new FileInfo(records), pairs, clusters, TextWriter.Null, error);
        return (exit, error.ToString(), pairs.Exists ? File.ReadAllText(pairs.FullName) : "", clusters.Exists ? File.ReadAllText(clusters.FullName) : "");
    }

    [Fact]
    public void Run_ValidRecords_WritesPairsClustersAndSummary()
    {
        var (exit, error, pairs, clusters) = Run(Line1, Line2, Line3, Line4);

        Assert.Equal(0, exit);
        Assert.Matches(@"^match: records=4 comparisons=\d+ seconds=[\d.]+\s*$", error);
        Assert.StartsWith("record_id_a,record_id_b,decision,score\n", pairs, StringComparison.Ordinal);
        Assert.Contains("R1,R2,match,", pairs, StringComparison.Ordinal);
        Assert.Contains("R1,R3,match,", pairs, StringComparison.Ordinal);
        var rows = clusters.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("record_id,cluster_id", rows[0]);
        var byRecord = rows.Skip(1).Select(r => r.Split(',')).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(byRecord["R1"], byRecord["R2"]);
        Assert.Equal(byRecord["R1"], byRecord["R3"]);
        Assert.NotEqual(byRecord["R1"], byRecord["R4"]);
    }

    [Theory]
    [InlineData("{not json", "ID001: line 2")]
    [InlineData("""{"record_id":null,"given":[]}""", "ID002: line 2")]
    [InlineData(Line1, "ID003: line 2")]
    public void Run_BadLine_ExitsNonZeroNamingLineAndWritesNothing(string badLine, string expected)
    {
        var (exit, error, pairs, clusters) = Run(Line1, badLine, Line4);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", pairs);
        Assert.Equal("", clusters);
        Assert.Empty(_dir.GetFiles("*.tmp-*"));
    }
}
