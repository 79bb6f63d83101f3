namespace ClaudBot.Cluster.Driver;

/// <summary>A task recorded as failed, as it appears in the results.</summary>
internal sealed record FailedTask(int Index, string Strategy, string Symbol, string Error);
