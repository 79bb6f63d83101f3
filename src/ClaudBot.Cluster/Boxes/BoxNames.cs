using System.Text.RegularExpressions;

namespace ClaudBot.Cluster.Boxes;

/// <summary>
/// One definition of a box name (<see cref="ClusterOptions.BoxName"/>, a worker heartbeat's host, <c>drain HOST</c>):
/// letters, digits, '.', '_' and '-', compared without regard to case as host names are.
/// </summary>
public static partial class BoxNames
{
    /// <summary>The pattern an options attribute checks; empty is allowed there (it means the host name).</summary>
    public const string Pattern = "^[A-Za-z0-9._-]{0,64}$";

    /// <summary>How box names compare: host names are not case-sensitive.</summary>
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>The name as given, or a one-line <see cref="FormatException"/> naming what is wrong with it.</summary>
    /// <exception cref="FormatException">Empty, too long, or a character other than letters, digits, '.', '_' and '-'.</exception>
    public static string Validate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || !NameRegex().IsMatch(name))
        {
            throw new FormatException($"'{Engine.Text.UserText.Excerpt(name ?? string.Empty)}' is not a box name: use the host name the box's workers report (letters, digits, '.', '_' and '-', at most 64; see 'claudbot-node status').");
        }

        return name;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NameRegex();
}
