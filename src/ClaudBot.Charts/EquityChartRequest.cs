namespace ClaudBot.Charts;

/// <summary>What <see cref="EquityChart.RenderPng"/> draws: 1 to 8 series under a title, at a size in pixels.</summary>
/// <param name="Title">Shown above the chart; empty for none.</param>
/// <param name="Series">The lines, in legend order; they may cover different date ranges.</param>
public sealed record EquityChartRequest(string Title, IReadOnlyList<EquitySeries> Series)
{
    /// <summary>Image width in pixels, 200 to 4000.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Image height in pixels, 200 to 4000.</summary>
    public int Height { get; init; } = 700;

    /// <summary>Dates marked by a thin vertical line across both panels (a walk-forward's window boundaries); at most 500.</summary>
    public IReadOnlyList<DateOnly> Markers { get; init; } = [];
}
