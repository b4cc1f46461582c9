using System.CommandLine;

namespace Switchboard.Cli;

/// <summary>The <c>switchboard</c> root command; each area adds its subcommands here.</summary>
public static class SwitchboardCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Switchboard: HL7 v2 and FHIR R4 integration tools (parse, validate, convert, match, replay).");
        root.Subcommands.Add(Hl7Commands.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        return root;
    }
}
