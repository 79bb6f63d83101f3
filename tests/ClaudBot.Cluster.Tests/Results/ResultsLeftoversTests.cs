using ClaudBot.Cluster.Platform;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>Partial results files of a driver killed mid-write are removed when a driver starts; live writers' are kept.</summary>
public sealed class ResultsLeftoversTests : IDisposable
{
    private const int DeadPid = 2_000_000_001;
    private const int LiveNodePid = 2_000_000_002;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-leftovers-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void Clean_RemovesTemporaryFilesOfDeadWriters_KeepsLiveOnesAndFinalFiles()
    {
        string[] kept = ["job_abc234.json", "job_abc234.summary.json", $"job_def567.json.{LiveNodePid}.tmp", $"job_ghj789.json.{Environment.ProcessId}.tmp", "notes.tmp"];
        string[] leftovers = [$"job_abc234.json.{DeadPid}.tmp", "job_abc234.summary.json.partial"];
        foreach (string name in kept.Concat(leftovers))
        {
            File.WriteAllText(Path.Combine(_scratch.FullName, name), "{");
        }

        var removed = ResultsLeftovers.Clean(_scratch.FullName, new OnlyLive(LiveNodePid));

        Assert.Equal(leftovers.Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.Equal(kept.Order(StringComparer.Ordinal), _scratch.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Clean_OnAMissingFolder_RemovesNothing() =>
        Assert.Empty(ResultsLeftovers.Clean(Path.Combine(_scratch.FullName, "absent"), new OnlyLive(LiveNodePid)));

    private sealed class OnlyLive(int pid) : IProcessProbe
    {
        public bool IsClaudBotNode(int candidate) => candidate == pid;
    }
}
