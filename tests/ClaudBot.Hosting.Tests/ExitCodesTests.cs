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

    [GeneratedRegex(@"^\| (?<code>\d+) \| `(?<name>\w+)` \|")]
    private static partial Regex Row();
}
