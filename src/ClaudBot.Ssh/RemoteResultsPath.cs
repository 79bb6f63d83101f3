using System.Text.RegularExpressions;
using ClaudBot.Jobs;

namespace ClaudBot.Ssh;

/// <summary>
/// The only remote paths the ssh target opens over SFTP: an absolute folder of plain characters holding
/// <c>job_&lt;id&gt;.json</c>, where the id follows <see cref="JobId"/>'s rule. The path comes from the
/// node's Redis, so anything else (another file, a relative path, a shell character) is refused.
/// </summary>
internal static partial class RemoteResultsPath
{
    private const string Prefix = "job_";
    private const string Suffix = ".json";

    public static bool IsValid(string? path)
    {
        if (path is null)
        {
            return false;
        }

        int slash = path.LastIndexOf('/');
        if (slash <= 0 || !Folder().IsMatch(path.AsSpan(0, slash)))
        {
            return false;
        }

        var name = path.AsSpan(slash + 1);
        return name.StartsWith(Prefix, StringComparison.Ordinal)
            && name.EndsWith(Suffix, StringComparison.Ordinal)
            && JobId.IsValid(name[Prefix.Length..^Suffix.Length].ToString());
    }

    [GeneratedRegex(@"^/[A-Za-z0-9._/-]+$")]
    private static partial Regex Folder();
}
