using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Status;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Tests.Actions;

/// <summary>
/// A target that records cleanups and hands out no client (null), as the old <c>JobActions</c> fetched one
/// before choosing a branch: whatever an action does, a cleanup it starts is counted.
/// </summary>
internal sealed class RecordingTarget : IClusterTarget
{
    public List<int> Cleanups { get; } = [];

    public string Description => "recording";

    public Task<IReadOnlyList<string>> CleanupAsync(int keep, CancellationToken cancellationToken)
    {
        Cleanups.Add(keep);
        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    public Task<ClusterClient> ClientAsync(CancellationToken cancellationToken) => Task.FromResult<ClusterClient>(null!);

    /// <summary>Each folder a push was asked for, in order.</summary>
    public List<string> Pushes { get; } = [];

    public Task<string> PushDataAsync(string userDataDirectory, CancellationToken cancellationToken)
    {
        Pushes.Add(userDataDirectory);
        return Task.FromResult("pushed");
    }

    public Task<Uri> NodeApiAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Stream> OpenResultsAsync(JobStatus job, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> ReadLogAsync(NodeRole component, int lines, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> StartAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<NodeStatus> StatusAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> StopAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
