namespace ClaudBot.Node;

/// <summary>What a node process runs: the driver, workers, or both (the default, one box).</summary>
internal enum NodeRole
{
    All,
    Driver,
    Worker,
}
