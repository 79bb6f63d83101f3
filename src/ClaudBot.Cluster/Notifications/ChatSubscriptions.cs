using System.Globalization;
using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;

namespace ClaudBot.Cluster.Notifications;

/// <summary>
/// Chats that hear of every job's end (whoever submitted it) and of the cluster's alerts, kept in the queue server per
/// channel with the time each subscribed: a chat is told only of jobs that ended after it subscribed.
/// </summary>
public sealed class ChatSubscriptions(RedisConnection redis)
{
    /// <returns>False when the chat was already subscribed (its first subscription time is kept).</returns>
    public async Task<bool> AddAsync(string channel, string chat, DateTimeOffset at, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await redis.Database.HashSetAsync(ClusterKeys.Subscriptions(channel), chat, at.ToUnixTimeMilliseconds(), StackExchange.Redis.When.NotExists);
    }

    /// <returns>False when the chat was not subscribed.</returns>
    public async Task<bool> RemoveAsync(string channel, string chat, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await redis.Database.HashDeleteAsync(ClusterKeys.Subscriptions(channel), chat);
    }

    /// <summary>Every subscribed chat on <paramref name="channel"/> with the time it subscribed.</summary>
    public async Task<IReadOnlyList<ChatSubscription>> ListAsync(string channel, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await redis.Database.HashGetAllAsync(ClusterKeys.Subscriptions(channel));
        var chats = new List<ChatSubscription>(entries.Length);
        foreach (var entry in entries)
        {
            if (long.TryParse(entry.Value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long since))
            {
                chats.Add(new ChatSubscription(entry.Name.ToString(), DateTimeOffset.FromUnixTimeMilliseconds(since)));
            }
        }

        return chats;
    }
}

/// <summary>A subscribed chat and when it subscribed.</summary>
public sealed record ChatSubscription(string Chat, DateTimeOffset Since);
