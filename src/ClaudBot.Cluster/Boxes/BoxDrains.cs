using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;

namespace ClaudBot.Cluster.Boxes;

/// <summary>
/// Drain flags in the queue server, one per box name: the workers of a flagged box take no new chunks, finish (and store)
/// those they hold, then report <see cref="Worker.DrainState.Drained"/> in their heartbeat. A flag stays until
/// <see cref="UndrainAsync"/>, so a drained box that restarts stays drained.
/// </summary>
public sealed class BoxDrains(RedisConnection redis)
{
    /// <summary>Flags <paramref name="box"/>; false when it was flagged already.</summary>
    /// <exception cref="FormatException">Not a box name.</exception>
    public async Task<bool> DrainAsync(string box) => await redis.Database.SetAddAsync(ClusterKeys.Drains, Key(box));

    /// <summary>Clears <paramref name="box"/>'s flag; false when it had none.</summary>
    /// <exception cref="FormatException">Not a box name.</exception>
    public async Task<bool> UndrainAsync(string box) => await redis.Database.SetRemoveAsync(ClusterKeys.Drains, Key(box));

    /// <summary>Every flagged box name, in order.</summary>
    public async Task<IReadOnlyList<string>> ListAsync() =>
        [.. (await redis.Database.SetMembersAsync(ClusterKeys.Drains)).Select(v => v.ToString()).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="box"/> is flagged.</summary>
    public async Task<bool> IsDrainingAsync(string box) => await redis.Database.SetContainsAsync(ClusterKeys.Drains, Key(box));

    // Host names are not case-sensitive, so the flag is kept in one spelling.
    private static string Key(string box) => BoxNames.Validate(box).ToLowerInvariant();
}
