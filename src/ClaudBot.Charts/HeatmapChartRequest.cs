namespace ClaudBot.Charts;

/// <summary>
/// What <see cref="HeatmapChart.RenderPng"/> draws: one value per pair of two parameters' values, e.g. the median Sharpe of
/// an rsi sweep by period (across) and lower band (down). <see cref="Values"/>[y][x] is the cell of
/// <see cref="Ys"/>[y] and <see cref="Xs"/>[x]; null where there is no value (drawn grey).
/// </summary>
public sealed record HeatmapChartRequest(string Title, string XLabel, string YLabel, IReadOnlyList<double> Xs, IReadOnlyList<double> Ys, IReadOnlyList<IReadOnlyList<double?>> Values)
{
    /// <summary>What the colours mean, beside the colour bar (e.g. <c>median Sharpe</c>).</summary>
    public string ValueLabel { get; init; } = string.Empty;

    /// <summary>Image width in pixels, 200 to 4000.</summary>
    public int Width { get; init; } = 1000;

    /// <summary>Image height in pixels, 200 to 4000.</summary>
    public int Height { get; init; } = 700;
}
