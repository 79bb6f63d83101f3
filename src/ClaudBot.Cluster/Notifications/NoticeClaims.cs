using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;

namespace ClaudBot.Cluster.Notifications;

/// <summary>
/// "This chat has been told of this" claims in the queue server (SET NX, expiring), so two bots, or one bot restarted,
/// never send one notice twice. The claim is taken before the message is sent: a crash between the two loses that one
/// message rather than repeating it.
/// </summary>
public sealed class NoticeClaims(RedisConnection redis)
{
    /// <summary>How long a claim is kept: longer than any job stays among the recently finished that are announced.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    /// <param name="what">The notice, e.g. <c>end:JOB</c> or <c>failed:JOB</c>.</param>
    /// <returns>True for the one caller that may send it.</returns>
    public async Task<bool> TryClaimAsync(string channel, string chat, string what, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await redis.Database.StringSetAsync(ClusterKeys.Told(channel, chat, what), "1", Kept, StackExchange.Redis.When.NotExists);
    }

    /// <summary>The claim on telling a chat of a job's end, shared by follows (the summary) and subscriptions (one line).</summary>
    public static string JobEnd(string jobId) => "end:" + jobId;
}
