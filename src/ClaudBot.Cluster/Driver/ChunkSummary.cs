using System.Text.Json;

namespace ClaudBot.Cluster.Driver;

/// <summary>Reads a chunk's stored summary (<c>{"symbol", "tasks", "failed", "best"}</c>).</summary>
internal static class ChunkSummary
{
    public static int Failed(string summaryJson) =>
        JsonDocument.Parse(summaryJson).RootElement.TryGetProperty("failed", out var failed) ? failed.GetInt32() : 0;
}
