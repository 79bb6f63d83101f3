using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results.Store;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// A chunk's results as stored: <see cref="Rows"/> are its tasks' figures in task order (<see cref="ChunkRows"/>);
/// <see cref="SummaryJson"/> holds the chunk's task and failure counts and its best result by Sharpe.
/// </summary>
internal sealed record ChunkOutput(byte[] Rows, string SummaryJson, int Tasks, int Failed, IReadOnlyList<string> Errors)
{
    /// <summary>
    /// Every task of <paramref name="chunk"/> recorded as failed with <paramref name="error"/>: for a chunk that cannot
    /// be run (it threw, or kept killing its workers), so its job still finishes and says why.
    /// </summary>
    public static ChunkOutput AllFailed(ChunkPayload chunk, string error)
    {
        int count = chunk.Strategies.Count;
        var rows = new ChunkRows.Builder(chunk.FirstTask, count, marketIndex: null);
        for (int i = 0; i < count; i++)
        {
            rows.AddFailure(error);
        }

        string summary = $$"""{"symbol":{{JsonSerializer.Serialize(chunk.Symbol, ClusterJson.Default.String)}},"tasks":{{count}},"failed":{{count}}}""";
        return new ChunkOutput(rows.ToArray(), summary, count, count, [$"{count} tasks on {chunk.Symbol} failed: {error}"]);
    }
}
