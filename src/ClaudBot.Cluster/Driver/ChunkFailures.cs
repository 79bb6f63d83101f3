using System.Text.Json;

namespace ClaudBot.Cluster.Driver;

/// <summary>The failed tasks of one chunk's stored results (the entries with an <c>error</c>), for the driver's log.</summary>
internal static class ChunkFailures
{
    /// <summary>Up to <paramref name="limit"/> failed tasks of <paramref name="tasksJson"/>, in task order.</summary>
    public static IReadOnlyList<FailedTask> Read(ReadOnlyMemory<byte> tasksJson, int limit)
    {
        var failures = new List<FailedTask>();
        using var document = JsonDocument.Parse(tasksJson);
        foreach (var task in document.RootElement.EnumerateArray())
        {
            if (failures.Count >= limit)
            {
                break;
            }

            if (task.TryGetProperty("error", out var error))
            {
                failures.Add(new FailedTask(
                    task.GetProperty("index").GetInt32(), task.GetProperty("strategy").GetString() ?? "", task.GetProperty("symbol").GetString() ?? "", error.GetString() ?? ""));
            }
        }

        return failures;
    }
}
