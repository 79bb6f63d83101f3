namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// A portfolio job as every channel writes it (the API's <c>portfolio</c> object, the CLIs' options, chat's slots):
/// the positions values to try, the ranking and the size; absent parts take the defaults of <see cref="PortfolioJobSettings"/>.
/// </summary>
/// <param name="PerSymbol">Symbols (as typed) that run a strategy of their own (as typed); checked by the planner.</param>
public sealed record PortfolioJobText(IReadOnlyList<int>? MaxPositions, string? Rank = null, string? Size = null, IReadOnlyDictionary<string, string>? PerSymbol = null)
{
    /// <exception cref="FormatException">No positions value given.</exception>
    public PortfolioJobSettings Parse()
    {
        if (MaxPositions is not { Count: > 0 } positions)
        {
            throw new FormatException("A portfolio job needs max_positions: one or more position counts, e.g. [5, 10, 20].");
        }

        // What is not given keeps the settings' own defaults (one definition of them).
        var defaults = new PortfolioJobSettings(positions);
        return defaults with { Rank = Rank ?? defaults.Rank, Size = Size ?? defaults.Size, PerSymbol = PerSymbol };
    }

    public static PortfolioJobText Of(PortfolioJobSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.MaxPositions, settings.Rank, settings.Size, settings.PerSymbol);
    }
}
