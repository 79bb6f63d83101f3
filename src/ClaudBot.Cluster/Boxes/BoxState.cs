namespace ClaudBot.Cluster.Boxes;

/// <summary>Whether a box's workers take work: yes, refused (another engine or data than the server's), or drained.</summary>
public enum BoxState
{
    /// <summary>Its workers take chunks.</summary>
    Working,

    /// <summary>Its engine or data differ from the server's: it takes no chunks until they match.</summary>
    Refused,

    /// <summary>Flagged to drain; some worker still finishes chunks it holds.</summary>
    Draining,

    /// <summary>Flagged to drain and every worker idle (or none left): safe to stop.</summary>
    Drained,
}
