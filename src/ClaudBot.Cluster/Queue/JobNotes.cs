using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Redis;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Queue;

/// <summary>
/// Adds a note to unfinished jobs, once each: the note goes in only if the job does not carry it yet, in a transaction
/// that fails when the job's state or notes changed meanwhile (another worker of the same box adding the same line), and is
/// then tried again. Finished jobs are left alone: their results file was written with the notes they had.
/// </summary>
internal sealed class JobNotes(RedisConnection redis)
{
    private const int Attempts = 5;

    /// <summary>Adds <paramref name="note"/> to every queued or running job; returns the ids of the jobs that got it now.</summary>
    public async Task<IReadOnlyList<string>> AddToUnfinishedAsync(string note)
    {
        var added = new List<string>();
        foreach (var id in await redis.Database.SetMembersAsync(ClusterKeys.ActiveJobs))
        {
            if (await AddAsync(id.ToString(), note))
            {
                added.Add(id.ToString());
            }
        }

        return added;
    }

    /// <summary>Adds <paramref name="note"/> to the job unless it is finished, gone, or has the note already.</summary>
    public async Task<bool> AddAsync(string jobId, string note)
    {
        var db = redis.Database;
        var key = ClusterKeys.Job(jobId);
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            var fields = await db.HashGetAsync(key, ["state", "notes"]);
            if (fields[0].IsNullOrEmpty || JobStateNames.Parse(fields[0].ToString()).IsTerminal())
            {
                return false;
            }

            var notes = fields[1].IsNullOrEmpty ? [] : JsonSerializer.Deserialize(fields[1].ToString(), ClusterJson.Default.IReadOnlyListString) ?? [];
            if (notes.Contains(note, StringComparer.Ordinal))
            {
                return false;
            }

            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.HashEqual(key, "state", fields[0]));
            transaction.AddCondition(fields[1].IsNull ? Condition.HashNotExists(key, "notes") : Condition.HashEqual(key, "notes", fields[1]));
            _ = transaction.HashSetAsync(key, "notes", JsonSerializer.Serialize<IReadOnlyList<string>>([.. notes, note], ClusterJson.Default.IReadOnlyListString));
            if (await transaction.ExecuteAsync())
            {
                return true;
            }
        }

        return false;
    }
}
