using System.Globalization;
using ClaudBot.Cluster.Queue;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// A job's chunk summaries as the queue server holds them (<c>results:&lt;id&gt;</c>: field <c>N:s</c> is chunk N's
/// summary; field <c>N</c> its rows, filed by <see cref="ResultsFiling"/>), read a thousand at a time.
/// </summary>
internal static class StoredChunkResults
{
    private const int SummariesPerRead = 1_000;

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
