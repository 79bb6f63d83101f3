using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Conversations;

/// <summary>Following a submitted job to its end, apart from the conversation proper: each channel shows the progress its own way.</summary>
public sealed partial class ConversationEngine
{
    /// <summary>
    /// Follows a submitted job to its end, reporting each change of progress, then returns its summary
    /// (ranked table, best per symbol, equity chart). Cancelling stops the following, not the job.
    /// </summary>
    public async Task<Reply> FollowAsync(string jobId, IProgress<JobStatus>? progress, CancellationToken cancellationToken) =>
        (await FollowToEndAsync(jobId, progress, null, cancellationToken).ConfigureAwait(false)).Reply;

    /// <summary>
    /// As <see cref="FollowAsync"/>, saying whether the job was seen to end (false: the cluster was lost on the way, and the
    /// reply says so), with the summary's ranked table cut to <paramref name="top"/> rows where given.
    /// </summary>
    public async Task<FollowOutcome> FollowToEndAsync(string jobId, IProgress<JobStatus>? progress, int? top, CancellationToken cancellationToken)
    {
        JobStatus job;
        try
        {
            var client = await _target.ClientAsync(cancellationToken).ConfigureAwait(false);
            job = await client.WaitAsync(jobId, progress, cancellationToken).ConfigureAwait(false);
            progress?.Report(job);
        }
        catch (ClusterTargetException problem)
        {
            return new(Reply.Error($"Stopped following job {jobId}: {problem.Message} Type 'job {jobId} status' later."), false);
        }
        catch (Redis.RedisUnavailableException unavailable)
        {
            return new(Reply.Error($"Lost the cluster's queue while following job {jobId}: {unavailable.Message} The job is kept; type 'job {jobId} status' later."), false);
        }

        try
        {
            return new(await _summaries.BuildAsync(job, cancellationToken, top: top).ConfigureAwait(false), true);
        }
        catch (Exception problem) when (problem is ClusterTargetException or Redis.RedisUnavailableException)
        {
            // The job did end: say how, even when its summary cannot be had now.
            return new(Reply.Error($"Job {jobId} ended ({job.State.ToName()}) but its summary could not be read: {problem.Message} Type 'results of job {jobId}' later."), true);
        }
    }
}

/// <summary>A followed job's closing reply, and whether the job was seen to end (false: the cluster was lost first).</summary>
public sealed record FollowOutcome(Reply Reply, bool Ended);
