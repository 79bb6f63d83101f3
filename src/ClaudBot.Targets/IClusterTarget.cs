using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Status;

namespace ClaudBot.Targets;

/// <summary>
/// The cluster a client acts on: the node service on this machine (<c>local</c>) or on a server reached over SSH
/// (<c>ssh</c>). Every method says what went wrong with a <see cref="ClusterTargetException"/> the user can act on.
/// </summary>
public interface IClusterTarget
{
    /// <summary>Where the cluster runs, for replies ("this machine", "i7 over SSH").</summary>
    string Description { get; }

    /// <summary>Starts the driver and workers; says so when they already run.</summary>
    Task<string> StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops the driver and workers; running jobs resume after the next start.</summary>
    Task<string> StopAsync(CancellationToken cancellationToken);

    /// <summary>Processes, workers, jobs, queue and load; a stopped cluster is a status, not an error.</summary>
    Task<NodeStatus> StatusAsync(CancellationToken cancellationToken);

    /// <summary>The job client of the running cluster; <see cref="ClusterDownException"/> when it is stopped.</summary>
    Task<ClusterClient> ClientAsync(CancellationToken cancellationToken);

    /// <summary>The last <paramref name="lines"/> lines of the driver's or the workers' log.</summary>
    Task<IReadOnlyList<string>> ReadLogAsync(NodeRole component, int lines, CancellationToken cancellationToken);

    /// <summary>Removes finished jobs beyond the newest <paramref name="keep"/>, with their results files where they are written.</summary>
    Task<IReadOnlyList<string>> CleanupAsync(int keep, CancellationToken cancellationToken);

    /// <summary>
    /// Where the node's API (the driver's dashboard server) answers from this machine: its own address for the
    /// local node, a tunnel's for a server. Summaries and equity curves come from there, computed beside the data.
    /// </summary>
    Task<Uri> NodeApiAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the node run on this home's own market data (<paramref name="userDataDirectory"/>, imported or updated):
    /// a server gets the files that differ, each renamed into place whole; the local node reads the folder already.
    /// </summary>
    /// <returns>What was done, in one line.</returns>
    Task<string> PushDataAsync(string userDataDirectory, CancellationToken cancellationToken);

    /// <summary>Opens a finished job's results file for reading.</summary>
    Task<Stream> OpenResultsAsync(JobStatus job, CancellationToken cancellationToken);
}
