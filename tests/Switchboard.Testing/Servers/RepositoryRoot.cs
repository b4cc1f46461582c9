namespace Switchboard.Testing.Servers;

/// <summary>Finds the repository root (the folder holding Functions.sln) from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Functions.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A tool installed by <c>npm ci</c> at the repository root.</summary>
    public static string NodeTool(string name)
    {
        var path = System.IO.Path.Combine(Path, "node_modules", ".bin", name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{name} is not installed: run 'npm ci' at the repository root ({path} missing).");
    }
}
