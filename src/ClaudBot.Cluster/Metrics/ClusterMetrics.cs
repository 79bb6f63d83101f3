using System.Diagnostics.Metrics;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;

namespace ClaudBot.Cluster.Metrics;

/// <summary>
/// The node's instruments, on one <see cref="Meter"/> named <see cref="MeterName"/>. Counts of what the driver did
/// (lease expiries, redeliveries, chunks and backtests completed, jobs finished) are cumulative totals kept here and
/// published as observable counters, so a listener started after the driver (the dashboard's exposition, or
/// dotnet-counters) still reads every count since the node started. The gauges read the last <see cref="QueueSample"/>,
/// taken from the queue server by <see cref="RefreshAsync"/> when scraped; with the server away they report nothing.
/// Every callback only reads fields: it cannot block, and cannot throw.
/// </summary>
public sealed class ClusterMetrics : IDisposable
{
    public const string MeterName = "ClaudBot.Cluster";

    private static readonly JobState[] FinishedStates = [JobState.Completed, JobState.CompletedWithErrors];

    private readonly JobStore _jobs;
    private readonly TimeProvider _time;
    private readonly long[] _jobsFinished = new long[Enum.GetValues<JobState>().Length];
    private long _leaseExpiries;
    private long _redeliveries;
    private long _chunksCompleted;
    private long _backtestsDone;
    private long _backtestsFailed;
    private volatile QueueSample? _sample;

    public ClusterMetrics(JobStore jobs, TimeProvider time)
    {
        _jobs = jobs;
        _time = time;
        Meter = new Meter(MeterName);
        Meter.CreateObservableCounter("claudbot.chunks.lease_expiries", () => Interlocked.Read(ref _leaseExpiries),
            description: "Chunks the driver took back because their worker stopped renewing the lease.");
        Meter.CreateObservableCounter("claudbot.chunks.redeliveries", () => Interlocked.Read(ref _redeliveries),
            description: "Chunks queued again after a lost lease (the rest had their result already or ran out of deliveries).");
        Meter.CreateObservableCounter("claudbot.chunks.completed", () => Interlocked.Read(ref _chunksCompleted),
            description: "Chunks with a result, as the driver saw them (each counted once).");
        Meter.CreateObservableCounter("claudbot.backtests.completed", BacktestsCompleted,
            description: "Backtests finished, by outcome (done or failed); rate() of it is backtests per second.");
        Meter.CreateObservableCounter("claudbot.jobs.finished", JobsFinished,
            description: "Jobs this driver finished, by state (cancelled jobs are in claudbot_jobs).");
        Meter.CreateObservableGauge("claudbot.jobs", JobsByState, description: "Jobs stored on the queue server, by state.");
        Meter.CreateObservableGauge("claudbot.queue.chunks", () => Gauge(s => s.ChunksQueued), description: "Chunks waiting in the queue.");
        Meter.CreateObservableGauge("claudbot.workers", () => Gauge(s => s.Workers), description: "Live workers (heartbeat not expired).");
        Meter.CreateObservableGauge("claudbot.worker.slots", () => Gauge(s => s.Slots), description: "Slots of the live workers.");
        Meter.CreateObservableGauge("claudbot.worker.slots_busy", () => Gauge(s => s.BusySlots), description: "Slots running a chunk.");
        Meter.CreateObservableGauge("claudbot.worker.heartbeat_age_seconds", HeartbeatAges,
            description: "Seconds since the stalest heartbeat of each worker host.");
    }

    public Meter Meter { get; }

    /// <summary>
    /// Reads the queue server for the gauges. A server that is away leaves the gauges empty (a scrape still answers,
    /// with the counters) rather than failing: false then.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await _jobs.SnapshotAsync(cancellationToken);
            var byState = await _jobs.CountByStateAsync(cancellationToken);
            var now = _time.GetUtcNow();
            var ages = snapshot.Workers.GroupBy(w => w.Host, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Math.Max(0, g.Max(w => (now - w.HeartbeatAt).TotalSeconds)), StringComparer.Ordinal);
            _sample = new QueueSample(byState, snapshot.ChunksQueued, snapshot.Workers.Count, snapshot.Workers.Sum(w => w.Slots), snapshot.Workers.Sum(w => w.Busy), ages);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _sample = null;
            return false;
        }
    }

    /// <summary>The reaper found a chunk's lease lapsed and acted: <paramref name="outcome"/> is its requeue script's answer.</summary>
    public void LeaseLapsed(string outcome)
    {
        // 'leased' (renewed meanwhile) and 'gone' (finished meanwhile) are leases that did not expire after all.
        if (outcome is "leased" or "gone")
        {
            return;
        }

        Interlocked.Increment(ref _leaseExpiries);
        if (outcome == "requeued")
        {
            Interlocked.Increment(ref _redeliveries);
        }
    }

    /// <summary>Progress the driver saw since it last looked at a job.</summary>
    public void Progressed(int chunks, int done, int failed)
    {
        Interlocked.Add(ref _chunksCompleted, chunks);
        Interlocked.Add(ref _backtestsDone, done);
        Interlocked.Add(ref _backtestsFailed, failed);
    }

    public void JobFinished(JobState state) => Interlocked.Increment(ref _jobsFinished[(int)state]);

    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<long>> BacktestsCompleted() =>
    [
        new(Interlocked.Read(ref _backtestsDone), new KeyValuePair<string, object?>("outcome", "done")),
        new(Interlocked.Read(ref _backtestsFailed), new KeyValuePair<string, object?>("outcome", "failed")),
    ];

    private IEnumerable<Measurement<long>> JobsFinished() =>
        FinishedStates.Select(s => new Measurement<long>(Interlocked.Read(ref _jobsFinished[(int)s]), new KeyValuePair<string, object?>("state", s.ToName())));

    private IEnumerable<Measurement<int>> JobsByState() =>
        _sample is { } sample
            ? Enum.GetValues<JobState>().Select(s => new Measurement<int>(sample.JobsByState.GetValueOrDefault(s), new KeyValuePair<string, object?>("state", s.ToName())))
            : [];

    private IEnumerable<Measurement<int>> Gauge(Func<QueueSample, int> read) => _sample is { } sample ? [new(read(sample))] : [];

    private IEnumerable<Measurement<double>> HeartbeatAges() =>
        _sample is { } sample ? sample.HeartbeatAgeSecondsByHost.Select(a => new Measurement<double>(a.Value, new KeyValuePair<string, object?>("host", a.Key))) : [];
}
