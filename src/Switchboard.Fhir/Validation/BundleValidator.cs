using System.Collections;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Switchboard.Fhir.Validation;

/// <summary>
/// Structural validation of translated Bundles, offline: the Bundle is written and read back through Firely's strict
/// deserializer (cardinality, required elements, primitive formats, code literals of required bindings), and every
/// <c>urn:uuid:</c> reference must name an entry's fullUrl. Full profile validation with Firely.Fhir.Validation needs
/// the core specification package, which the package mirror does not have (docs/mapping-differences.md).
/// </summary>
public static class BundleValidator
{
    private static readonly JsonSerializerOptions Strict = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Strict);

    public static IReadOnlyList<BundleProblem> Validate(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var problems = new List<BundleProblem>();
        try
        {
            JsonSerializer.Deserialize<Bundle>(FhirJsonText.Serialize(bundle), Strict);
        }
        catch (DeserializationFailedException e)
        {
            foreach (var error in e.Exceptions)
            {
                problems.Add(new BundleProblem(error is Hl7.Fhir.Utility.CodedException coded ? coded.ErrorCode : "Bundle", error.Message));
            }
        }

        var fullUrls = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            var location = "Bundle.entry[" + i + "]";
            if (entry.FullUrl is null || !fullUrls.Add(entry.FullUrl))
            {
                problems.Add(new BundleProblem(location, "Entry without a unique fullUrl."));
            }

            if (entry.Resource is null || entry.Request is null)
            {
                problems.Add(new BundleProblem(location, "Transaction entry without a resource or request."));
            }
        }

        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is { } resource)
            {
                CheckReferences(resource, fullUrls, "Bundle.entry[" + i + "]." + resource.TypeName, problems);
            }
        }

        return problems;
    }

    private static void CheckReferences(Base element, HashSet<string> fullUrls, string location, List<BundleProblem> problems)
    {
        foreach (var (_, value) in element.EnumerateElements())
        {
            if (value is Base child)
            {
                Check(child);
            }
            else if (value is IEnumerable list and not string)
            {
                foreach (var item in list)
                {
                    if (item is Base b)
                    {
                        Check(b);
                    }
                }
            }
        }

        void Check(Base child)
        {
            if (child is ResourceReference { Reference: { } reference } && reference.StartsWith("urn:uuid:", StringComparison.Ordinal) && !fullUrls.Contains(reference))
            {
                problems.Add(new BundleProblem(location, "Reference does not resolve inside the Bundle."));
            }

            CheckReferences(child, fullUrls, location, problems);
        }
    }
}
