using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Switchboard.Hl7v2.Framing;

namespace Switchboard.Cli.Tests;

public sealed class Hl7CommandsTests : IDisposable
{
    private const string Message =
        "MSH|^~\\&|SAPP|SFAC|RAPP|RFAC|20240101120000||ADT^A01^ADT_A01|CTRL1|P|2.5.1\r" +
        "EVN|A01|20240101\r" +
        "PID|1||MRN1^^^H~MRN2^^^H2||DOE^JANE\\S\\X||19800101|F|||||\"\"\r" +
        "PV1|1|I\r";

    private readonly string _directory = Directory.CreateTempSubdirectory("sb-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Get_Paths_PrintsOneLinePerPathInOrder()
    {
        var file = Write("adt.hl7", Message);

        var (exit, output, error) = Run("hl7", "get", file, "PID-5.1", "PID-99", "PID-13", "PID-3[2].1", "MSH-9.2", "PID-5.2");

        Assert.Equal(0, exit);
        Assert.Equal(["DOE", string.Empty, "\"\"", "MRN2", "A01", "JANE^X"], Lines(output));
        Assert.Empty(error);
    }

    [Fact]
    public void Get_BatchWithMessageOption_ReadsNthMessage()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "TestData", "batch.hl7");

        var (exit, output, _) = Run("hl7", "get", file, "MSH-9", "--message", "2");

        Assert.Equal(0, exit);
        Assert.Equal(["RSP^K11^RSP_K11"], Lines(output));
    }

    [Fact]
    public void Get_MllpStream_ReadsFrames()
    {
        var file = Path.Combine(_directory, "stream.bin");
        File.WriteAllBytes(file, [.. Mllp.Encode(Message), .. Mllp.Encode(Message.Replace("CTRL1", "CTRL2", StringComparison.Ordinal))]);

        var (exit, output, _) = Run("hl7", "get", file, "MSH-10", "--message", "2");

        Assert.Equal(0, exit);
        Assert.Equal(["CTRL2"], Lines(output));
    }

    [Fact]
    public void Get_MissingMessage_ExitsNonZeroWithCode()
    {
        var file = Write("adt.hl7", Message);

        var (exit, output, error) = Run("hl7", "get", file, "PID-5", "--message", "3");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("V2504", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_BadPath_ExitsTwo()
    {
        var file = Write("adt.hl7", Message);

        var (exit, _, error) = Run("hl7", "get", file, "PID-x");

        Assert.Equal(2, exit);
        Assert.Contains("V2601", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("this is not hl7")]
    public void Get_UnreadableInput_ClearMessageNoStackTrace(string content)
    {
        var file = Write("bad.hl7", content);

        var (exit, _, error) = Run("hl7", "get", file, "PID-5");

        Assert.Equal(1, exit);
        Assert.Contains("V2001", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_MissingFile_ExitsTwo()
    {
        var (exit, _, error) = Run("hl7", "get", Path.Combine(_directory, "nope.hl7"), "PID-5");

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidMessage_ExitsZero()
    {
        var (exit, output, _) = Run("hl7", "validate", Write("adt.hl7", Message), "--strict");

        Assert.Equal(0, exit);
        Assert.Contains("0 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Errors_PrintsPositionsAndExitsOne()
    {
        var file = Write("bad.hl7", Message.Replace("|19800101|", "|1980-01-01|", StringComparison.Ordinal));

        var lenient = Run("hl7", "validate", file);
        var strict = Run("hl7", "validate", file, "--strict");

        Assert.Equal(0, lenient.Exit);
        Assert.Equal(1, strict.Exit);
        Assert.Contains("ERROR V2401 at message 1, segment 3 PID-7[1]", strict.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1980-01-01", strict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ack_DefaultCode_PrintsAaWithSwappedHeader()
    {
        var (exit, output, _) = Run("hl7", "ack", Write("adt.hl7", Message));

        var lines = Lines(output);
        Assert.Equal(0, exit);
        Assert.StartsWith("MSH|^~\\&|RAPP|RFAC|SAPP|SFAC|", lines[0], StringComparison.Ordinal);
        Assert.Equal("MSA|AA|CTRL1", lines[1]);
    }

    [Fact]
    public void Ack_CodeAr_PrintsAr()
    {
        var (exit, output, _) = Run("hl7", "ack", Write("adt.hl7", Message), "--code", "AR");

        Assert.Equal(0, exit);
        Assert.Equal("MSA|AR|CTRL1", Lines(output)[1]);
    }

    [Fact]
    public void Ack_InvalidCode_IsUsageError()
    {
        var (exit, _, _) = Run("hl7", "ack", Write("adt.hl7", Message), "--code", "ZZ");

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void Executable_Get_PrintsValue()
    {
        var file = Write("adt.hl7", Message);
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "switchboard.exe" : "switchboard");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "hl7", "get", file, "PID-5.1", "PID-13" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(["DOE", "\"\""], Lines(output));
        Assert.Empty(error);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SwitchboardCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Lines(string output) => output.TrimEnd('\n', '\r').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
