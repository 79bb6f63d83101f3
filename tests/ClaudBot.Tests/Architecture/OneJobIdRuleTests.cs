using System.Text.RegularExpressions;

namespace ClaudBot.Tests.Architecture;

/// <summary>
/// The job-id rule has one definition, <c>ClaudBot.Jobs.JobId</c>. It once lived in four places with three
/// different rules (the store's alphabet, the chat slot's six characters or a number, the dashboard's 1 to 16,
/// the ssh target's file pattern); this reads the sources so a fifth definition fails here.
/// </summary>
public sealed partial class OneJobIdRuleTests
{
    private const string TheDefinition = "src/ClaudBot.Jobs/JobId.cs";

    [Fact]
    public void Sources_DefineTheJobIdRuleOnlyInJobId()
    {
        string root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal) && file != TheDefinition)
            .SelectMany(file => File.ReadLines(Path.Combine(root, file)).Select((line, i) => (file, line: i + 1, text: line)))
            .Where(l => JobIdPattern().IsMatch(l.text))
            .Select(l => $"{l.file}:{l.line}: {l.text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Job ids are parsed and made by ClaudBot.Jobs.JobId only; these lines define the rule again:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("""[GeneratedRegex(@"^/[A-Za-z0-9._/-]+/job_[a-z0-9]{1,16}\.json$")]""")]
    [InlineData("""private const string IdAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";""")]
    [InlineData("""id is { Length: >= 1 and <= 16 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));""")]
    [InlineData("""public const string Rule = "A job id is 1 to 16 lowercase letters or digits.";""")]
    [InlineData("""private const int IdLength = 6;""")]
    [InlineData("""if (!Regex.IsMatch(jobId, "^[a-z0-9]{6}$"))""")]
    public void Pattern_FindsEachOfTheOldDefinitions(string line)
    {
        Assert.Matches(JobIdPattern(), line);
    }

    [Theory]
    [InlineData("""string path = Path.Combine(directory, $"job_{job.Id}.json");""")]
    [InlineData("""if (!JobId.TryParse(id, out var jobId))""")]
    [InlineData("""[GeneratedRegex(@"^/[A-Za-z0-9._/-]+$")]""")]
    public void Pattern_LeavesUsesOfJobIdAlone(string line)
    {
        Assert.DoesNotMatch(JobIdPattern(), line);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ClaudBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ClaudBot.sln above {AppContext.BaseDirectory}.");
    }

    // Signs of a job-id rule: a pattern for job_ file names or ids ([a-z0-9]{n}), an id alphabet, an id length,
    // a "job id is ..." rule text, or a hand-written lowercase-letters-or-digits check.
    [GeneratedRegex("""job_\[|\[a-z0-9\]\{|\[a-z\d\]\{|abcdefghjkmnpqrstuvwxyz|IdAlphabet|IdLength|job id is|>= 'a' and <= 'z'\) or \(>= '0'""", RegexOptions.IgnoreCase)]
    private static partial Regex JobIdPattern();
}
