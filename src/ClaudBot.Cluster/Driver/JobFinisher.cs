using System.Collections.Concurrent;
using System.Globalization;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Results;
using ClaudBot.Redis;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// Finishes a job whose every chunk has a result: writes its results file, then marks it
/// <c>completed</c> or <c>completed_with_errors</c> and announces it. Completion is judged by the
/// stored results (two fields per chunk), not by the progress counters, and the final counts are taken
/// from the chunks' summaries, so a counter torn by a crash can neither hang a job nor misreport it.
/// Safe to call again: a finished job is left alone.
/// </summary>
internal sealed class JobFinisher(RedisConnection redis, JobStore jobs, JobJournal journal, IOptions<ClusterOptions> options, TimeProvider time)
{
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

        // Results stay UTF-8 bytes from Redis to the file: a sweep's tens of megabytes are never decoded.
        var results = (await redis.Database.HashGetAllAsync(ClusterKeys.Results(jobId))).ToDictionary(e => e.Name.ToString(), e => e.Value);
        var tasks = new List<ReadOnlyMemory<byte>>(job.ChunksTotal);
        var summaries = new List<string>(job.ChunksTotal);
        for (int i = 0; i < job.ChunksTotal; i++)
        {
            string field = i.ToString(CultureInfo.InvariantCulture);
            tasks.Add(results.TryGetValue(field, out var value) ? (ReadOnlyMemory<byte>)value : "[]"u8.ToArray());
            summaries.Add(results.TryGetValue(field + ":s", out var summary) ? summary.ToString() : "{}");
        }

        int failed = summaries.Sum(ChunkSummary.Failed);
        job = job with { TasksFailed = failed, TasksDone = job.TasksTotal - failed, ChunksDone = job.ChunksTotal };
        var state = failed > 0 ? JobState.CompletedWithErrors : JobState.Completed;
        var finishedAt = time.GetUtcNow();
        string path = await ResultsFileWriter.WriteAsync(options.Value.ResolveResultsDirectory(), job, state, finishedAt, tasks, summaries, cancellationToken);

        // Ranked once, here beside the data, so every client's summary is a small read (see StoredSummary).
        await StoredSummary.WriteAsync(path, cancellationToken);
        long finished = (long)await redis.Database.ScriptEvaluateAsync(
            QueueScripts.Finish,
            [ClusterKeys.Job(jobId), ClusterKeys.ActiveJobs],
            [jobId, state.ToName(), JobStore.Format(finishedAt), path, job.TasksDone, job.TasksFailed]);
        if (finished == 1)
        {
            journal.Finished(job, state, finishedAt, path, Failures(tasks, summaries));
            await jobs.PublishAsync(new ClusterEvent("job_done", jobId, job.TasksDone, job.TasksFailed, job.TasksTotal, state.ToName(), path));
        }

        return finished == 1;
    }

    // Only chunks whose summary counts failures are parsed: a sweep's tens of megabytes of results are not.
    private static List<FailedTask> Failures(List<ReadOnlyMemory<byte>> tasks, List<string> summaries)
    {
        var failures = new List<FailedTask>();
        for (int i = 0; i < tasks.Count && failures.Count < JobJournal.MaxFailuresLogged; i++)
        {
            if (ChunkSummary.Failed(summaries[i]) > 0)
            {
                failures.AddRange(ChunkFailures.Read(tasks[i], JobJournal.MaxFailuresLogged - failures.Count));
            }
        }

        return failures;
    }
}
