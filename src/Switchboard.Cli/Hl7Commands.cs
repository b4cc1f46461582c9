using System.CommandLine;
using Switchboard.Hl7v2;
using Switchboard.Hl7v2.Acks;
using Switchboard.Hl7v2.Validation;

namespace Switchboard.Cli;

/// <summary>
/// <c>switchboard hl7 get|validate|ack</c>. FILE may hold one message, a batch file, bare concatenated messages or
/// an MLLP-framed stream. Exit codes: 0 success, 1 invalid or unusable input, 2 usage or file errors.
/// </summary>
public static class Hl7Commands
{
    /// <summary>Exit code for input that is not valid HL7 (or a message/path that does not exist).</summary>
    public const int InvalidInput = 1;

    /// <summary>Exit code for a file that cannot be read or a malformed path.</summary>
    public const int UsageError = 2;

    public static Command Create()
    {
        var hl7 = new Command("hl7", "Read, validate and acknowledge HL7 v2 messages.");
        hl7.Subcommands.Add(CreateGet());
        hl7.Subcommands.Add(CreateValidate());
        hl7.Subcommands.Add(CreateAck());
        return hl7;
    }

    private static Argument<FileInfo> FileArgument() => new("FILE") { Description = "A message, batch file or MLLP stream." };

    private static Option<int> MessageOption() => new("--message") { Description = "Which message of the file (1-based).", DefaultValueFactory = _ => 1 };

