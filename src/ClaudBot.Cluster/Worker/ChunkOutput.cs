namespace ClaudBot.Cluster.Worker;

/// <summary>
/// A chunk's results as stored: <see cref="TasksJson"/> is a JSON array (UTF-8) of task results in task order;
/// <see cref="SummaryJson"/> holds the chunk's best result by Sharpe, so the driver can rank a job
/// without reading every task.
/// </summary>
internal sealed record ChunkOutput(byte[] TasksJson, string SummaryJson, int Tasks, int Failed, IReadOnlyList<string> Errors);
