using System.ComponentModel.DataAnnotations;

namespace ClaudBot.Cluster;

/// <summary>How the cluster splits, runs and guards work (section <c>Cluster</c>).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>
    /// A worker's name before its number (<c>i7</c> gives <c>i7-1</c>, <c>i7-2</c>, ...): its log file, heartbeat
    /// and processing list. Empty: the box name (<see cref="BoxName"/>). Letters, digits, '.', '_' and '-' only (it names files and keys).
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]{0,64}$", ErrorMessage = "Cluster:WorkerName may hold only letters, digits, '.', '_' and '-' (at most 64).")]
    public string? WorkerName { get; set; }

    /// <summary>
    /// The box this node's workers report as their host: what <c>status</c> groups them by, what <c>drain HOST</c> names and
    /// what a refusal says ("box w2: ..."). Empty: the machine's host name. Set it to tell two boxes apart that share a host
    /// name, or to run a second "box" on one machine in tests. Letters, digits, '.', '_' and '-' only.
    /// </summary>
    [RegularExpression(Boxes.BoxNames.Pattern, ErrorMessage = "Cluster:BoxName may hold only letters, digits, '.', '_' and '-' (at most 64).")]
    public string? BoxName { get; set; }

    /// <summary>
    /// Whether a worker whose engine version or data files differ from what the driver published takes no chunks (saying why
    /// in its heartbeat and in every unfinished job's notes). Default true. False lets such a box work on; each chunk still
    /// checks the bars of its own symbol, so it fails only the symbols whose data differ.
    /// </summary>
    public bool RefuseMismatchedBoxes { get; set; } = true;

    /// <summary>This node's box name: <see cref="BoxName"/>, else the machine's host name.</summary>
    public string ResolveBoxName() => string.IsNullOrWhiteSpace(BoxName) ? Environment.MachineName : BoxName;

    /// <summary>Chunks a worker process runs at once.</summary>
    [Range(1, 256)]
    public int WorkerSlots { get; set; } = 4;

    /// <summary>A chunk whose lease is not renewed for this long is taken back from its worker and queued again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per task before it is recorded as failed (the first run included).</summary>
    [Range(1, 20)]
    public int TaskAttempts { get; set; } = 3;

    /// <summary>First retry delay of a failing task; doubles on each further attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Deliveries of one chunk (workers dying under it) before its tasks are recorded as failed.</summary>
    [Range(1, 100)]
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>Backtests per chunk: large enough that queue round trips never dominate, small enough to spread over workers.</summary>
    [Range(1, 100_000)]
    public int ChunkSize { get; set; } = 300;

    /// <summary>Most tasks (strategy x symbol x parameter set) one job may have.</summary>
    [Range(1, 10_000_000)]
    public int MaxTasks { get; set; } = Backtesting.BacktestOptions.DefaultMaxTasks;

    /// <summary>
    /// Memory (MB) one job may take in the node while it runs (see <see cref="Jobs.JobMemoryEstimate"/>); a job
    /// estimated above it is refused before anything is queued, in one line that says how much would fit. Unset: half of
    /// the memory the node can see.
    /// </summary>
    [Range(1, 10_000_000)]
    public int? MaxJobMemoryMb { get; set; }

    /// <summary>
    /// Free space (MB) the node keeps on the disk holding its folders (queue data, results, logs). Below it, new jobs
    /// are refused with a line saying so, <c>status</c>/<c>monitor</c>/<c>/healthz</c> show it, and a finished job's
    /// results file waits (its results stay in the queue); all resume by themselves once space returns. 0 turns the floor off.
    /// </summary>
    [Range(0, 10_000_000)]
    public int MinFreeDiskMb { get; set; } = 256;

    /// <summary>
    /// Slows every task by this much. Zero in production; for demos and failure drills (killing a worker
    /// mid-job needs a job that lasts long enough to be caught in the middle).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ThrottlePerTask { get; set; } = TimeSpan.Zero;

    /// <summary>Where the driver writes <c>job_&lt;id&gt;.json</c>; the host sets it to the home's data folder (<c>results/</c>).</summary>
    [Required]
    public string ResultsDirectory { get; set; } = "results";

    public string ResolveResultsDirectory() => Path.GetFullPath(ResultsDirectory, AppContext.BaseDirectory);

    /// <summary>Where the node writes <c>cluster_driver.log</c> and the workers' logs; the host sets it to the home's state folder (<c>logs/</c>).</summary>
    [Required]
    public string LogDirectory { get; set; } = "logs";

    public string ResolveLogDirectory() => Path.GetFullPath(LogDirectory, AppContext.BaseDirectory);

    /// <summary>Where the node's background processes keep their pid files; the host sets it to the home's state folder (<c>run/</c>).</summary>
    [Required]
    public string RunDirectory { get; set; } = "run";

    public string ResolveRunDirectory() => Path.GetFullPath(RunDirectory, AppContext.BaseDirectory);
}
