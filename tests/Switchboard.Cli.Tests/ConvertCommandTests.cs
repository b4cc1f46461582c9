using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Switchboard.Cli.Tests;

public sealed class ConvertCommandTests : IDisposable
{
    private const string Message =
        "MSH|^~\\&|SAPP|SFAC^2.16.840.1.113883.3.9999^ISO|RAPP|RFAC|20240101120000||ADT^A01^ADT_A01|CTRL1|P|2.5.1\r" +
        "EVN|A01|20240101120000\r" +
        "PID|1||MRN1^^^H&2.16.840.1.113883.3.9999.1&ISO^MR||DOE^JANE||19800101|F\r" +
        "PV1|1|I|||||||||||||||||V1^^^H&2.16.840.1.113883.3.9999.3&ISO^VN\r" +
        "ZXX|1|LOCAL\r";

    private readonly string _directory = Directory.CreateTempSubdirectory("sb-cli-convert-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Convert_ValidMessage_WritesTransactionBundleToStdoutAndReportToStderr()
    {
        var file = Write("adt.hl7", Message);

        var (exit, output, error) = Run("convert", file, "--source", "epic-adt");

        Assert.Equal(0, exit);
        using var bundle = JsonDocument.Parse(output);
        Assert.Equal("Bundle", bundle.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal("transaction", bundle.RootElement.GetProperty("type").GetString());
        var first = bundle.RootElement.GetProperty("entry")[0];
        Assert.Equal("Patient", first.GetProperty("resource").GetProperty("resourceType").GetString());
        Assert.StartsWith("Patient?identifier=", first.GetProperty("request").GetProperty("url").GetString(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(error);
        Assert.Equal("epic-adt", report.RootElement.GetProperty("source").GetString());
        Assert.Contains("ZXX", report.RootElement.GetProperty("unmappedSegments").EnumerateArray().Select(e => e.GetString()));
        Assert.False(report.RootElement.GetProperty("failed").GetBoolean());
    }

    [Fact]
    public void Convert_ReportOption_WritesReportFileAndLeavesStderrEmpty()
    {
        var file = Write("adt.hl7", Message);
        var reportFile = Path.Combine(_directory, "report.json");

        var (exit, output, error) = Run("convert", file, "--report", reportFile);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.NotEmpty(output);
        using var report = JsonDocument.Parse(File.ReadAllText(reportFile));
        Assert.Equal("CTRL1", report.RootElement.GetProperty("messageControlId").GetString());
    }

    [Fact]
    public void Convert_SameFileTwice_IdenticalStdout()
    {
        var file = Write("adt.hl7", Message);

        var first = Run("convert", file).Output;
        var second = Run("convert", file).Output;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Convert_PolicyFailConfig_ExitsThreeWithNothingOnStdout()
    {
        var file = Write("adt.hl7", Message);
        var config = Directory.CreateDirectory(Path.Combine(_directory, "config")).FullName;
        File.WriteAllText(Path.Combine(config, "strict.json"), "{ \"unmapped\": \"Fail\" }");

        var (exit, output, error) = Run("convert", file, "--source", "strict", "--config", config);

        Assert.Equal(ConvertCommand.PolicyFailed, exit);
        Assert.Empty(output);
        Assert.Contains("MAP050", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_NotHl7_ExitsOne()
    {
        var file = Write("text.txt", "this is not hl7");

        var (exit, output, error) = Run("convert", file);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith("error ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MissingFile_ExitsTwo()
    {
        var (exit, output, error) = Run("convert", Path.Combine(_directory, "absent.hl7"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_BadTimeZoneConfig_ExitsTwo()
    {
        var file = Write("adt.hl7", Message);
        var config = Directory.CreateDirectory(Path.Combine(_directory, "config")).FullName;
        File.WriteAllText(Path.Combine(config, "bad.json"), "{ \"timeZone\": \"Nowhere/Atlantis\" }");

        var (exit, output, error) = Run("convert", file, "--source", "bad", "--config", config);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("invalid", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_SourceTimeZone_AppliedToTimesWithoutOffset()
    {
        var file = Write("adt.hl7", Message);
        var config = Directory.CreateDirectory(Path.Combine(_directory, "config")).FullName;
        File.WriteAllText(Path.Combine(config, "chicago.json"), "{ \"timeZone\": \"America/Chicago\" }");

        var (exit, output, _) = Run("convert", file, "--source", "chicago", "--config", config);

        Assert.Equal(0, exit);
        using var bundle = JsonDocument.Parse(output);
        Assert.Equal("2024-01-01T12:00:00-06:00", bundle.RootElement.GetProperty("timestamp").GetString());
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SwitchboardCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
