using System.CommandLine;
using System.Globalization;
using System.Text;
using Switchboard.Cli.Identity;
using Switchboard.Identity;
using Switchboard.Identity.Matching;
using Switchboard.Identity.Synthetic;

namespace Switchboard.Cli;

/// <summary>
/// <c>switchboard match</c>: resolves a JSON Lines file of registrations as an arriving stream and writes the pairs
/// and clusters files (shared/reference/matching-contract.md). Subcommands generate synthetic data with known truth
/// and evaluate the matcher on it.
/// </summary>
public static class MatchCommand
{
    public const int ExitBadInput = 2;

    public static Command Create()
    {
        var records = new Option<FileInfo>("--records") { Description = "Input registrations, UTF-8 JSON Lines." };
        var outPairs = new Option<FileInfo>("--out-pairs") { Description = "Output CSV: record_id_a,record_id_b,decision,score." };
        var outClusters = new Option<FileInfo>("--out-clusters") { Description = "Output CSV: record_id,cluster_id." };
        var command = new Command("match", "Match patient registrations (stream order) into enterprise identities.")
        {
            records, outPairs, outClusters,
        };
        command.SetAction(parse => Run(parse.GetValue(records), parse.GetValue(outPairs), parse.GetValue(outClusters),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        command.Add(CreateGenerate());
        command.Add(CreateEvaluate());
        return command;
    }

    internal static int Run(FileInfo? records, FileInfo? outPairs, FileInfo? outClusters, TextWriter stdout, TextWriter stderr)
    {
        if (records is null || outPairs is null || outClusters is null)
        {
            stderr.WriteLine("ID004: --records, --out-pairs and --out-clusters are all required.");
            return ExitBadInput;
        }

        if (!records.Exists)
        {
            stderr.WriteLine($"ID005: records file not found: {records.FullName}");
            return ExitBadInput;
        }

        List<PatientRegistration> registrations;
        try
        {
            registrations = RegistrationJsonl.Read(records.FullName);
        }
        catch (RecordsFileException ex)
        {
            stderr.WriteLine($"{ex.Message} ({records.Name}); nothing written.");
            return ExitBadInput;
        }

        var resolution = BatchResolution.Run(registrations);
        WriteAtomically(outPairs.FullName, writer =>
        {
            writer.Write("record_id_a,record_id_b,decision,score\n");
            foreach (var d in resolution.Decisions)
            {
                writer.Write(Csv(registrations[d.A].RecordId));
                writer.Write(',');
                writer.Write(Csv(registrations[d.B].RecordId));
                writer.Write(d.Kind == PairDecisionKind.Match ? ",match," : ",review,");
                writer.Write(d.Score.ToString("F2", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        });
        var clusters = resolution.Clusters();
        WriteAtomically(outClusters.FullName, writer =>
        {
            writer.Write("record_id,cluster_id\n");
            for (var i = 0; i < registrations.Count; i++)
            {
                writer.Write(Csv(registrations[i].RecordId));
                writer.Write(",E");
                writer.Write(clusters[i].ToString("D7", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        });

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"match: records={registrations.Count} comparisons={resolution.Comparisons} seconds={resolution.Elapsed.TotalSeconds:F2}"));
        return 0;
    }

    private static Command CreateGenerate()
    {
        var count = new Option<int>("--count") { Description = "Number of registrations.", DefaultValueFactory = _ => 10000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same file).", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out") { Description = "Output records.jsonl.", Required = true };
        var truth = new Option<FileInfo?>("--truth") { Description = "Optional output CSV: record_id,person_id." };
        var command = new Command("generate", "Write synthetic registrations with known truth (twins, Jr/Sr, households, placeholders ...).")
        {
            count, seed, output, truth,
        };
        command.SetAction(parse =>
        {
            var dataset = new SyntheticRegistrationGenerator(parse.GetValue(seed)).Generate(parse.GetValue(count));
            using (var stream = File.Create(parse.GetValue(output)!.FullName))
            {
                RegistrationJsonl.Write(stream, dataset.Records.Select(r => r.Registration));
            }

            if (parse.GetValue(truth) is { } truthFile)
            {
                WriteAtomically(truthFile.FullName, writer =>
                {
                    writer.Write("record_id,person_id\n");
                    foreach (var r in dataset.Records)
                    {
                        writer.Write($"{Csv(r.Registration.RecordId)},P{r.PersonId.ToString(CultureInfo.InvariantCulture)}\n");
                    }
                });
            }

            return 0;
        });
        return command;
    }

    private static Command CreateEvaluate()
    {
        var count = new Option<int>("--count") { Description = "Number of registrations.", DefaultValueFactory = _ => 10000 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var command = new Command("evaluate", "Generate synthetic registrations, match them, and print precision, recall, review load and speed.")
        {
            count, seed,
        };
        command.SetAction(parse =>
        {
            var dataset = new SyntheticRegistrationGenerator(parse.GetValue(seed)).Generate(parse.GetValue(count));
            var resolution = BatchResolution.Run(dataset.Records.Select(r => r.Registration).ToList());
            var evaluation = MatchEvaluator.Evaluate(dataset, resolution.Clusters(), resolution.Decisions.Select(d => (d.A, d.B, d.Kind)));
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(evaluation.ToString());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"comparisons={resolution.Comparisons} seconds={resolution.Elapsed.TotalSeconds:F2} comparisonsPerSecond={resolution.Comparisons / Math.Max(resolution.Elapsed.TotalSeconds, 1e-9):F0}"));
            return 0;
        });
        return command;
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it into place when complete.</summary>
    private static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var temp = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                write(writer);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
