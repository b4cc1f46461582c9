using System.Text.Json.Nodes;
using CsCheck;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Fhir.Tests.WriteBack;

/// <summary>
/// N writers each read some version, then write through the same read → merge → If-Match loop the orchestrator
/// runs, against an in-memory versioned store, in random interleavings. Every accepted change must be in the final
/// resource exactly once, unless a later accepted write replaced the same scalar; no change is applied twice.
/// </summary>
public sealed class InterleavingPropertyTests
{
    private static readonly string[] Scalars = ["Patient.gender", "Patient.birthDate"];

    private sealed record Writer(int Id, bool AddsItem, int Scalar, string Proposer);

    private sealed class Store
    {
        public List<JsonObject> Versions { get; } = [(JsonObject)JsonNode.Parse("""{"resourceType":"Patient","telecom":[{"value":"0"}]}""")!];

        public int Current => Versions.Count;

        /// <summary>PUT with If-Match: false (412) when the version moved.</summary>
        public bool TryWrite(int ifMatch, JsonObject resource)
        {
            if (ifMatch != Current)
            {
                return false;
            }

            Versions.Add(resource);
            return true;
        }
    }

    private static string ValueOf(Writer w) => w.Scalar == 0 ? $"\"g{w.Id}\"" : $"\"2000-01-{w.Id + 1:00}\"";

    [Fact]
    public void Merge_RandomInterleavingsOfWriters_NoAcceptedChangeLostOrDuplicated()
    {
        var registry = new OwnershipRegistry(
        [
            SeedOwnership.Rule("Patient.telecom", "ehr", DataClass.Operational, ConflictPolicy.Rebase, ("crm", FieldRole.CoEditor)),
            SeedOwnership.Rule("Patient.gender", "ehr", DataClass.Operational, ConflictPolicy.Reject, ("crm", FieldRole.CoEditor)),
            SeedOwnership.Rule("Patient.birthDate", "ehr", DataClass.Operational, ConflictPolicy.Review, ("crm", FieldRole.CoEditor)),
        ]);
        var writerGen = Gen.Select(Gen.Bool, Gen.Int[0, 1], Gen.Bool.Select(b => b ? "ehr" : "crm"));
        var gen = Gen.Select(writerGen.Array[1, 6], Gen.Int[0, 1000].Array[30]);

        gen.Sample(sample =>
        {
            var (specs, schedule) = sample;
            var writers = specs.Select((w, i) => new Writer(i, w.Item1, w.Item2, w.Item3)).ToList();
            var store = new Store();
            // Each writer: step 0 = read base; then attempts of (read current, merge, write) until done.
            var baseOf = new Dictionary<int, int>();
            var done = new Dictionary<int, string>();
            var acceptedScalarWrites = new List<(int Writer, string Path, int Version)>();
            var pick = 0;
            while (done.Count < writers.Count)
            {
                var live = writers.Where(w => !done.ContainsKey(w.Id)).ToList();
                var w = live[schedule[pick++ % schedule.Length] % live.Count];
                if (!baseOf.TryGetValue(w.Id, out var baseVersion))
                {
                    baseOf[w.Id] = store.Current;
                    continue;
                }

                var change = w.AddsItem
                    ? new FieldChange(ChangeOperation.Add, "Patient.telecom", $$"""{"value":"w{{w.Id}}"}""")
                    : new FieldChange(ChangeOperation.Set, Scalars[w.Scalar], ValueOf(w));
                var auth = WriteBackAuthorizer.Authorize(registry, new WriteBackRequest("ehr", "Patient", "1", "1", [change], w.Proposer, "u", null, "k"));
                Assert.Equal(AuthorizationDecision.Allowed, auth.Decision);
                var read = store.Current;
                var merge = ThreeWayMerge.Merge(store.Versions[baseVersion - 1], store.Versions[read - 1], auth.Changes);
                if (merge.Rejected || merge.NeedsReview)
                {
                    done[w.Id] = "conflict";
                }
                else if (!merge.HasWrites)
                {
                    done[w.Id] = "unchanged";
                }
                else if (store.TryWrite(read, merge.Merged))
                {
                    done[w.Id] = "written";
                    if (!w.AddsItem)
                    {
                        acceptedScalarWrites.Add((w.Id, Scalars[w.Scalar], store.Current));
                    }
                }

                // else 412: the loop re-reads and re-merges on the writer's next turn.
            }

            var final = store.Versions[^1];
            var telecom = final["telecom"]!.AsArray().Select(t => t!["value"]!.GetValue<string>()).ToList();
            Assert.Equal(telecom.Count, telecom.Distinct().Count());
            foreach (var w in writers.Where(w => w.AddsItem))
            {
                Assert.Equal("written", done[w.Id]);
                Assert.Contains($"w{w.Id}", telecom);
            }

            foreach (var path in Scalars)
            {
                // The last accepted write of each scalar is what the resource holds: no accepted update was lost.
                var last = acceptedScalarWrites.Where(a => a.Path == path).OrderBy(a => a.Version).LastOrDefault();
                if (last.Path is not null)
                {
                    Assert.True(ElementPath.TryParse(path, out var p));
                    Assert.Equal(ValueOf(writers[last.Writer]), ThreeWayMerge.Get(final, p)!.ToJsonString());
                }

                // A scalar write accepted after another one on the same path must have seen it (no blind overwrite):
                // with Reject/Review policies a writer whose base predates another's accepted write never lands.
                var accepted = acceptedScalarWrites.Where(a => a.Path == path).OrderBy(a => a.Version).ToList();
                for (var i = 1; i < accepted.Count; i++)
                {
                    Assert.True(baseOf[accepted[i].Writer] >= accepted[i - 1].Version, $"writer {accepted[i].Writer} overwrote {accepted[i - 1].Writer} blindly");
                }
            }
        }, iter: 300);
    }
}
