using Hl7.Fhir.Model;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir;
using System.Text.Json.Nodes;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// Writes a Provenance for a write-back to the target, where the target allows it: agent Switchboard on behalf
/// of the proposer, entity the source request, policy the ownership rules that allowed it. The Provenance id is
/// the instance id and it is written with PUT, so a retry rewrites the same resource instead of adding a second.
/// </summary>
public sealed class RecordProvenanceActivity(WriteBackWork work)
{
    [Function(nameof(RecordProvenanceActivity))]
    public async System.Threading.Tasks.Task RunAsync([ActivityTrigger] ProvenanceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await work.LoadRequestAsync(input.InstanceId, cancellationToken);
        var target = work.Targets.Find(request.TargetSystem)!;
        if (!target.Options.WriteProvenance)
        {
            return;
        }

        var provenance = new Provenance
        {
            Id = input.InstanceId,
            Target = [new ResourceReference(input.Location)],
            Recorded = work.Time.GetUtcNow(),
            Policy = [.. input.Rules.Select(r => $"urn:switchboard:ownership:{r}")],
            Agent =
            [
                new Provenance.AgentComponent
                {
                    Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler"),
                    Who = new ResourceReference { Display = "Switchboard" },
                    OnBehalfOf = new ResourceReference { Identifier = new Identifier($"urn:switchboard:system:{request.ProposerSystem}", request.ProposerId) },
                },
                new Provenance.AgentComponent
                {
                    Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author"),
                    Who = new ResourceReference { Identifier = new Identifier($"urn:switchboard:system:{request.ProposerSystem}", request.ProposerId) },
                },
            ],
            Entity =
            [
                new Provenance.EntityComponent
                {
                    Role = Provenance.ProvenanceEntityRole.Source,
                    What = new ResourceReference { Identifier = new Identifier(WriteBackIds.IdentifierSystem, input.InstanceId) },
                },
            ],
        };
        var json = (JsonObject)JsonNode.Parse(FhirJsonText.Serialize(provenance))!;
        await target.UpdateAsync("Provenance", input.InstanceId, json, ifMatchVersion: null, cancellationToken);
        await work.AuditAsync(input.InstanceId, "provenance", null, string.Join(',', input.Rules), WriteBackWork.Actor, $"Provenance/{input.InstanceId}", cancellationToken);
    }
}
