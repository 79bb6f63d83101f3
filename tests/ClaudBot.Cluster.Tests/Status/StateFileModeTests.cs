using System.Runtime.Versioning;
using ClaudBot.Cluster.Status;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.Status;

/// <summary>The node's pid files and their folder are owner-only (0600 / 0700), not world-readable.</summary>
[UnsupportedOSPlatform("windows")] // Unix modes; the suite runs on Linux.
public sealed class StateFileModeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("claudbot-modes-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void PidFile_IsOwnerOnly_InAnOwnerOnlyFolder()
    {
        string run = Path.Combine(_root, "state", "run");
        var files = new NodePidFiles(run, new NeverAlive());

        files.Write("node", 4242);

        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(Path.Combine(run, "node.pid")));
        Assert.Equal(OwnerOnlyModes.Folder, File.GetUnixFileMode(run));
    }

    private sealed class NeverAlive : ClaudBot.Cluster.Platform.IProcessProbe
    {
        public bool IsClaudBotNode(int pid) => false;
    }
}
