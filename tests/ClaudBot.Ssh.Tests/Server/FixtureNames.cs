using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// The names one <see cref="ServerHost"/> owns, all derived from one random id so that a leftover of a
/// crashed run can be traced back from any of them: netns <c>cbt-ID</c>, user <c>cbtID</c>, veths
/// <c>cbtIDh</c>/<c>cbtIDn</c> (10 characters, under the kernel's 15) and the folder <c>Root/cbt-ID</c>.
/// </summary>
internal sealed partial record FixtureNames(string Id)
{
    /// <summary>Under /tmp rather than $TMPDIR: the test user must be able to walk to its home, and /root is closed.</summary>
    public const string Root = "/tmp/claudbot-ssh-fixtures";

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public string Namespace => $"cbt-{Id}";

    public string User => $"cbt{Id}";

    public string HostVeth => $"cbt{Id}h";

    public string NamespaceVeth => $"cbt{Id}n";

    public string Folder => Path.Combine(Root, Namespace);

    public string Home => Path.Combine(Folder, "home");

    public static FixtureNames NewRandom() => new(RandomNumberGenerator.GetString(IdAlphabet, 6));

    public static FixtureNames? FromNamespace(string name) => Parse(NamespacePattern(), name);

    public static FixtureNames? FromUser(string name) => Parse(UserPattern(), name);

    private static FixtureNames? Parse(Regex pattern, string name) =>
        pattern.Match(name) is { Success: true } match ? new FixtureNames(match.Groups[1].Value) : null;

    [GeneratedRegex("^cbt-([a-z0-9]{6})$")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex("^cbt([a-z0-9]{6})$")]
    private static partial Regex UserPattern();
}
