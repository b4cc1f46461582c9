using System.Text;
using System.Text.Json;
using Switchboard.Identity;

namespace Switchboard.Cli.Identity;

/// <summary>Reads and writes the matching contract's <c>records.jsonl</c>.</summary>
internal static class RegistrationJsonl
{
    /// <summary>Reads every line; throws <see cref="RecordsFileException"/> naming the first bad line.</summary>
    public static List<PatientRegistration> Read(string path)
    {
        var result = new List<PatientRegistration>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                throw new RecordsFileException("ID001", lineNo, "is not valid JSON");
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new RecordsFileException("ID001", lineNo, "is not a JSON object");
                }

                var id = String(root, "record_id");
                if (string.IsNullOrEmpty(id))
                {
                    throw new RecordsFileException("ID002", lineNo, "has no record_id");
                }

                if (!seen.Add(id))
                {
                    throw new RecordsFileException("ID003", lineNo, $"repeats record_id \"{id}\"");
                }

                result.Add(new PatientRegistration(
                    id,
                    String(root, "source_system") ?? string.Empty,
                    String(root, "mrn") ?? string.Empty,
                    List(root, "given"),
                    String(root, "family"),
                    String(root, "suffix"),
                    String(root, "sex"),
                    String(root, "birth_date"),
                    List(root, "address_lines"),
                    String(root, "city"),
                    String(root, "state"),
                    String(root, "postal_code"),
                    String(root, "phone"),
                    String(root, "email"),
                    String(root, "ssn_last4")));
            }
        }

        return result;
    }

    public static void Write(Stream stream, IEnumerable<PatientRegistration> registrations)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        var newline = "\n"u8.ToArray();
        foreach (var r in registrations)
        {
            writer.Reset(stream);
            writer.WriteStartObject();
            writer.WriteString("record_id", r.RecordId);
            writer.WriteString("source_system", r.SourceSystem);
            writer.WriteString("mrn", r.Mrn);
            WriteList(writer, "given", r.Given);
            writer.WriteString("family", r.Family);
            writer.WriteString("suffix", r.Suffix);
            writer.WriteString("sex", r.Sex);
            writer.WriteString("birth_date", r.BirthDate);
            WriteList(writer, "address_lines", r.AddressLines);
            writer.WriteString("city", r.City);
            writer.WriteString("state", r.State);
            writer.WriteString("postal_code", r.PostalCode);
            writer.WriteString("phone", r.Phone);
            writer.WriteString("email", r.Email);
            writer.WriteString("ssn_last4", r.SsnLast4);
            writer.WriteEndObject();
            writer.Flush();
            stream.Write(newline);
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static string[] List(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var v))
        {
            return [];
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return [v.GetString()!];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s)
            {
                list.Add(s);
            }
        }

        return [.. list];
    }
}
