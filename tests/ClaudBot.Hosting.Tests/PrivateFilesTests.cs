using System.Runtime.Versioning;

namespace ClaudBot.Hosting.Tests;

/// <summary>State the program writes is owner-only on Unix: files 0600, folders 0700, older looser ones tightened.</summary>
[UnsupportedOSPlatform("windows")] // The modes are Unix ones; the project runs its tests on Linux.
public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode Rw = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Rwx = Rw | UnixFileMode.UserExecute;
    private const UnixFileMode Loose = Rw | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string _root = Directory.CreateTempSubdirectory("claudbot-private-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Combine(string name) => Path.Combine(_root, name);

    [Fact]
    public void CreateDirectory_MakesTheFolderAndItsNewParentsOwnerOnly()
    {
        string inner = Combine("state/claudbot/logs");

        PrivateFiles.CreateDirectory(inner);

        Assert.Equal(Rwx, File.GetUnixFileMode(inner));
        Assert.Equal(Rwx, File.GetUnixFileMode(Combine("state")));
    }

    [Fact]
    public void CreateDirectory_OfAnExistingOpenFolder_TakesOthersAccessAway()
    {
        string folder = Combine("results");
        Directory.CreateDirectory(folder, Rwx | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        PrivateFiles.CreateDirectory(folder);

        Assert.Equal(Rwx, File.GetUnixFileMode(folder));
    }

    [Fact]
    public async Task EveryWayOfWriting_CreatesA0600File()
    {
        PrivateFiles.WriteAllText(Combine("a.pid"), "42");
        PrivateFiles.WriteAllLines(Combine("known_hosts"), ["[h]:22 ssh-ed25519 AAAA"]);
        await PrivateFiles.WriteAllBytesAsync(Combine("settings.json"), "{}"u8.ToArray(), CancellationToken.None);
        await using (var stream = PrivateFiles.Open(Combine("audit.jsonl"), FileMode.Append))
        {
            stream.WriteByte((byte)'x');
        }

        Assert.All(["a.pid", "known_hosts", "settings.json", "audit.jsonl"], name => Assert.Equal(Rw, File.GetUnixFileMode(Combine(name))));
        Assert.Equal("[h]:22 ssh-ed25519 AAAA\n", File.ReadAllText(Combine("known_hosts")));
        Assert.Equal("42", File.ReadAllText(Combine("a.pid")));
    }

    [Fact]
    public void Open_AnExistingWorldReadableFileForWriting_TightensIt()
    {
        string path = Combine("audit.jsonl");
        File.WriteAllText(path, "old\n");
        File.SetUnixFileMode(path, Loose);

        using (PrivateFiles.Open(path, FileMode.Append))
        {
        }

        Assert.Equal(Rw, File.GetUnixFileMode(path));
        Assert.Equal("old\n", File.ReadAllText(path));
    }
}
