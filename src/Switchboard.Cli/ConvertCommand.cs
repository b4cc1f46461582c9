using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Fhir;
using Switchboard.Fhir.Mapping;
using Switchboard.Fhir.Validation;
using Switchboard.Hl7v2;

namespace Switchboard.Cli;

/// <summary>
/// <c>switchboard convert FILE [--source NAME] [--config DIR] [--report FILE]</c>: the transaction Bundle JSON on
/// stdout, the lossless-conversion report (JSON) in FILE or on stderr. Exit codes: 0 success, 1 not HL7 v2,
/// 2 usage or file errors (unreadable file, bad configuration), 3 the source's policy fails the message or the output
/// is structurally invalid.
/// </summary>
public static class ConvertCommand
{
    /// <summary>Exit code when the policy (or output validation) fails the message.</summary>
    public const int PolicyFailed = 3;

    private static readonly JsonSerializerOptions ConfigJson = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly JsonSerializerOptions ReportJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An HL7 v2 message (the first message of a batch is converted)." };
        var source = new Option<string>("--source") { Description = "Source system name: scopes ids and selects {config}/{source}.json.", DefaultValueFactory = _ => "default" };
        var config = new Option<DirectoryInfo?>("--config") { Description = "Directory with {source}.json options and conceptmaps/*.json overrides. Without it: UTC, IG vocabulary maps, policy warn." };
        var report = new Option<FileInfo?>("--report") { Description = "Write the lossless-conversion report here instead of stderr." };
        var command = new Command("convert", "Translate an HL7 v2 message to a FHIR R4 transaction Bundle.") { file, source, config, report };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
#pragma warning disable CA1031 // Process boundary: one line and an exit code, never a stack trace (it could quote input).
            try
            {
                var sourceName = result.GetValue(source) ?? "default";
                if (!TryContext(sourceName, result.GetValue(config), error, out var context))
                {
                    return Hl7Commands.UsageError;
                }

                var path = result.GetValue(file)!;
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(path.FullName);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"error: cannot read {path.FullName}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : "the file cannot be read")}.");
                    return Hl7Commands.UsageError;
                }

                var batch = Hl7Parser.ParseBatch(bytes, Hl7ParseOptions.Lenient);
                if (batch.Value?.Messages is not { Count: > 0 } messages)
                {
                    error.WriteLine($"error {batch.FirstError?.Code ?? Hl7IssueCodes.MissingMsh}: {path.Name} is not an HL7 v2 message.");
                    return Hl7Commands.InvalidInput;
                }

                var message = messages[0];
                var translation = Hl7v2ToFhirTranslator.Translate(message, context!, messages.Count == 1 ? bytes : System.Text.Encoding.UTF8.GetBytes(message.ToString()));
                var problems = BundleValidator.Validate(translation.Bundle);
                var finalReport = problems.Count == 0 ? translation.Report : translation.Report with
                {
                    Failed = true,
                    Issues = [.. translation.Report.Issues, .. problems.Select(p => new MappingIssue(MappingIssueCodes.InvalidOutput, MappingSeverity.Error, p.Location, p.Message))],
                };
                var reportJson = JsonSerializer.Serialize(finalReport, ReportJson);
                if (result.GetValue(report) is { } reportFile)
                {
                    File.WriteAllText(reportFile.FullName, reportJson + "\n");
                }
                else
                {
                    error.WriteLine(reportJson);
                }

                if (finalReport.Failed)
                {
                    var reason = problems.Count > 0 ? MappingIssueCodes.InvalidOutput + ": the Bundle is structurally invalid" : MappingIssueCodes.PolicyFailure + ": source '" + sourceName + "' fails messages with unmapped data";
                    error.WriteLine($"error {reason}; nothing written.");
                    return PolicyFailed;
                }

                output.WriteLine(FhirJsonText.Serialize(translation.Bundle));
                return 0;
            }
            catch (Exception ex)
            {
                error.WriteLine($"error: internal failure ({ex.GetType().Name}); please report it with the command line used.");
                return 70;
            }
#pragma warning restore CA1031
        });
        return command;
    }

    private static bool TryContext(string source, DirectoryInfo? directory, TextWriter error, out TranslationContext? context)
    {
        context = null;
        if (directory is null)
        {
            context = TranslationContext.Default(source);
            return true;
        }

        try
        {
            var optionsFile = Path.Combine(directory.FullName, source + ".json");
            var options = File.Exists(optionsFile)
                ? JsonSerializer.Deserialize<SourceMappingOptions>(File.ReadAllText(optionsFile), ConfigJson) ?? new SourceMappingOptions()
                : new SourceMappingOptions();
            var mapsDirectory = Path.Combine(directory.FullName, "conceptmaps");
            var maps = Directory.Exists(mapsDirectory)
                ? Directory.GetFiles(mapsDirectory, "*.json").Order(StringComparer.Ordinal).Select(f => Switchboard.Fhir.Vocabulary.ConceptMapSet.ParseConceptMap(File.ReadAllText(f))).ToList()
                : null;
            context = TranslationContext.Create(source, options, maps);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or ArgumentException or FormatException or Hl7.Fhir.Serialization.DeserializationFailedException)
        {
            error.WriteLine($"error: the configuration in {directory.FullName} for source '{source}' is invalid ({ex.GetType().Name}).");
            return false;
        }
    }
}
