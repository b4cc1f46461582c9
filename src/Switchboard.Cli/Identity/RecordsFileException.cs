namespace Switchboard.Cli.Identity;

/// <summary>A bad line in the records file: the issue code and the 1-based line number.</summary>
internal sealed class RecordsFileException(string code, int line, string problem)
    : Exception($"{code}: line {line} {problem}")
{
    public string Code { get; } = code;

    public int Line { get; } = line;
}
