using System.Globalization;
using ClaudBot.Charts;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Results;

/// <summary>The heatmap of a job's <see cref="ParameterSurface"/>, as the chat, Telegram and the dashboard show it.</summary>
public static class SurfaceChart
{
    /// <param name="portfolio">A portfolio job's surface: its lanes are position counts, not symbols.</param>
    public static string Title(ParameterSurface surface, bool portfolio = false)
    {
        ArgumentNullException.ThrowIfNull(surface);
        string lane = portfolio ? "position count" : "symbol";
        string across = surface.Symbols == 1 ? $"on its {lane}" : string.Create(CultureInfo.InvariantCulture, $"median across {surface.Symbols} {lane}s");
        return $"{surface.Strategy}: {surface.Metric} by {surface.X} and {surface.Y} ({across})";
    }

    public static byte[] RenderPng(ParameterSurface surface, bool portfolio = false)
    {
        ArgumentNullException.ThrowIfNull(surface);
        return HeatmapChart.RenderPng(new HeatmapChartRequest(Title(surface, portfolio), surface.X, surface.Y, surface.Xs, surface.Ys, surface.Median)
        {
            ValueLabel = surface.Symbols == 1 ? surface.Metric : "median " + surface.Metric,
        });
    }
}
