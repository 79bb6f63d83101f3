using System.Collections.Concurrent;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Redis;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// Files each chunk's rows into its job's rows file as the chunk lands, and ranks them on the way: the queue server then
/// keeps only a mark for the chunk, so a million-backtest job's results do not sit in its memory until the job ends,
/// and the summary is ready when the last chunk is in. Crash-safe by order: rows are written at their tasks' place and
/// flushed to disk before the chunk is marked filed (<see cref="QueueScripts.MarkFiled"/>); a driver that dies in
/// between files the chunk again, writing the same bytes. A driver that starts on a job part-filed ranks the filed
/// part again from the file, once. Error numbers live in the queue server (<see cref="QueueScripts.NumberError"/>).
/// </summary>
internal sealed class ResultsFiling(RedisConnection redis, JobStore jobs, WorkQueue queue, IOptions<ClusterOptions> options, IOptions<RedisOptions> redisOptions) : IDisposable
{
    /// <summary>
    /// How many stored chunks wait in the queue server before they are filed while the job runs: about 15 MB of rows.
    /// Filing costs the driver CPU that the workers share (about 0.4 s of the 29,400-backtest bench's 1.2 s when every
    /// 32 chunks were filed), so a job smaller than this is filed in one pass as it finishes.
    /// </summary>
    public const int FileWhenWaiting = 256;

    private readonly ConcurrentDictionary<string, JobFiling> _jobs = new(StringComparer.Ordinal);

    /// <summary>
    /// Files the chunks a running job's workers stored since, once at least <paramref name="least"/> wait (see
    /// <see cref="FileWhenWaiting"/>; until then a chunk's landing costs one list length, not the job's record);
    /// skipped when a filing of the job is already under way (it goes on until none is left), and below the disk's
    /// floor (the results wait in the queue, as a finished job's do).
    /// </summary>
    public async Task FileAsync(string jobId, int least, CancellationToken cancellationToken)
    {
        if (Platform.DiskSpace.Check(options.Value, redisOptions.Value).Low
            || await redis.Database.ListLengthAsync(ClusterKeys.ToFile(jobId)) < least
            || await jobs.GetAsync(jobId, cancellationToken) is not { State: JobState.Running } job)
        {
            return;
        }

        var filing = Of(jobId);
        if (!await filing.Gate.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            await filing.FileListedAsync(job, cancellationToken);
        }
        finally
        {
            filing.Gate.Release();
        }
    }

    /// <summary>
    /// Files whatever of the job is left (every chunk has a result), then puts its rows file, JSON file and summary in
    /// place (<see cref="ResultsStoreWriter.FinishAsync"/>).
    /// </summary>
    /// <exception cref="IOException">The disk, or a chunk that does not fit the job; the results stay in the queue.</exception>
    public async Task<(string Path, ResultsSummary Summary)> FinishAsync(JobStatus job, JobState state, DateTimeOffset finishedAt, IReadOnlyList<string> chunkSummaries, CancellationToken cancellationToken)
    {
        var filing = Of(job.Id);
        await filing.Gate.WaitAsync(cancellationToken);
        try
        {
            return await filing.FinishAsync(job, state, finishedAt, chunkSummaries, cancellationToken);
        }
        finally
        {
            filing.Gate.Release();
        }
    }

    /// <summary>Forgets a finished or cancelled job; a cancelled job's partial rows file is deleted.</summary>
    public void Forget(string jobId, bool deletePartial)
    {
        if (_jobs.TryRemove(jobId, out var filing))
        {
            filing.Reset();
        }

        if (deletePartial)
        {
            File.Delete(PartialRows.PathFor(ResultsStoreWriter.ResultsPath(options.Value.ResolveResultsDirectory(), jobId)));
        }
    }

    /// <summary>Forgets every job but <paramref name="active"/> (finished by another driver, or gone), keeping their files.</summary>
    public void Retain(IReadOnlySet<string> active)
    {
        foreach (string jobId in _jobs.Keys.Where(id => !active.Contains(id)).ToList())
        {
            Forget(jobId, deletePartial: false);
        }
    }

    public void Dispose()
    {
        foreach (var filing in _jobs.Values)
        {
            filing.Reset();
        }
    }

    private JobFiling Of(string jobId) => _jobs.GetOrAdd(jobId, id => new JobFiling(redis, queue, options.Value.ResolveResultsDirectory(), id));
}
