namespace ClaudBot.Cluster.Platform;

/// <summary>
/// The free space of the fullest disk holding the node's folders (queue data, results, logs), against the node's
/// floor (<see cref="ClusterOptions.MinFreeDiskMb"/>). Shown by <c>status</c>, <c>monitor</c> and <c>/healthz</c>.
/// </summary>
/// <param name="Path">The node folder on that disk.</param>
/// <param name="FreeMb">Megabytes free for this user on that disk.</param>
/// <param name="FloorMb">Below this the node takes no new jobs.</param>
public sealed record DiskStatus(string Path, long FreeMb, long FloorMb)
{
    /// <summary>Too little space to take new jobs.</summary>
    public bool Low => FreeMb < FloorMb;

    /// <summary>The one line users see when the node refuses work for want of space.</summary>
    public string Describe() =>
        $"the disk holding {Path} is full: {FreeMb} MB free, below the node's floor of {FloorMb} MB (Cluster:MinFreeDiskMb)";
}
