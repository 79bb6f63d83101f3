namespace ClaudBot.Intents.Tests.Llm;

/// <summary>
/// The real catalogue and market data: copied next to the tests when the project copies them, otherwise
/// found by walking up from the test binaries to the repository.
/// </summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Catalog => Path.Combine(Root.Value, "intents", "intent_patterns.yaml");

    public static string Data => Path.Combine(Root.Value, "data");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "intents", "intent_patterns.yaml")) && File.Exists(Path.Combine(folder.FullName, "data", "TCS.csv")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No intents/intent_patterns.yaml with data/*.csv above {AppContext.BaseDirectory}.");
    }
}
