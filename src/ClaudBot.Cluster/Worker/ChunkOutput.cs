using System.Text;
using System.Text.Json;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// A chunk's results as stored: <see cref="TasksJson"/> is a JSON array (UTF-8) of task results in task order;
/// <see cref="SummaryJson"/> holds the chunk's best result by Sharpe, so the driver can rank a job
/// without reading every task.
/// </summary>
internal sealed record ChunkOutput(byte[] TasksJson, string SummaryJson, int Tasks, int Failed, IReadOnlyList<string> Errors)
{
    /// <summary>
    /// Every task of <paramref name="chunk"/> recorded as failed with <paramref name="error"/>: for a chunk that cannot
    /// be run (it threw, or kept killing its workers), so its job still finishes and says why.
    /// </summary>
    public static ChunkOutput AllFailed(ChunkPayload chunk, string error)
    {
        string tasks = "[" + string.Join(",", chunk.Strategies.Select((s, i) => JsonSerializer.Serialize(
            new ResultFailure(chunk.FirstTask + i, s, chunk.Symbol, error), ClusterJson.Default.ResultFailure))) + "]";
        string summary = $$"""{"symbol":{{JsonSerializer.Serialize(chunk.Symbol, ClusterJson.Default.String)}},"tasks":{{chunk.Strategies.Count}},"failed":{{chunk.Strategies.Count}}}""";
        int count = chunk.Strategies.Count;
        return new ChunkOutput(Encoding.UTF8.GetBytes(tasks), summary, count, count, [$"{count} tasks on {chunk.Symbol} failed: {error}"]);
    }
}
