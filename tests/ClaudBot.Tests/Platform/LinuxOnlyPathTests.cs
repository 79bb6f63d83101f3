using System.Text.RegularExpressions;

namespace ClaudBot.Tests.Platform;

/// <summary>
/// The client runs on macOS, so nothing may read <c>/proc</c> or <c>/sys</c> except the Linux side of the platform
/// seam: this fails the build's tests when someone adds such a read anywhere else.
/// </summary>
public sealed partial class LinuxOnlyPathTests
{
    // Each file with why it may: the seam's Linux implementations, and shell text that setup runs on the Linux server over SSH.
    private static readonly string[] Allowed =
    [
        "src/ClaudBot.Cluster/Platform/LinuxSystemLoad.cs",
        "src/ClaudBot.Cluster/Platform/ProcessProbe.cs",
        "src/ClaudBot.Ssh/Setup/SetupCommands.cs",
        "src/ClaudBot.Ssh/Setup/Telegram/BotCommands.cs",
    ];

    [Fact]
    public void Sources_NameProcOrSysPaths_OnlyInTheLinuxSeamAndServerSetup()
    {
        string root = RepositoryRoot();
        var naming = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => File.ReadLines(Path.Combine(root, f)).Any(NamesLinuxOnlyPath))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Allowed, naming);
    }

    // Code, not prose: a comment may say that macOS has no /proc.
    private static bool NamesLinuxOnlyPath(string line) =>
        !line.TrimStart().StartsWith("//", StringComparison.Ordinal) && LinuxOnlyPath().IsMatch(line);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ClaudBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ClaudBot.sln above {AppContext.BaseDirectory}: this test reads the checkout's sources.");
    }

    [GeneratedRegex(@"/(proc|sys)/")]
    private static partial Regex LinuxOnlyPath();
}
