using System.Runtime.Versioning;
using ClaudBot.Testing;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>known_hosts written by setup is owner-only, like ssh's own.</summary>
[UnsupportedOSPlatform("windows")] // Unix modes; the suite runs on Linux.
public sealed class KnownHostsModeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("claudbot-known-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Record_WritesAnOwnerOnlyFile_AndTightensAnOldWorldReadableOne()
    {
        string path = Path.Combine(_root, "config", "known_hosts");
        var hosts = new KnownHosts(path);

        hosts.Record("node1", 22, "ssh-ed25519", [1, 2, 3]);
        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(path));

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        hosts.Record("node2", 22, "ssh-ed25519", [4, 5, 6]);

        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(path));
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }
}
