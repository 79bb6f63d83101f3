namespace ClaudBot.Cluster;

/// <summary>What a node process runs: the driver, workers, or both (the default, one box).</summary>
public enum NodeRole
{
    All,
    Driver,
    Worker,
}
