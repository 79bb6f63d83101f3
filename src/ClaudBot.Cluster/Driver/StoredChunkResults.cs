using System.Globalization;
using System.Runtime.CompilerServices;
using ClaudBot.Cluster.Queue;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// A finished job's chunk results as the queue server holds them (<c>results:&lt;id&gt;</c>: field <c>N</c> is chunk N's
/// tasks, <c>N:s</c> its summary), read a few chunks at a time. Reading the whole hash at once held every result of
/// a 100,000-task job in the driver two or three times over (the reply buffers, then one array per value).
/// </summary>
internal static class StoredChunkResults
{
    /// <summary>Chunks per read: 16 chunks of 300 tasks are a few megabytes.</summary>
    public const int ChunksPerRead = 16;

    private const int SummariesPerRead = 1_000;

    private static readonly byte[] NoTasks = "[]"u8.ToArray();

    /// <summary>Each chunk's summary in chunk order; <c>{}</c> for a missing one.</summary>
    public static async Task<List<string>> SummariesAsync(IDatabase database, string jobId, int chunks)
    {
        var summaries = new List<string>(chunks);
        for (int start = 0; start < chunks; start += SummariesPerRead)
        {
            var values = await database.HashGetAsync(ClusterKeys.Results(jobId), Fields(start, Math.Min(SummariesPerRead, chunks - start), ":s"));
            summaries.AddRange(values.Select(v => v.IsNull ? "{}" : v.ToString()));
        }

        return summaries;
    }

    /// <summary>Each chunk's tasks (a JSON array) in chunk order, <see cref="ChunksPerRead"/> chunks per round trip.</summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> TasksAsync(
        IDatabase database, string jobId, int chunks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int start = 0; start < chunks; start += ChunksPerRead)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = await database.HashGetAsync(ClusterKeys.Results(jobId), Fields(start, Math.Min(ChunksPerRead, chunks - start), ""));
            foreach (var value in values)
            {
                yield return value.IsNull ? NoTasks : (ReadOnlyMemory<byte>)value;
            }
        }
    }

    /// <summary>One chunk's tasks.</summary>
    public static async Task<ReadOnlyMemory<byte>> TasksOfAsync(IDatabase database, string jobId, int chunk)
    {
        var value = await database.HashGetAsync(ClusterKeys.Results(jobId), chunk.ToString(CultureInfo.InvariantCulture));
        return value.IsNull ? NoTasks : (ReadOnlyMemory<byte>)value;
    }

    private static RedisValue[] Fields(int start, int count, string suffix)
    {
        var fields = new RedisValue[count];
        for (int i = 0; i < count; i++)
        {
            fields[i] = (start + i).ToString(CultureInfo.InvariantCulture) + suffix;
        }

        return fields;
    }
}
