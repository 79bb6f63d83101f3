using System.Buffers;
using System.Globalization;
using ClaudBot.Hosting;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// A worker's stable name, <c>&lt;name&gt;-&lt;n&gt;</c> (<see cref="ClusterOptions.WorkerName"/>, the box name by
/// default), held by this process for its lifetime: the lowest <c>n</c> whose lock file in the run folder no live
/// process holds. A restarted worker gets its name back, so its log file, processing list and heartbeat key are
/// reused rather than piling up one per process; two workers running at once on one box still get different names.
/// The lock is the operating system's (flock), so a worker killed with SIGKILL frees its name at once.
/// </summary>
public sealed class WorkerNameLease : IDisposable
{
    /// <summary>More workers than this on one box under one name is a mistake, not a cluster.</summary>
    public const int MaxPerHost = 64;

    private static readonly SearchValues<char> NameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");
    private readonly FileStream _lock;

    private WorkerNameLease(WorkerIdentity identity, FileStream held)
    {
        Identity = identity;
        _lock = held;
    }

    public WorkerIdentity Identity { get; }

    /// <summary>Takes the first free name for the worker configured by <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">The name has characters a file name cannot, or all <see cref="MaxPerHost"/> names are held.</exception>
    public static WorkerNameLease Claim(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string box = options.ResolveBoxName();
        string name = string.IsNullOrWhiteSpace(options.WorkerName) ? box : options.WorkerName;
        if (name.AsSpan().IndexOfAnyExcept(NameChars) >= 0)
        {
            // Checked here too: the composition claims the name (for the log file's name) before options are validated.
            throw new InvalidOperationException($"The worker name '{name}' may hold only letters, digits, '.', '_' and '-' (Cluster:WorkerName).");
        }

        string folder = options.ResolveRunDirectory();
        PrivateFiles.CreateDirectory(folder);
        for (int n = 1; n <= MaxPerHost; n++)
        {
            string id = string.Create(CultureInfo.InvariantCulture, $"{name}-{n}");
            try
            {
                // FileShare.None is an exclusive flock on Unix (and a sharing lock on Windows): held while this stream is open.
                var held = PrivateFiles.Open(Path.Combine(folder, $"worker_{id}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new WorkerNameLease(new WorkerIdentity(id, box, Environment.ProcessId), held);
            }
            catch (IOException)
            {
                // Another live worker holds this name; try the next.
            }
        }

        throw new InvalidOperationException($"{MaxPerHost} workers named '{name}' already run on this box (lock files in {folder}).");
    }

    public void Dispose() => _lock.Dispose();
}
