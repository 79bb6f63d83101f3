using ClaudBot.Cluster.Worker;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.Worker;

/// <summary>Worker names: stable across restarts, different for workers running at once.</summary>
public sealed class WorkerNameLeaseTests : IDisposable
{
    private readonly TempDirectory _run = new("claudbot-names-");

    public void Dispose() => _run.Dispose();

    private ClusterOptions Options(string? name = "box") => new() { WorkerName = name, RunDirectory = _run.Path };

    [Fact]
    public void TwoWorkersAtOnce_GetNumbersOneAndTwo()
    {
        using var first = WorkerNameLease.Claim(Options());
        using var second = WorkerNameLease.Claim(Options());

        Assert.Equal(("box-1", "box-2"), (first.Identity.Id, second.Identity.Id));
        Assert.Equal(Environment.ProcessId, second.Identity.ProcessId);
    }

    [Fact]
    public void RestartedWorker_GetsItsNameBack_AfterTheFirstLetsGo()
    {
        var first = WorkerNameLease.Claim(Options());
        using var second = WorkerNameLease.Claim(Options());
        first.Dispose();

        using var restarted = WorkerNameLease.Claim(Options());

        Assert.Equal("box-1", restarted.Identity.Id);
    }

    [Fact]
    public void NoName_IsTheHostName()
    {
        using var lease = WorkerNameLease.Claim(Options(name: null));

        Assert.Equal(Environment.MachineName + "-1", lease.Identity.Id);
    }

    [Fact]
    public void NameWithASlash_IsRefusedBeforeAnyFileIsMade()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => WorkerNameLease.Claim(Options("../x")));

        Assert.Contains("'../x' may hold only letters, digits", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_run.Path));
    }
}
