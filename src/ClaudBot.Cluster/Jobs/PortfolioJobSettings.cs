using System.Globalization;

namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// A portfolio job (docs/portfolio.md, "As a cluster job"): every parameter set of the strategies' grid runs as one
/// portfolio over all the job's symbols, once for each value of <see cref="MaxPositions"/>; <see cref="Rank"/>
/// (<c>strength</c> or <c>momentum(N)</c>) and <see cref="Size"/> (<c>slots</c>, <c>pct:P</c>, <c>amount:A</c>) as the
/// planner resolved them. Each positions value is a lane of the job's tasks, named by <see cref="LaneLabel"/>.
/// </summary>
public sealed record PortfolioJobSettings(IReadOnlyList<int> MaxPositions)
{
    public string Rank { get; init; } = "strength";

    public string Size { get; init; } = "slots";

    /// <summary>Symbols that run a strategy of their own, canonical (every grid point runs the grid's strategy on the rest).</summary>
    public IReadOnlyDictionary<string, string>? PerSymbol { get; init; }

    /// <summary>What a portfolio result's symbol reads as: the lane's positions, e.g. <c>5 positions</c>.</summary>
    public static string LaneLabel(int maxPositions) =>
        string.Create(CultureInfo.InvariantCulture, $"{maxPositions} position{(maxPositions == 1 ? string.Empty : "s")}");

    /// <summary>The positions value a result's lane label names, or null when it names none of this job's.</summary>
    public int? PositionsOf(string laneLabel)
    {
        foreach (int positions in MaxPositions)
        {
            if (LaneLabel(positions) == laneLabel)
            {
                return positions;
            }
        }

        return null;
    }

    /// <summary>"at most 5, 10 or 20 positions, sized by slots, ranked by strength".</summary>
    public string Describe()
    {
        var values = MaxPositions.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();
        string list = values.Length == 1 ? values[0] : $"{string.Join(", ", values[..^1])} or {values[^1]}";
        string own = PerSymbol is { Count: > 0 } perSymbol ? $", {string.Join(", ", perSymbol.Select(p => $"{p.Key} on {p.Value}"))}" : string.Empty;
        return $"at most {list} position{(values is ["1"] ? string.Empty : "s")}, sized by {Size}, ranked by {Rank}{own}";
    }
}
