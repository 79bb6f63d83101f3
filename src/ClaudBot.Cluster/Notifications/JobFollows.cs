using System.Text.Json;
using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;

namespace ClaudBot.Cluster.Notifications;

/// <summary>
/// Which chats follow which job, kept in the queue server (one hash per channel, "job|chat" to the follower as JSON),
/// so a bot that restarts mid-job still reports the jobs it was following, and a job a schedule fires reaches the chat
/// that made the schedule. A follow is removed once its chat has been told of the job's end.
/// </summary>
public sealed class JobFollows(RedisConnection redis)
{
    /// <summary>Records that <paramref name="follower"/> wants to hear of <paramref name="jobId"/>'s end (idempotent).</summary>
    public async Task AddAsync(string jobId, JobFollower follower, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(follower);
        cancellationToken.ThrowIfCancellationRequested();
        await redis.Database.HashSetAsync(ClusterKeys.Follows(follower.Channel), Field(jobId, follower.Chat), JsonSerializer.Serialize(follower, ClusterJson.Default.JobFollower));
    }

    /// <summary>Every follow on <paramref name="channel"/>, in no promised order.</summary>
    public async Task<IReadOnlyList<(string JobId, JobFollower Follower)>> ListAsync(string channel, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await redis.Database.HashGetAllAsync(ClusterKeys.Follows(channel));
        var follows = new List<(string, JobFollower)>(entries.Length);
        foreach (var entry in entries)
        {
            string field = entry.Name.ToString();
            int bar = field.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0 || Read(entry.Value.ToString()) is not { } follower)
            {
                continue; // hand-edited or from a later version: skipped, never fatal to the list
            }

            follows.Add((field[..bar], follower));
        }

        return follows;
    }

    /// <returns>False when there was no such follow (another process already delivered it).</returns>
    public async Task<bool> RemoveAsync(string jobId, JobFollower follower, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(follower);
        cancellationToken.ThrowIfCancellationRequested();
        return await redis.Database.HashDeleteAsync(ClusterKeys.Follows(follower.Channel), Field(jobId, follower.Chat));
    }

    private static string Field(string jobId, string chat) => jobId + "|" + chat;

    private static JobFollower? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ClusterJson.Default.JobFollower);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
