using System.Diagnostics;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Queue;
using ClaudBot.Hosting;
using ClaudBot.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Daemon;

/// <summary>
/// What <c>start</c> waits for before it returns, so that "started" means ready: the driver's queue server answers,
/// and every worker it started has registered its heartbeat (a <c>monitor</c> right after <c>start</c> lists them).
/// </summary>
internal static class NodeReadiness
{
    // A few seconds on a quiet machine; CI once saw the embedded queue server take over 20 s on a box busy with tests.
    public static readonly TimeSpan QueueTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan WorkersTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    // Short tries: a connection made while the server is still starting can hang for the whole connect timeout
    // (5 s by default); measured, that made 'start' take 8 s instead of 3 s one time in two.
    private static readonly Dictionary<string, string?> ShortConnect = new(StringComparer.Ordinal) { ["Redis:ConnectTimeout"] = "00:00:01" };

    public static async Task<bool> WaitForQueueAsync(CancellationToken cancellationToken) =>
        await PollAsync(_ => true, QueueTimeout, cancellationToken) is not null;

    /// <summary>The started worker processes (by pid on this box) that have not registered within the timeout; empty when all have.</summary>
    public static async Task<IReadOnlyList<int>> WaitForWorkersAsync(IReadOnlyCollection<int> pids, CancellationToken cancellationToken)
    {
        // Workers report the box's name (Cluster:BoxName, else the host name): a worker box set up by 'setup --worker' names itself.
        string box = (ClaudBotHost.CreateBuilder(ShortConnect).Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions()).ResolveBoxName();
        var snapshot = await PollAsync(s => Missing(s, pids, box).Count == 0, WorkersTimeout, cancellationToken);
        return snapshot is null ? [.. pids] : Missing(snapshot, pids, box);
    }

    private static List<int> Missing(ClusterSnapshot snapshot, IReadOnlyCollection<int> pids, string box)
    {
        var registered = snapshot.Workers.Where(w => w.Host == box).Select(w => w.Pid).ToHashSet();
        return [.. pids.Where(pid => !registered.Contains(pid))];
    }

    // The first snapshot that passes; else the last one the queue answered with (null if it never answered).
    private static async Task<ClusterSnapshot?> PollAsync(Func<ClusterSnapshot, bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = Stopwatch.StartNew();
        ClusterSnapshot? last = null;
        while (until.Elapsed < timeout)
        {
            // A fresh connection each time: the endpoint file appears only once the server listens.
            var builder = ClaudBotHost.CreateBuilder(ShortConnect);
            builder.Services.AddClusterClient();
            await using var services = builder.Services.BuildServiceProvider();
            try
            {
                last = await services.GetRequiredService<ClusterClient>().SnapshotAsync(cancellationToken);
                if (done(last))
                {
                    return last;
                }
            }
            catch (RedisUnavailableException)
            {
            }

            await Task.Delay(Poll, cancellationToken);
        }

        return last;
    }
}
