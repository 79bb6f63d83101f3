namespace ClaudBot.Charts;

/// <summary>
/// One line on the chart: equity values (currency) on trading dates, same length, dates ascending.
/// </summary>
/// <param name="Label">The legend text; long labels are shortened with an ellipsis.</param>
/// <param name="Dates">Trading dates, strictly ascending.</param>
/// <param name="Equity">Account equity on each date; finite and greater than zero.</param>
public sealed record EquitySeries(string Label, IReadOnlyList<DateOnly> Dates, IReadOnlyList<double> Equity)
{
    /// <summary>A reference line (buy-and-hold): drawn dashed grey, and left out of the drawdown panel.</summary>
    public bool IsBenchmark { get; init; }
}
