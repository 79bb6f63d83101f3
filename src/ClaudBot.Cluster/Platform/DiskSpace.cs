using ClaudBot.Redis;

namespace ClaudBot.Cluster.Platform;

/// <summary>Measures the free space under the node's folders. Every process of a node, and every client on its machine, asks the same disk.</summary>
public static class DiskSpace
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>The fullest of the disks holding the results, the logs and (when the node serves it) the queue's data.</summary>
    public static DiskStatus Check(ClusterOptions cluster, RedisOptions redis)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(redis);
        var folders = new List<string> { cluster.ResolveResultsDirectory(), cluster.ResolveLogDirectory() };
        if (redis.UsesEmbeddedServer)
        {
            folders.Insert(0, redis.ResolveEmbeddedDirectory());
        }

        var fullest = folders.Select(f => (Folder: f, Free: FreeBytes(f))).MinBy(f => f.Free);
        return new DiskStatus(fullest.Folder, fullest.Free / Megabyte, cluster.MinFreeDiskMb);
    }

    /// <summary>Bytes this user may still write on the disk holding <paramref name="path"/> (the nearest folder that exists).</summary>
    public static long FreeBytes(string path)
    {
        string? existing = Path.GetFullPath(path);
        while (existing is not null && !Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing);
        }

        // DriveInfo on Unix asks statvfs of any path, so the folder itself names its mount.
        return new DriveInfo(existing ?? Path.GetPathRoot(Path.GetFullPath(path))!).AvailableFreeSpace;
    }
}
