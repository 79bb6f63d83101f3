using System.Collections.Concurrent;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Redis;

namespace ClaudBot.Cluster.Queue;

/// <summary>
/// Reads the parameter texts a chunk names by block (<see cref="ClusterKeys.ParameterBlock"/>), remembering the last few
/// blocks: a job's chunks for every symbol run the same blocks, so a worker reads each block about once per job.
/// </summary>
internal sealed class ParameterBlocks(RedisConnection redis)
{
    // Every block of a job of up to 76,800 parameter sets at 300 a chunk (about 5 MB of texts); past it the cache starts
    // again, and a chunk costs one more read of about 15 KB, against the milliseconds its backtests take.
    private const int Kept = 256;
    private readonly ConcurrentDictionary<(string JobId, int Block), IReadOnlyList<string>> _kept = new();

    /// <summary>The chunk with its texts filled in; null when its job's blocks are gone (the job finished or was deleted).</summary>
    public async Task<ChunkPayload?> FillAsync(ChunkPayload chunk)
    {
        if (chunk.ParameterBlock is not { } block || chunk.Strategies.Count > 0)
        {
            return chunk;
        }

        if (!_kept.TryGetValue((chunk.JobId, block), out var texts))
        {
            var stored = await redis.Database.StringGetAsync(ClusterKeys.ParameterBlock(chunk.JobId, block));
            if (stored.IsNullOrEmpty)
            {
                return null;
            }

            texts = JsonSerializer.Deserialize(stored.ToString(), ClusterJson.Default.IReadOnlyListString)
                ?? throw new InvalidDataException($"Job {chunk.JobId}'s parameter block {block} is not a list of texts.");
            if (_kept.Count >= Kept)
            {
                _kept.Clear();
            }

            _kept[(chunk.JobId, block)] = texts;
        }

        return chunk with { Strategies = texts };
    }
}
