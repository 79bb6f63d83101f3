using System.Text;

namespace ClaudBot.Testing;

/// <summary>
/// Rendered text checked against a file: <c>tests/&lt;Project&gt;/Expected/&lt;name&gt;.txt</c>, copied beside the
/// tests. On a mismatch the actual text is written next to the source file as <c>&lt;name&gt;.received.txt</c>
/// and the test fails with the first differing lines; with <c>CLAUDBOT_ACCEPT=1</c> the actual text becomes the
/// expected file instead (review the diff before committing it).
/// </summary>
public static class ExpectedFile
{
    /// <summary>The variable that accepts the actual text as the new expected file.</summary>
    public const string AcceptVariable = "CLAUDBOT_ACCEPT";

    private const int ContextLines = 3;

    /// <summary>Fails unless <paramref name="actual"/> equals <c>Expected/&lt;name&gt;.txt</c> (line ends and trailing blanks aside).</summary>
    public static void Assert(string name, string actual)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(actual);
        string normalized = Normalize(actual);
        string copied = Path.Combine(AppContext.BaseDirectory, "Expected", name + ".txt");
        string? expected = File.Exists(copied) ? Normalize(File.ReadAllText(copied)) : null;
        if (expected == normalized)
        {
            return;
        }

        string source = Path.Combine(SourceFolder(), "Expected", name + ".txt");
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, normalized);
            return;
        }

        string received = Path.ChangeExtension(source, ".received.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, normalized);
        throw new ExpectedFileMismatchException(expected is null
            ? $"No expected file {source}; the actual text is in {received} (rename it, or run with {AcceptVariable}=1)."
            : $"The text differs from {source} (actual in {received}; run with {AcceptVariable}=1 to accept it):\n{Diff(expected, normalized)}");
    }

    // Spectre pads lines to the console's width and Windows checkouts may add \r: neither is what a file checks.
    private static string Normalize(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd(' '))).TrimEnd('\n') + "\n";

    private static string Diff(string expected, string actual)
    {
        string[] want = expected.Split('\n');
        string[] got = actual.Split('\n');
        int first = 0;
        while (first < want.Length && first < got.Length && want[first] == got[first])
        {
            first++;
        }

        int from = Math.Max(0, first - ContextLines);
        var diff = new StringBuilder();
        diff.Append("@@ line ").Append(first + 1).Append(" @@\n");
        for (int i = from; i < first; i++)
        {
            diff.Append("  ").Append(want[i]).Append('\n');
        }

        foreach (string line in want.Skip(first).Take(ContextLines * 3))
        {
            diff.Append("- ").Append(line).Append('\n');
        }

        foreach (string line in got.Skip(first).Take(ContextLines * 3))
        {
            diff.Append("+ ").Append(line).Append('\n');
        }

        return diff.ToString();
    }

    // tests/<Project>/ of the running tests: the first folder above the build output that holds a project file.
    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (folder.EnumerateFiles("*.csproj").Any())
            {
                return folder.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
