using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>
/// MRG (ADT^A34/A40) → Patient.link (ours; the IG maps MRG only to Account): the prior patient (MRG-1) is written
/// inactive with <c>replaced-by</c> → survivor, the survivor gets <c>replaces</c> → prior; the merge is also returned
/// as a <see cref="PatientMerge"/> for the identity service.
/// </summary>
internal static class MrgToPatientLinkMapper
{
    public static PatientMerge? Map(MappingSession s, Hl7Segment mrg, Patient survivor)
    {
        s.Touch(mrg);
        var prior = new List<(string, string)>();
        var old = new Patient { Active = false };
        foreach (var rep in MappingSession.Field(mrg, 1).Repetitions)
        {
            if (s.Cx(rep, "MR") is { } id)
            {
                old.Identifier.Add(id);
                prior.Add((id.System!, id.Value!));
            }
        }

        var oldPid = MappingSession.Field(mrg, 4);
        if (oldPid.HasValue && s.Cx(oldPid.Repetition(1), "PT") is { } pidId)
        {
            old.Identifier.Add(pidId);
        }

        var name = MappingSession.Field(mrg, 7);
        if (name.HasValue && s.Xpn(name.Repetition(1)) is { } oldName)
        {
            old.Name.Add(oldName);
        }

        var account = MappingSession.Field(mrg, 3);
        if (account.HasValue && s.Cx(account.Repetition(1), "AN") is { } accountId)
        {
            s.Add(new Account { Status = Account.AccountStatus.Unknown, Identifier = [accountId], Subject = [s.PatientReference!] }, "account:" + accountId.System + "|" + accountId.Value, accountId);
        }

        var visit = MappingSession.Field(mrg, 5);
        s.MarkComponents(visit, 1, 4, 5);
        var visitAlt = MappingSession.Field(mrg, 6);
        s.MarkComponents(visitAlt, 1, 4, 5);
        s.Take(mrg, 2);
        if (old.Identifier.Count == 0 || s.PatientReference is null || survivor.Identifier.FirstOrDefault() is not { } survivorId)
        {
            s.Issue(MappingIssueCodes.MissingRequired, MappingSeverity.Warning, "MRG-1", "No prior patient identifier: no merge produced.");
            return null;
        }

        var first = old.Identifier[0];
        old.Link.Add(new Patient.LinkComponent { Other = s.PatientReference, Type = Patient.LinkType.ReplacedBy });
        var oldRef = s.Add(old, "patient:" + first.System + "|" + first.Value, first);
        survivor.Link.Add(new Patient.LinkComponent { Other = oldRef, Type = Patient.LinkType.Replaces });
        return new PatientMerge(survivorId.System ?? string.Empty, survivorId.Value ?? string.Empty, prior);
    }
}
