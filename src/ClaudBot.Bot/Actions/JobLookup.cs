using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Intents.Slots;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Actions;

/// <summary>Turns a job slot (<c>abc234</c> or <c>last</c>) into the job, or a message saying there is none.</summary>
internal static class JobLookup
{
    public static async Task<JobStatus> FindAsync(ClusterClient client, string? reference, CancellationToken cancellationToken)
    {
        if (reference is null or JobReference.Last)
        {
            var newest = await client.ListAsync(0, 1, cancellationToken).ConfigureAwait(false);
            return newest.Count > 0 ? newest[0] : throw new ClusterTargetException("There are no jobs yet. Try 'backtest rsi on TCS 2020-2024'.");
        }

        return await client.GetAsync(reference, cancellationToken).ConfigureAwait(false)
            ?? throw new ClusterTargetException($"There is no job '{reference}'. Type 'list jobs' to see the recent ones.");
    }
}
