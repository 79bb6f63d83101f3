using System.Reflection;
using System.Text.RegularExpressions;

namespace ClaudBot.Hosting.Tests;

/// <summary>One exit-code table for both programs: each number means one thing, and the README says the same.</summary>
public sealed partial class ExitCodesTests
{
    [Fact]
    public void Codes_AreDistinct()
    {
        var codes = Table();

        Assert.Equal(codes.Count, codes.Values.Distinct().Count());
    }

    [Fact]
    public void ReadmeTable_ListsExactlyTheCodesOfTheTable()
    {
        var expected = Table().OrderBy(c => c.Value).Select(c => $"{c.Value} {c.Key}");

        var documented = ReadmeRows().Select(r => $"{r.Code} {r.Name}");

        Assert.Equal(expected, documented);
    }

    [Fact]
    public void Cancelled_IsWhatShellsReportForCtrlC()
    {
        // 128 + SIGINT (2): scripts and shells tell a Ctrl+C'd program by this number.
        Assert.Equal(128 + 2, ExitCodes.Cancelled);
    }

    [Fact]
    public void Programs_ReturnNoLiteralExitCodes_OnlyNamesFromTheTable()
    {
        // Where both programs decide their exit code: their command files, command-line roots and Program.cs.
        string root = RepositoryRoot();
        var files = new[] { "src/ClaudBot", "src/ClaudBot.Node" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => file.Contains("/Commands/", StringComparison.Ordinal) || Path.GetFileName(file) is "Program.cs" || file.EndsWith("Cli.cs", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, file => file.EndsWith("src/ClaudBot.Node/Commands/SubmitCommand.cs", StringComparison.Ordinal));

        var literals = files
            .SelectMany(file => File.ReadLines(file).Select((text, i) => (file: Path.GetRelativePath(root, file), line: i + 1, text)))
            .Where(l => LiteralExitCode().IsMatch(l.text))
            .Select(l => $"{l.file}:{l.line}: {l.text.Trim()}")
            .ToList();

        Assert.True(literals.Count == 0, "Exit codes come from ExitCodes by name; these lines use a number:\n" + string.Join('\n', literals));
    }

    [Theory]
    [InlineData("return 3;")]
    [InlineData("return Task.FromResult(1);")]
    [InlineData("exitCode = 4;")]
    [InlineData("Environment.Exit(2);")]
    [InlineData("return finished.State == JobState.Completed ? 0 : 3;")]
    [InlineData("Environment.ExitCode = 1;")]
    public void LiteralExitCode_FindsNumbersReturnedAsExitCodes(string line)
    {
        Assert.Matches(LiteralExitCode(), line);
    }

    [Theory]
    [InlineData("return ExitCodes.NeedsConfirmation;")]
    [InlineData("return Task.FromResult(ExitCodes.BadInput);")]
    [InlineData("return process.ExitCode;")]
    [InlineData("return equals > 0")]
    public void LiteralExitCode_LeavesNamedCodesAlone(string line)
    {
        Assert.DoesNotMatch(LiteralExitCode(), line);
    }

    private static Dictionary<string, int> Table() =>
        typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    // The rows "| 3 | `ClusterDown` | ... |" under the README's "### Exit codes" heading, up to the next heading.
    private static List<(int Code, string Name)> ReadmeRows()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        int start = Array.IndexOf(lines, "### Exit codes");
        Assert.True(start >= 0, "README.md should have a '### Exit codes' section");
        var rows = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#'))
            .Select(l => Row().Match(l)).Where(m => m.Success)
            .Select(m => (int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["name"].Value))
            .ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ClaudBot.sln")) && File.Exists(Path.Combine(folder.FullName, "README.md")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ClaudBot.sln with README.md above {AppContext.BaseDirectory}.");
    }

    // return 3; Task.FromResult(1); exitCode = 4; Environment.Exit(2); ... ? 0 : 3; Environment.ExitCode = 1.
    [GeneratedRegex(@"\breturn \d+;|FromResult\(\d+\)|\b[eE]xitCode = \d+;|Environment\.Exit\(\d+\)|\? \d+ : \d+;")]
    private static partial Regex LiteralExitCode();

    [GeneratedRegex(@"^\| (?<code>\d+) \| `(?<name>\w+)` \|")]
    private static partial Regex Row();
}