    private static Command CreateGet()
    {
        var file = FileArgument();
        var paths = new Argument<string[]>("PATH") { Description = "Paths such as PID-5.1, PID-3[2].4.2, OBX[3]-5.", Arity = ArgumentArity.OneOrMore };
        var message = MessageOption();
        var command = new Command("get", "Print the unescaped value of each path on its own line (empty when absent, \"\" for an explicit null).")
        {
            file, paths, message,
        };
        command.SetAction(result => Run(result, () =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var parsed = new List<Hl7Path>();
            foreach (var text in result.GetValue(paths) ?? [])
            {
                if (!Hl7Path.TryParse(text, out var path))
                {
                    error.WriteLine($"error {Hl7IssueCodes.InvalidPath}: '{text}' is not a path such as PID-3[2].4.2 or OBX[3]-5.");
                    return UsageError;
                }

                parsed.Add(path);
            }

            if (!TryLoad(result, result.GetValue(file)!, result.GetValue(message), Hl7ParseOptions.Lenient, out var loaded, out var exit))
            {
                return exit;
            }

            foreach (var path in parsed)
            {
                var value = loaded.Get(path);
                output.WriteLine(value.IsNull ? "\"\"" : value.Value);
            }

            return 0;
        }));
        return command;
    }

    private static Command CreateValidate()
    {
        var file = FileArgument();
        var strict = new Option<bool>("--strict") { Description = "Report every deviation from the standard as an error." };
        var command = new Command("validate", "Print issues with their positions; exit 1 when there are errors.") { file, strict };
        command.SetAction(result => Run(result, () =>
        {
            var output = result.InvocationConfiguration.Output;
            var options = result.GetValue(strict) ? Hl7ParseOptions.Strict : Hl7ParseOptions.Lenient;
            if (!TryRead(result, result.GetValue(file)!, out var bytes, out var exit))
            {
                return exit;
            }

            var batch = Hl7Parser.ParseBatch(bytes, options);
            var issues = new List<Hl7Issue>(batch.Issues);
            foreach (var message in batch.Value?.Messages ?? [])
            {
                issues.AddRange(Hl7Validator.Validate(message, options));
            }

            foreach (var issue in issues)
            {
                output.WriteLine(issue.ToString());
            }

            var errors = issues.Count(i => i.Severity == Hl7Severity.Error);
            var warnings = issues.Count(i => i.Severity == Hl7Severity.Warning);
            output.WriteLine($"{batch.Value?.Messages.Count ?? 0} message(s), {errors} error(s), {warnings} warning(s).");
            return errors > 0 ? InvalidInput : 0;
        }));
        return command;
    }

    private static Command CreateAck()
    {
        var file = FileArgument();
        var code = new Option<string>("--code") { Description = "AA, AE or AR. Default: AA, or AE when validation finds errors." };
        code.AcceptOnlyFromAmong("AA", "AE", "AR");
        var message = MessageOption();
        var command = new Command("ack", "Print the acknowledgement for the message (one segment per line).") { file, code, message };
        command.SetAction(result => Run(result, () =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (!TryRead(result, result.GetValue(file)!, out var bytes, out var exit))
            {
                return exit;
            }

            var batch = Hl7Parser.ParseBatch(bytes);
            var number = result.GetValue(message);
            var messages = batch.Value?.Messages ?? [];
            if (messages.Count == 0)
            {
                var reason = batch.FirstError?.Code ?? Hl7IssueCodes.MissingMsh;
                error.WriteLine($"error {reason}: the input holds no readable HL7 v2 message; printing a reject.");
                WriteSegments(output, AckBuilder.Reject(reason, DateTimeOffset.Now));
                return InvalidInput;
            }

            if (number < 1 || number > messages.Count)
            {
                error.WriteLine($"error {Hl7IssueCodes.MessageNotFound}: message {number} does not exist; the input holds {messages.Count}.");
                return InvalidInput;
            }

            var target = messages[number - 1];
            var errors = Hl7Validator.Validate(target).Concat(target.Issues).Where(i => i.Severity == Hl7Severity.Error).ToList();
            var ackCode = result.GetValue(code) switch
            {
                "AA" => AckCode.AA,
                "AE" => AckCode.AE,
                "AR" => AckCode.AR,
                _ => errors.Count > 0 ? AckCode.AE : AckCode.AA,
            };
            var options = new AckOptions { Errors = ackCode == AckCode.AA ? [] : errors };
            WriteSegments(output, AckBuilder.Build(target, ackCode, DateTimeOffset.Now, options));
            return 0;
        }));
        return command;
    }

    private static void WriteSegments(TextWriter output, string message)
    {
        foreach (var segment in message.Split('\r', StringSplitOptions.RemoveEmptyEntries))
        {
            output.WriteLine(segment);
        }
    }

    private static bool TryLoad(ParseResult result, FileInfo file, int number, Hl7ParseOptions options, out Hl7Message message, out int exit)
    {
        message = null!;
        if (!TryRead(result, file, out var bytes, out exit))
        {
            return false;
        }

        var error = result.InvocationConfiguration.Error;
        var batch = Hl7Parser.ParseBatch(bytes, options);
        var messages = batch.Value?.Messages ?? [];
        if (messages.Count == 0)
        {
            var first = batch.FirstError;
            error.WriteLine($"error {first?.Code ?? Hl7IssueCodes.MissingMsh}: {file.Name} holds no readable HL7 v2 message{(first is null ? "." : ": " + first.Message)}");
            exit = InvalidInput;
            return false;
        }

        if (number < 1 || number > messages.Count)
        {
            error.WriteLine($"error {Hl7IssueCodes.MessageNotFound}: message {number} does not exist; {file.Name} holds {messages.Count}.");
            exit = InvalidInput;
            return false;
        }

        message = messages[number - 1];
        return true;
    }

    private static bool TryRead(ParseResult result, FileInfo file, out byte[] bytes, out int exit)
    {
        bytes = [];
        exit = 0;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : "the file cannot be read";
            result.InvocationConfiguration.Error.WriteLine($"error: cannot read {file.FullName}: {reason}.");
            exit = UsageError;
            return false;
        }
    }

    // The command line is a process boundary: a defect must end in a one-line message and an exit code, never a
    // stack trace (which could also quote input).
#pragma warning disable CA1031
    private static int Run(ParseResult result, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex)
        {
            result.InvocationConfiguration.Error.WriteLine($"error: internal failure ({ex.GetType().Name}); please report it with the command line used.");
            return 70;
        }
    }
#pragma warning restore CA1031
}
