namespace ClaudBot.Ssh.Setup;

/// <summary>A file on this machine and where it goes in the node's folder on the server (a relative path with '/').</summary>
public sealed record SyncItem(string RelativePath, string LocalPath, bool Executable)
{
    /// <summary>Every file under <paramref name="folder"/> (recursively), named relative to <paramref name="prefix"/>.</summary>
    public static IEnumerable<SyncItem> From(string folder, string prefix, Func<string, bool> include) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: prefix + Path.GetRelativePath(folder, path).Replace('\\', '/')))
            .Where(file => include(file.Relative))
            .Order()
            .Select(file => new SyncItem(file.Relative, file.Path, IsExecutable(file.Path)));

    // Windows keeps no x bit: there the node's two programs are known by name.
    private static bool IsExecutable(string path) => OperatingSystem.IsWindows()
        ? Path.GetFileName(path) is "claudbot-node" or "createdump"
        : (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
}
