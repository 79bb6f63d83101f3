namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// Clears what crashed test runs left behind, once per process before the first fixture starts. Only names
/// this fixture makes (netns <c>cbt-XXXXXX</c>, users <c>cbtXXXXXX</c> whose home is under
/// <see cref="FixtureNames.Root"/>, folders there) are considered, and of those only ones no live process
/// owns: the owner marker names a process that is gone, or there is no marker and the folder is over an hour
/// old, or there is no folder at all (a live fixture has its folder from before its netns until after its user).
/// </summary>
internal static class StaleFixtures
{
    private static readonly TimeSpan UnmarkedAge = TimeSpan.FromHours(1);
    private static readonly Lazy<Task> Cleaning = new(CleanNowAsync);

    public static Task CleanOnceAsync() => Cleaning.Value;

    /// <summary>One sweep; safe to run while other fixtures, in this process or others, are starting or running.</summary>
    public static async Task CleanNowAsync()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(FixtureNames.Root))
        {
            ids.UnionWith(Directory.EnumerateDirectories(FixtureNames.Root)
                .Select(folder => FixtureNames.FromNamespace(Path.GetFileName(folder))?.Id)
                .OfType<string>());
        }

        var namespaces = await HostCommand.RunAsync("ip", ["netns", "list"]);
        ids.UnionWith(namespaces.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => FixtureNames.FromNamespace(line.Split(' ')[0])?.Id)
            .OfType<string>());

        // passwd lines: name:x:uid:gid:comment:home:shell
        ids.UnionWith(File.ReadLines("/etc/passwd")
            .Select(line => line.Split(':'))
            .Where(fields => fields.Length >= 7 && fields[5].StartsWith(FixtureNames.Root + "/", StringComparison.Ordinal))
            .Select(fields => FixtureNames.FromUser(fields[0])?.Id)
            .OfType<string>());

        foreach (var names in ids.Select(id => new FixtureNames(id)).Where(IsStale))
        {
            await FixtureTeardown.RunAsync(names);
        }
    }

    private static bool IsStale(FixtureNames names)
    {
        if (!Directory.Exists(names.Folder))
        {
            return true;
        }

        return FixtureOwner.IsAlive(names.Folder) switch
        {
            true => false,
            false => true,
            null => DateTime.UtcNow - Directory.GetCreationTimeUtc(names.Folder) > UnmarkedAge,
        };
    }
}
