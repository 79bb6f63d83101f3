namespace ClaudBot.Cluster.Platform;

/// <summary>The node's disk is below its free-space floor, or a write found it full; nothing was queued.</summary>
public sealed class DiskFullException : IOException
{
    public DiskFullException(DiskStatus disk)
        : base(Describe(disk))
    {
        Disk = disk;
    }

    public DiskFullException()
    {
    }

    public DiskFullException(string message)
        : base(message)
    {
    }

    public DiskFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiskStatus? Disk { get; }

    /// <summary>Whether <paramref name="error"/> is the operating system saying the disk is full (ENOSPC, ERROR_DISK_FULL).</summary>
    public static bool IsDiskFull(Exception error) =>
        error is DiskFullException || (error is IOException io && (io.HResult & 0xFFFF) is 28 or 112 or 39);

    private static string Describe(DiskStatus disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        string line = disk.Describe();
        return $"{char.ToUpperInvariant(line[0])}{line[1..]}; nothing was queued. Free some space (claudbot-node cleanup removes old jobs' results); the node takes jobs again by itself.";
    }
}
