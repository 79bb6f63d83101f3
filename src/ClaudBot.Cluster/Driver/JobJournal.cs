using System.Globalization;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// The driver's log of what happened to each job: queued (id, spec, size), started, each failed task with its
/// reason, and finished (state, times, counts), or cancelled. The driver learns of a job from the event channel
/// and from its sweep, either of which may see it first or not at all (a job done between two sweeps), so each
/// line is written once per job whichever path arrives first, and a finish writes any earlier line still missing.
/// A job already there when this driver started is logged as resumed, not queued again.
/// </summary>
internal sealed partial class JobJournal(ILogger<JobJournal> logger)
{
    /// <summary>Failed tasks logged one by one per job; the rest are counted (the results file has them all).</summary>
    public const int MaxFailuresLogged = ResultsFileReader.FailuresKept;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, bool> _started = new(StringComparer.Ordinal);

    /// <summary>Logs the job's queued (or resumed) and started lines if not yet written.</summary>
    /// <param name="resumed">The job was found on this driver's first sweep: it was queued before the driver started.</param>
    public void Observe(JobStatus job, bool resumed)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (!_started.TryGetValue(job.Id, out bool started))
            {
                if (resumed)
                {
                    string state = job.State.ToName();
                    LogResumed(job.Id, state, job.TasksDone + job.TasksFailed, job.TasksTotal);
                    started = job.StartedAt is not null;
                }
                else
                {
                    var spec = job.Spec;
                    string symbols = string.Join(",", spec.Symbols);
                    string from = spec.From.ToString("O", CultureInfo.InvariantCulture);
                    string to = spec.To.ToString("O", CultureInfo.InvariantCulture);
                    LogQueued(job.Id, job.TasksTotal, job.ChunksTotal, spec.Strategies, symbols, from, to, spec.CostBps, spec.SubmittedBy);
                }
            }

            if (!started && job.StartedAt is { } at)
            {
                LogStarted(job.Id, (at - job.Spec.SubmittedAt).TotalSeconds);
                started = true;
            }

            _started[job.Id] = started;
        }
    }

    /// <summary>Logs a job this driver finished: lines still missing, its failed tasks, then the outcome.</summary>
    public void Finished(JobStatus job, JobState state, DateTimeOffset finishedAt, string resultsFile, IReadOnlyList<ResultFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(failures);
        lock (_gate)
        {
            Observe(job, resumed: false);
            foreach (var failure in failures.Take(MaxFailuresLogged))
            {
                LogTaskFailed(job.Id, failure.Index, failure.Strategy, failure.Symbol, failure.Error);
            }

            if (job.TasksFailed > MaxFailuresLogged)
            {
                LogMoreFailures(job.Id, job.TasksFailed - MaxFailuresLogged, resultsFile);
            }

            var startedAt = job.StartedAt ?? job.Spec.SubmittedAt;
            string name = state.ToName();
            LogFinished(job.Id, name, (finishedAt - startedAt).TotalSeconds, (finishedAt - job.Spec.SubmittedAt).TotalSeconds, job.TasksDone, job.TasksFailed, job.TasksTotal, resultsFile);
            _started.Remove(job.Id);
        }
    }

    public void Cancelled(ClusterEvent cancelled)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        lock (_gate)
        {
            LogCancelled(cancelled.JobId, cancelled.TasksDone, cancelled.TasksFailed, cancelled.TasksTotal);
            _started.Remove(cancelled.JobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} queued: {Tasks} backtests in {Chunks} chunks; {Strategies} on {Symbols} from {From} to {To}, cost {CostBps} bps, by {SubmittedBy}")]
    private partial void LogQueued(string jobId, int tasks, int chunks, string strategies, string symbols, string from, string to, double costBps, string submittedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} resumed ({State}, {Finished}/{Tasks} backtests finished): it was queued before this driver started")]
    private partial void LogResumed(string jobId, string state, int finished, int tasks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} started: a worker took its first chunk {WaitSeconds:0.000} s after it was queued")]
    private partial void LogStarted(string jobId, double waitSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} task {Index} ({Strategy} on {Symbol}) failed: {Error}")]
    private partial void LogTaskFailed(string jobId, int index, string strategy, string symbol, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: {More} more tasks failed; every failure is in {ResultsFile}")]
    private partial void LogMoreFailures(string jobId, int more, string resultsFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} finished {State} in {RunSeconds:0.000} s ({TotalSeconds:0.000} s since queued): {Done} done, {Failed} failed of {Tasks}; results {ResultsFile}")]
    private partial void LogFinished(string jobId, string state, double runSeconds, double totalSeconds, int done, int failed, int tasks, string resultsFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} cancelled with {Done} done, {Failed} failed of {Tasks}")]
    private partial void LogCancelled(string jobId, int done, int failed, int tasks);
}
