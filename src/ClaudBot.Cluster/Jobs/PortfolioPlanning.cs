using System.Globalization;
using ClaudBot.Engine.Portfolio;

namespace ClaudBot.Cluster.Jobs;

/// <summary>What the planner checks and builds for a portfolio job: its settings and its lanes (one per positions value).</summary>
internal static class PortfolioPlanning
{
    /// <summary>The most positions values one job tries: each is a whole pass over the grid.</summary>
    public const int MaxPositionValues = 20;

    /// <summary>The most positions a portfolio may hold: more is a typo, not a portfolio.</summary>
    public const int MaxPositionsLimit = 1_000;

    /// <summary>The settings as stored: the ranking and size in their canonical text, the positions in ascending order.</summary>
    /// <exception cref="PortfolioException">A positions value, ranking or size that cannot run, in one line.</exception>
    public static PortfolioJobSettings Resolve(PortfolioJobSettings asked, double capital, string? executionSize)
    {
        if (executionSize is not (null or "all"))
        {
            throw new PortfolioException($"A portfolio job is sized by its portfolio size (slots, pct:P or amount:A), not by size '{Engine.Text.UserText.Excerpt(executionSize)}'.");
        }

        if (asked.MaxPositions.Count is 0 or > MaxPositionValues)
        {
            throw new PortfolioException(string.Create(CultureInfo.InvariantCulture, $"A portfolio job tries 1 to {MaxPositionValues} position counts, not {asked.MaxPositions.Count}."));
        }

        foreach (int positions in asked.MaxPositions)
        {
            if (positions is < 1 or > MaxPositionsLimit)
            {
                throw new PortfolioException(string.Create(CultureInfo.InvariantCulture, $"max_positions must be 1 to {MaxPositionsLimit:N0}, not {positions}."));
            }
        }

        if (asked.MaxPositions.Distinct().Count() != asked.MaxPositions.Count)
        {
            throw new PortfolioException($"max_positions names a count twice ({string.Join(", ", asked.MaxPositions)}): give each once.");
        }

        var size = PortfolioSizing.Parse(asked.Size);
        if (size.Problem(capital) is { } problem)
        {
            throw new PortfolioException(problem);
        }

        return asked with { MaxPositions = [.. asked.MaxPositions.Order()], Rank = PortfolioRanking.Parse(asked.Rank).ToString(), Size = size.ToString() };
    }

    public static string TooLarge(int parameterSets, int positionValues, int maxTasks) => string.Create(
        CultureInfo.InvariantCulture,
        $"The job has {(long)parameterSets * positionValues:N0} portfolio backtests ({parameterSets:N0} parameter sets x {positionValues:N0} position counts); the limit is {maxTasks:N0} (Cluster:MaxTasks).");

    /// <summary>Lane L runs every parameter set as a portfolio of all the job's symbols with the L-th positions value.</summary>
    public static List<ChunkLane> Lanes(JobSpec spec, PortfolioJobSettings portfolio) =>
        [.. portfolio.MaxPositions.Select(n => new ChunkLane(PortfolioJobSettings.LaneLabel(n), spec.From, spec.To, DataFingerprint: null))];

    /// <summary>The portfolio part of a lane's chunks: the universe with the planner's fingerprints, the lane's positions, rank and size.</summary>
    public static PortfolioChunk Chunk(JobSpec spec, PortfolioJobSettings portfolio, int maxPositions) => new(
        spec.Symbols,
        [.. spec.Symbols.Select(symbol => spec.DataFingerprints?.GetValueOrDefault(symbol) ?? string.Empty)],
        maxPositions,
        portfolio.Rank,
        portfolio.Size)
    {
        PerSymbol = portfolio.PerSymbol,
    };
}
