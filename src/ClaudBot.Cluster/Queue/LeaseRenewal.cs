namespace ClaudBot.Cluster.Queue;

/// <summary>What renewing a chunk's lease found.</summary>
public enum LeaseRenewal
{
    /// <summary>The worker held it; it runs for another lease.</summary>
    Held,

    /// <summary>It had lapsed but the chunk was still the worker's and not done: the worker holds it again.</summary>
    Retaken,

    /// <summary>Another worker holds it, or the reaper took the chunk back: the result still counts once if stored first.</summary>
    Lost,
}
