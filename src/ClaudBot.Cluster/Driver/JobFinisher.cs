using System.Collections.Concurrent;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Platform;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// Finishes a job whose every chunk has a result: writes its results file, then marks it
/// <c>completed</c> or <c>completed_with_errors</c> and announces it. Completion is judged by the
/// stored results (two fields per chunk), not by the progress counters, and the final counts are taken
/// from the chunks' summaries, so a counter torn by a crash can neither hang a job nor misreport it.
/// Safe to call again: a finished job is left alone.
/// </summary>
internal sealed partial class JobFinisher(
    RedisConnection redis,
    JobStore jobs,
    ResultsFiling filing,
    JobJournal journal,
    JobProgressMeter progress,
    WalkForwardReports walkForwards,
    IOptions<ClusterOptions> options,
    IOptions<RedisOptions> redisOptions,
    TimeProvider time,
    ILogger<JobFinisher> logger)
{
    // Jobs whose results file waits for disk space: logged once when they start waiting and once when they go on.
    private readonly ConcurrentDictionary<string, bool> _waitingForSpace = new(StringComparer.Ordinal);

    // The event handler and the sweep may both see a job complete; it is finished once, not twice in parallel.
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _finishing = new(StringComparer.Ordinal);

    /// <returns>True when this call (or the one already running for the job) finished the job.</returns>
    public async Task<bool> TryFinishAsync(string jobId, CancellationToken cancellationToken)
    {
        var attempt = _finishing.GetOrAdd(jobId, id => new Lazy<Task<bool>>(() => FinishAsync(id, cancellationToken)));
        try
        {
            return await attempt.Value;
        }
        finally
        {
            _finishing.TryRemove(new KeyValuePair<string, Lazy<Task<bool>>>(jobId, attempt));
        }
    }

    private async Task<bool> FinishAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(jobId, cancellationToken);
        if (job is null || job.State.IsTerminal() || await redis.Database.HashLengthAsync(ClusterKeys.Results(jobId)) < 2L * job.ChunksTotal)
        {
            return false;
        }

        // Results stay UTF-8 bytes from Redis to the file, a few chunks at a time: a sweep's hundreds of megabytes
        // are never decoded, nor held whole (see StoredChunkResults).
        var summaries = await StoredChunkResults.SummariesAsync(redis.Database, jobId, job.ChunksTotal);
        int failed = summaries.Sum(ChunkSummary.Failed);
        job = job with { TasksFailed = failed, TasksDone = job.TasksTotal - failed, ChunksDone = job.ChunksTotal };
        var state = failed > 0 ? JobState.CompletedWithErrors : JobState.Completed;
        var finishedAt = time.GetUtcNow();

        // Below the floor the file waits and the results stay in the queue: the sweep tries again, and goes on by
        // itself once space returns. One line when it starts waiting, not one per sweep.
        var disk = DiskSpace.Check(options.Value, redisOptions.Value);
        string path;
        ResultsSummary written;
        try
        {
            if (disk.Low)
            {
                throw new DiskFullException(disk);
            }

            // The chunks filed as they landed are ranked already; the rest are filed now, then the files put in place.
            (path, written) = await filing.FinishAsync(job, state, finishedAt, summaries, cancellationToken);
        }
        catch (IOException full) when (DiskFullException.IsDiskFull(full))
        {
            if (_waitingForSpace.TryAdd(jobId, true))
            {
                LogWaitingForSpace(jobId, full.Message);
            }

            return false;
        }

        if (_waitingForSpace.TryRemove(jobId, out _))
        {
            LogSpaceReturned(jobId);
        }

        await WriteWalkForwardAsync(job with { State = state, ResultsFile = path }, cancellationToken);

        long finished = (long)await redis.Database.ScriptEvaluateAsync(
            QueueScripts.Finish,
            [ClusterKeys.Job(jobId), ClusterKeys.ActiveJobs, .. ClusterKeys.JobData(jobId)],
            [jobId, state.ToName(), JobStore.Format(finishedAt), path, job.TasksDone, job.TasksFailed]);
        filing.Forget(jobId, deletePartial: false);
        if (finished == 1)
        {
            await DropPayloadsAsync(job);
            journal.Finished(job, state, finishedAt, path, written.Failures);
            progress.Finished(job, state);
            await jobs.PublishAsync(new ClusterEvent("job_done", jobId, job.TasksDone, job.TasksFailed, job.TasksTotal, state.ToName(), path));
        }

        return finished == 1;
    }

    // Made now so a walk-forward is read as soon as it is announced; one that fails here is made when first asked.
    private async Task WriteWalkForwardAsync(JobStatus job, CancellationToken cancellationToken)
    {
        if (job.Spec.WalkForward is null)
        {
            return;
        }

        try
        {
            await walkForwards.EnsureAsync(job, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Whatever went wrong, the job still finishes: its results are written and the report is made when asked.
            LogWalkForwardLater(job.Id, failure.Message);
        }
    }

    // A finished job's chunks are never handed out again (a worker drops a chunk of a finished job unread), and its
    // parameter sets are in its rows file.
    private async Task DropPayloadsAsync(JobStatus job)
    {
        foreach (var batch in ClusterKeys.ChunkData(job.Id, job.ChunksTotal, job.Spec.LaneCount()).Chunk(500))
        {
            await redis.Database.KeyDeleteAsync(batch);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} is done but its results file waits for disk space (its results stay in the queue): {Reason}")]
    private partial void LogWaitingForSpace(string jobId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}'s walk-forward report was not written now (it is made when first asked): {Reason}")]
    private partial void LogWalkForwardLater(string jobId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Disk space returned: writing the results file of job {JobId}")]
    private partial void LogSpaceReturned(string jobId);
}
